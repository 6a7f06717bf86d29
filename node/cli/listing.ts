/** The listing verbs' output: a TSV table with a header (for people and `cut` alike), or JSON. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createEngine } from '../engine';
import { cacheOption, choice, COMMON_OPTIONS } from './options';
import { writeParts } from './write-output';

const clean = (value: string | number | undefined) =>
  String(value ?? '').replace(/[\t\r\n]+/g, ' ');

export async function writeListing(
  columns: string[],
  rows: Record<string, unknown>[],
  json: boolean,
): Promise<void> {
  if (json) return writeParts([`${JSON.stringify(rows, null, 2)}\n`]);
  const lines = [columns, ...rows.map((row) => columns.map((c) => clean(row[c] as string)))];
  return writeParts([lines.map((cells) => cells.join('\t')).join('\n') + '\n']);
}

/** A listing verb's flags: the common ones, `--format tsv|json`, and the verb's own. */
export async function listingEngine(
  args: string[],
  extra: NonNullable<ParseArgsConfig['options']>,
) {
  const { values } = parseArgs({
    args,
    options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'tsv' }, ...extra },
  });
  const flags = values as Record<string, unknown> & {
    data?: string;
    format: string;
    cache?: string;
    'no-cache'?: boolean;
  };
  const json = choice(flags.format, ['tsv', 'json'], '--format') === 'json';
  const engine = await createEngine({ data: flags.data, cache: cacheOption(flags) });
  return { engine, json, values: flags };
}
