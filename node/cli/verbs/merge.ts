/**
 * `crosswalk merge SHARD…`: the TSV or CSV outputs of shards of one list (each mapped with
 * `--index-offset` set to the number of ids before it) back into one file in input order — the
 * header once, the shards ordered by their first `input_index`, every index checked to follow on.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, EXIT, usage } from '../cli-error';
import { writeParts } from '../write-output';

interface Shard {
  file: string;
  header: string;
  body: string;
  /** The first and last input_index of its rows (0 when it has none). */
  first: number;
  last: number;
}

export async function mergeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } },
  });
  if (positionals.length === 0) throw usage('Name the shard outputs: crosswalk merge FILE….');
  const shards = positionals.map(readShard).sort((a, b) => a.first - b.first);
  const header = shards[0].header;
  let next = 1;
  for (const shard of shards) {
    if (shard.header !== header)
      throw new CliError(`"${shard.file}" has other columns than "${shards[0].file}".`, EXIT.input);
    if (shard.first === 0) continue;
    if (shard.first !== next)
      throw new CliError(
        `"${shard.file}" starts at input ${shard.first}, not ${next}: a shard is missing or its --index-offset is wrong.`,
        EXIT.input,
      );
    next = shard.last + 1;
  }
  await writeParts([`${header}\n`, ...shards.map((s) => s.body)], values.out);
}

function readShard(file: string): Shard {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const separator = header.startsWith('input_index\t') ? '\t' : ',';
  if (!header.startsWith(`input_index${separator}`))
    throw new CliError(
      `"${file}" is not a TSV or CSV output of crosswalk map (its first column is not input_index).`,
      EXIT.input,
    );
  const body = end < 0 ? '' : text.slice(end + 1);
  const indexAt = (line: number) => Number(body.slice(line, body.indexOf(separator, line)));
  const lastLine = body.lastIndexOf('\n', body.length - 2) + 1;
  return {
    file,
    header,
    body,
    first: body ? indexAt(0) : 0,
    last: body ? indexAt(lastLine) : 0,
  };
}
