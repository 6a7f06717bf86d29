/**
 * The listing verbs: `crosswalk types` (every type the tables have), `crosswalk tables` (each
 * table with its provenance: source, release, licence, rows and the sha256 of its shipped file)
 * and `crosswalk paths` (ranked as the engine ranks them for the app). Expectations come from
 * catalog.json, the shipped files' own bytes, the CSV sources and the engine run in-process.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import type { PathInfo } from '../../../workers/api';
import type { CrosswalkEngine } from '../../../workers/engine/engine';
import { bundledEngine, sourceTable } from './expected';
import { CLI_TIMEOUT, PUBLIC_DATA, records, runCli, table } from './run-cli';

interface CatalogEntry {
  name: string;
  file: string;
  rows: number;
  columns: { name: string; type?: string }[];
  source: string;
  date: string;
  licence: string;
  pack?: string;
  enabled?: boolean;
}

const catalog = JSON.parse(readFileSync(join(PUBLIC_DATA, 'catalog.json'), 'utf8')) as {
  tables: CatalogEntry[];
};

let engine: CrosswalkEngine;

beforeAll(async () => {
  engine = await bundledEngine();
}, CLI_TIMEOUT);

describe.concurrent('listings', { timeout: CLI_TIMEOUT }, () => {
  it('types: every type a table of the catalog has, once', async ({ expect }) => {
    const run = await runCli(['types', '--no-cache']);
    expect(run.code).toBe(0);
    const { header } = table(run.stdout);
    expect(header).toEqual(['id', 'label', 'group', 'organism', 'example', 'pattern']);
    const ids = records(run.stdout).map((row) => row.id);
    const typed = catalog.tables.flatMap((t) => t.columns.flatMap((c) => c.type ?? []));
    expect(ids.sort()).toEqual([...new Set(typed)].sort());
  });

  it('tables: each with its source, release, licence, rows and sha256', async ({ expect }) => {
    const run = await runCli(['tables', '--no-cache']);
    expect(run.code).toBe(0);
    expect(table(run.stdout).header).toEqual([
      'name',
      'label',
      'origin',
      'enabled',
      'rows',
      'columns',
      'source',
      'release',
      'licence',
      'sha256',
    ]);
    const rows = new Map(records(run.stdout).map((row) => [row.name, row]));
    expect([...rows.keys()].sort()).toEqual(catalog.tables.map((t) => t.name).sort());
    for (const entry of catalog.tables) {
      const row = rows.get(entry.name)!;
      // The sha256 of the file as shipped, computed here from its bytes.
      const bytes = readFileSync(join(PUBLIC_DATA, entry.file));
      expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row).toMatchObject({
        source: entry.source,
        release: entry.date,
        licence: entry.licence,
        rows: String(entry.rows),
        origin: entry.pack ? `pack ${entry.pack}` : 'bundled',
        enabled: entry.enabled === false ? 'no' : 'yes',
        columns: entry.columns.map((c) => (c.type ? `${c.name}=${c.type}` : c.name)).join(','),
      });
    }
    // Row counts agree with the CSV sources the shipped tables are built from.
    for (const name of ['uniprot', 'ensembl_gene'])
      expect(rows.get(name)!.rows).toBe(String(sourceTable(name).rows.length));
  });

  it('paths: ranked as the engine ranks them, as TSV and as JSON', async ({ expect }) => {
    const [tsv, json] = await Promise.all([
      runCli(['paths', '--from', 'symbol', '--to', 'go_term', '--no-cache']),
      runCli(['paths', '--from', 'symbol', '--to', 'uniprot', '--format', 'json', '--no-cache']),
    ]);
    expect([tsv.code, json.code]).toEqual([0, 0]);
    const ranked = (paths: PathInfo[]) =>
      paths.map((path, i) => ({
        rank: String(i + 1),
        hops: String(path.steps.length),
        path: path.label,
        tables: path.steps.map((step) => step.table).join(' → '),
      }));
    const toGoTerm = engine.paths('symbol', 'go_term');
    expect(toGoTerm.length).toBeGreaterThan(1);
    expect(records(tsv.stdout)).toEqual(ranked(toGoTerm));
    const toUniprot = engine.paths('symbol', 'uniprot');
    const listed = JSON.parse(json.stdout) as { rank: number; steps: PathInfo['steps'] }[];
    expect(listed.map((p) => p.rank)).toEqual(toUniprot.map((_, i) => i + 1));
    expect(listed.map((p) => p.steps)).toEqual(toUniprot.map((p) => p.steps));
    // The first path through the approved symbols (genes), then the aliases, as the app ranks.
    expect(toUniprot.map((p) => p.steps[0].table)).toEqual(['genes', 'alias']);
  });
});
