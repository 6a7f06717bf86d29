/**
 * `crosswalk import FILE` keeps a table in the cache folder, parsed once into its packed form, so
 * a later `map` reads it without parsing (its manifest's timing says where each table came from:
 * `persisted`, never `parsed`); `crosswalk cache --list | --remove NAME | --clear` show and empty
 * that folder. The steps run in order, on one cache folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Phase, RunManifest } from '../../../workers/api';
import {
  CLI_TIMEOUT,
  FIXTURES,
  records,
  removeScratch,
  runCli,
  scratchDir,
  type CliRun,
} from './run-cli';

const IDMAPPING = join(FIXTURES, 'formats', 'uniprot_idmapping.dat');
const PANEL = join(FIXTURES, 'user-tables', 'panel.csv');
const idmappingText = readFileSync(IDMAPPING, 'utf8');
/** The file has no header: each line is a row. */
const IDMAPPING_ROWS = idmappingText.split('\n').filter(Boolean).length;
const PANEL_ROWS = readFileSync(PANEL, 'utf8').split('\n').filter(Boolean).length - 1;
/** P32234's NCBI GeneID, read from the file's long form (accession, id type, id). */
const P32234_GENE = idmappingText
  .split('\n')
  .map((line) => line.split('\t'))
  .find(([ac, type]) => ac === 'P32234' && type === 'GeneID')![2];

let dir: string;
let cache: string;
const cached = (...args: string[]) => runCli([...args, '--cache', cache]);

interface Listed {
  kind: 'imported' | 'packed' | 'damaged';
  name: string;
  rows?: number;
}

async function listing(): Promise<Listed[]> {
  const run = await cached('cache', '--list', '--format', 'json', '-q');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

const kinds = (list: Listed[]) => list.map((entry) => `${entry.kind} ${entry.name}`).sort();

/** Every load phase of the table `name`, children included. */
function loads(phases: Phase[], name: string): Phase[] {
  return phases.flatMap((phase) => [
    ...(phase.kind === 'load' && phase.name === name ? [phase] : []),
    ...loads(phase.children ?? [], name),
  ]);
}

/** A `map` of P32234 (a fly accession only the imported file has) to NCBI Gene, with manifest. */
async function mapFly(manifest: string): Promise<{ run: CliRun; manifest: RunManifest }> {
  const run = await runCli(
    ['map', '--from', 'uniprot', '--to', 'entrez', '--manifest', manifest, '--cache', cache, '-q'],
    { input: 'P32234\n' },
  );
  expect(run.code).toBe(0);
  return { run, manifest: JSON.parse(readFileSync(manifest, 'utf8')) as RunManifest };
}

beforeAll(() => {
  dir = scratchDir();
  cache = join(dir, 'cache');
});

afterAll(removeScratch);

describe('crosswalk import, then cached runs', { timeout: CLI_TIMEOUT }, () => {
  it('imports a standard file and a typed table, two processes at once', async () => {
    const [idmapping, panel] = await Promise.all([
      cached('import', IDMAPPING),
      cached('import', PANEL, '--types', 'gene=symbol,uniprot=uniprot', '--name', 'panel2'),
    ]);
    expect([idmapping.code, panel.code]).toEqual([0, 0]);
    expect(idmapping.stderr).toContain('read as UniProt idmapping.dat');
    expect(idmapping.stderr).toContain(`imported "uniprot_idmapping.dat": ${IDMAPPING_ROWS} rows`);
    expect(panel.stderr).toContain(`imported "panel2": ${PANEL_ROWS} rows`);
  });

  it('lists both, each kept as its file and in packed form', async () => {
    const list = await listing();
    expect(kinds(list)).toEqual([
      'imported panel2',
      'imported uniprot_idmapping.dat',
      'packed panel2',
      'packed uniprot_idmapping.dat',
    ]);
    const rows = Object.fromEntries(
      list.filter((e) => e.kind === 'imported').map((e) => [e.name, e.rows]),
    );
    expect(rows).toEqual({ panel2: PANEL_ROWS, 'uniprot_idmapping.dat': IDMAPPING_ROWS });
  });

  it('maps through the imported table in a later run, reading it packed, never parsing it', async () => {
    const { run, manifest } = await mapFly(join(dir, 'after-import.json'));
    const [row] = records(run.stdout);
    expect(row).toMatchObject({ input: 'P32234', status: 'mapped', target: P32234_GENE });
    expect(row.path).toBe('uniprot → entrez via uniprot_idmapping.dat');
    const sources = loads(manifest.timing!.phases, 'uniprot_idmapping.dat').map((p) => p.source);
    expect(sources).toContain('persisted');
    expect(sources).not.toContain('parsed');
    // The manifest names the table by the sha256 of the file imported.
    const table = manifest.tables.find((t) => t.name === 'uniprot_idmapping.dat')!;
    expect(table.sha256).toBe(createHash('sha256').update(readFileSync(IDMAPPING)).digest('hex'));
    expect(table.bundled).toBe(false);
  });

  it('removes one imported table with --remove NAME, and refuses a name it does not keep', async () => {
    const [removed, unknown] = await Promise.all([
      cached('cache', '--remove', 'panel2'),
      cached('cache', '--remove', 'nosuchtable'),
    ]);
    expect(removed.code).toBe(0);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('"nosuchtable"');
    expect(kinds(await listing())).toEqual([
      'imported uniprot_idmapping.dat',
      'packed uniprot_idmapping.dat',
    ]);
  });

  it('empties the folder with --clear; the table is gone from later runs', async () => {
    const clear = await cached('cache', '--clear');
    expect(clear.code).toBe(0);
    const [list, { run }] = await Promise.all([listing(), mapFly(join(dir, 'after-clear.json'))]);
    expect(list).toEqual([]);
    expect(records(run.stdout)).toMatchObject([
      { input: 'P32234', status: 'unmapped', target: '' },
    ]);
  });
});
