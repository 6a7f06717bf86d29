/** `crosswalk map`'s flags, read and checked before any work (a bad one is exit code 2). */
import { parseArgs } from 'node:util';
import type {
  AmbiguityPolicy,
  AttributeRef,
  ExportFormat,
  ExportLayout,
  SplitMode,
} from '../../../workers/api';
import { LAYOUTS, POLICIES, SPLITS } from '../../../workers/common/manifest-file';
import { parseTypes, type TableToAdd } from '../add-table';
import { usage } from '../cli-error';
import { cacheOption, choice, COMMON_OPTIONS, count, listOf } from '../options';

export interface MapOptions {
  files: string[];
  from: string;
  to: string[];
  out?: string;
  format: ExportFormat;
  layout: ExportLayout;
  policy: AmbiguityPolicy;
  split: SplitMode;
  maxHops?: number;
  roundTrip: boolean;
  pinnedPath?: number;
  columns: AttributeRef[];
  tables: TableToAdd[];
  manifest?: string;
  includeIds: boolean;
  fromManifest?: string;
  data?: string;
  cache: string | false | undefined;
  enable: string[];
  disable: string[];
  indexOffset: number;
  quiet: boolean;
  /** The flags given on the command line (a manifest's settings yield to them). */
  given: Set<string>;
}

const FORMATS: readonly ExportFormat[] = ['tsv', 'csv', 'json'];

export function parseMapArgs(args: string[]): MapOptions {
  const { values, positionals, tokens } = parseArgs({
    args,
    allowPositionals: true,
    tokens: true,
    options: {
      ...COMMON_OPTIONS,
      from: { type: 'string', default: 'auto' },
      to: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', short: 'o' },
      format: { type: 'string', default: 'tsv' },
      layout: { type: 'string', default: 'long' },
      policy: { type: 'string', default: 'keep' },
      split: { type: 'string', default: 'auto' },
      'max-hops': { type: 'string' },
      'round-trip': { type: 'boolean', default: false },
      path: { type: 'string' },
      column: { type: 'string', multiple: true, default: [] },
      table: { type: 'string', multiple: true, default: [] },
      types: { type: 'string', multiple: true, default: [] },
      name: { type: 'string', multiple: true, default: [] },
      manifest: { type: 'string' },
      'include-ids': { type: 'boolean', default: false },
      'from-manifest': { type: 'string' },
      enable: { type: 'string', multiple: true, default: [] },
      disable: { type: 'string', multiple: true, default: [] },
      'index-offset': { type: 'string' },
    },
  });
  const given = new Set(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  const pinned = values.path === undefined ? undefined : count(values.path, '--path', 1) - 1;
  return {
    files: positionals,
    from: values.from,
    to: values.to.flatMap((to) => listOf(to)),
    out: values.out,
    format: choice(values.format, FORMATS, '--format'),
    layout: choice(values.layout, LAYOUTS, '--layout'),
    policy: choice(values.policy, POLICIES, '--policy'),
    split: choice(values.split, SPLITS, '--split'),
    maxHops:
      values['max-hops'] === undefined ? undefined : count(values['max-hops'], '--max-hops', 1),
    roundTrip: values['round-trip'],
    pinnedPath: pinned,
    columns: values.column.map(columnRef),
    tables: tablesOf(tokens),
    manifest: values.manifest,
    includeIds: values['include-ids'],
    fromManifest: values['from-manifest'],
    data: values.data,
    cache: cacheOption(values),
    enable: values.enable.flatMap((t) => listOf(t)),
    disable: values.disable.flatMap((t) => listOf(t)),
    indexOffset:
      values['index-offset'] === undefined ? 0 : count(values['index-offset'], '--index-offset', 0),
    quiet: values.quiet,
    given,
  };
}

/** `--column go_terms:term` → the table and column of an extra output column. */
function columnRef(text: string): AttributeRef {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1)
    throw usage(`--column takes TABLE:COLUMN (see crosswalk tables); "${text}" is not one.`);
  return { table: text.slice(0, at), column: text.slice(at + 1) };
}

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never;

/** Each `--table FILE` with the `--types` and `--name` that follow it (before the next table). */
function tablesOf(tokens: Token[]): TableToAdd[] {
  const tables: TableToAdd[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'table') tables.push({ file: token.value });
    else if (token.name === 'types' || token.name === 'name') {
      const table = tables.at(-1);
      if (!table) throw usage(`--${token.name} belongs after the --table it describes.`);
      if (token.name === 'types') table.types = parseTypes(token.value);
      else table.name = token.value;
    }
  }
  return tables;
}
