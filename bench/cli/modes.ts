/**
 * The command's lookup data three ways (bundled, cold, cached), the CSV tables of data/ the last
 * two are given, and what each run must show on standard error to count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { measure, row } from '../measure';
import { NPX } from './launchers';
import { root, rssText, spawnTimed, type Spawned } from './process';
import type { Workspace } from './workspace';

/** The CSV tables of data/ (uniprot → entrez, ensembl_gene → entrez), as the command is given them. */
export const TABLES = [
  { file: 'data/uniprot.csv.gz', header: 'uniprot,entrez_id', name: 'uniprot_csv' },
  { file: 'data/ensembl_gene.csv.gz', header: 'ensembl_gene,entrez_id', name: 'ensembl_gene_csv' },
].map((t) => ({ ...t, types: t.header.replace(/^(\w+),entrez_id$/, '$1=$1,entrez_id=entrez') }));
const MAP = ['map', '--from', 'uniprot', '--to', 'ensembl_gene'];
const TABLE_ARGS = TABLES.flatMap((t) => [
  '--table',
  join(root, t.file),
  '--types',
  t.types,
  '--name',
  t.name,
]);
const THEIRS = `via ${TABLES.map((t) => t.name).join(' + ')}`;

export interface Mode {
  name: string;
  args: (ids: string, out: string) => string[];
  env?: Record<string, string>;
  /** What the path line on standard error must show. */
  via: string;
  /** The run must not parse a table (it reads them packed). */
  packed: boolean;
}

export function commandModes({ cache, bundledCache }: Workspace): Mode[] {
  return [
    {
      name: 'bundled (shipped packed)',
      args: (ids, out) => [...MAP, '--out', out, ids],
      // An empty cache folder of its own, as a new user's: nothing of ~/.cache/crosswalk.
      env: { CROSSWALK_CACHE: bundledCache },
      via: 'via uniprot + ensembl_gene',
      packed: true,
    },
    {
      name: 'cold (CSV --table, parsed)',
      args: (ids, out) => [
        ...MAP,
        '--no-cache',
        '--disable',
        'uniprot,ensembl_gene',
        ...TABLE_ARGS,
        '--out',
        out,
        ids,
      ],
      via: THEIRS,
      packed: false,
    },
    {
      name: 'cached (after import)',
      args: (ids, out) => [
        ...MAP,
        '--cache',
        cache,
        '--disable',
        'uniprot,ensembl_gene',
        '--out',
        out,
        ids,
      ],
      via: THEIRS,
      packed: true,
    },
  ];
}

/** Throws unless a run of `mode` went the mode's path, and read its tables packed if it must. */
export function checkPath(mode: Mode, stderr: string): void {
  if (!stderr.includes(mode.via))
    throw new Error(`${mode.name}: the path is not ${mode.via}:\n${stderr}`);
  if (mode.packed && /parsing /.test(stderr))
    throw new Error(`${mode.name}: a table was parsed:\n${stderr}`);
}

/** The tables' headers are what `--types` names, or the cold and cached modes would map nothing. */
export function checkHeaders(): void {
  for (const t of TABLES) {
    const head = gunzipSync(readFileSync(join(root, t.file)))
      .subarray(0, 200)
      .toString('utf8');
    const header = head.split('\n')[0].trim();
    if (header !== t.header) throw new Error(`${t.file}: header "${header}", not "${t.header}"`);
  }
}

/** `crosswalk import` of each table into `cache`, once, for the cached mode; timed. */
export async function importTables(tmp: string, cache: string): Promise<void> {
  for (const t of TABLES) {
    let last: Spawned | undefined;
    const m = await measure(1, () => {
      last = spawnTimed(tmp, [
        ...NPX.cmd,
        'import',
        t.file,
        '--types',
        t.types,
        '--name',
        t.name,
        '--cache',
        cache,
      ]);
    });
    row(
      `npx crosswalk import ${t.file.replace('data/', '')}`,
      m,
      `${rssText(last!.rssKb)}; once, then read packed`,
    );
  }
  const stored = readdirSync(join(cache, 'tables')).length;
  if (stored !== TABLES.length)
    throw new Error(`the cache holds ${stored} packed tables after import, not ${TABLES.length}`);
}
