/**
 * `crosswalk map --table FILE`: a table of the user's for one run, its columns typed by
 * `--types col=type,…` or, for a database's standard file, by the app's recognition of it. The
 * output is the app's export with the same table added (made in this process); its cells are
 * read from the fixture files themselves; and the run leaves nothing in the cache folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { CrosswalkEngine } from '../../../workers/engine/engine';
import { parseCsvRecords } from '../../reference-csv';
import { addUserTable, appExport, bundledEngine, edges } from './expected';
import { CLI_TIMEOUT, FIXTURES, records, removeScratch, runCli, scratchDir } from './run-cli';

const PANEL = join(FIXTURES, 'user-tables', 'panel.csv');
const IDMAPPING = join(FIXTURES, 'formats', 'uniprot_idmapping.dat');

/** panel.csv read plainly: gene → its row's accession (trimmed) and organ. */
const panel = new Map(
  parseCsvRecords(readFileSync(PANEL, 'utf8'))
    .slice(1)
    .map(([gene, uniprot, organ]) => [gene, { uniprot: uniprot.trim(), organ }]),
);

/** idmapping.dat read plainly (accession, id type, id): the accession → its NCBI GeneIDs. */
const geneIdsOf = (accession: string) =>
  readFileSync(IDMAPPING, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([ac, type]) => ac === accession && type === 'GeneID')
    .map(([, , id]) => id);

let engines: { panel: CrosswalkEngine; idmapping: CrosswalkEngine };
let cache: string;

beforeAll(async () => {
  cache = join(scratchDir(), 'cache');
  const [withPanel, withIdmapping] = [await bundledEngine(), await bundledEngine()];
  await addUserTable(withPanel, PANEL, {
    name: 'panel',
    columns: [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
      { name: 'organ' },
    ],
  });
  // The app's own reading of a standard file: recognised from its first rows, fully typed.
  const bytes = readFileSync(IDMAPPING);
  const preview = await withIdmapping.previewTable(new Blob([bytes]), IDMAPPING);
  if (!preview.format) throw new Error('the app does not recognise uniprot_idmapping.dat');
  await addUserTable(withIdmapping, IDMAPPING, {
    ...preview.format.spec,
    name: 'uniprot_idmapping.dat',
  });
  engines = { panel: withPanel, idmapping: withIdmapping };
}, CLI_TIMEOUT);

afterAll(removeScratch);

describe.concurrent('crosswalk map --table', { timeout: CLI_TIMEOUT }, () => {
  it('maps through a table typed with --types, its extra column beside', async ({ expect }) => {
    const genes = ['TP53', 'INS', 'GFAP'];
    const text = `${genes.join('\n')}\n`;
    const args = ['--types', 'gene=symbol,uniprot=uniprot', '--column', 'panel:organ'];
    const run = await runCli(
      ['map', '--from', 'symbol', '--to', 'uniprot', '--table', PANEL, ...args, '--cache', cache],
      { input: text },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('table "panel": 14 rows');
    expect(run.stdout).toBe(
      await appExport(engines.panel, {
        text,
        source: 'symbol',
        target: 'uniprot',
        attributes: [{ table: 'panel', column: 'organ' }],
      }),
    );
    const rows = records(run.stdout);
    expect(rows.map((row) => [row.input, row.status, row.target, row['organ (panel)']])).toEqual(
      genes.map((gene) => [gene, 'mapped', panel.get(gene)!.uniprot, panel.get(gene)!.organ]),
    );
    expect(new Set(rows.map((row) => row.path))).toEqual(new Set(['symbol → uniprot via panel']));
    // A --table lasts for its run: the cache folder keeps no table of yours afterwards.
    const list = await runCli(['cache', '--list', '--format', 'json', '--cache', cache, '-q']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('recognises a standard file given without --types, as the app does', async ({ expect }) => {
    // Two fly accessions only the file has, and a human one the bundled tables answer.
    const ids = ['P32234', 'P81928', 'P04637'];
    const text = `${ids.join('\n')}\n`;
    const run = await runCli(
      ['map', '--from', 'uniprot', '--to', 'entrez', '--table', IDMAPPING, '--no-cache'],
      { input: text },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`"${IDMAPPING}" read as UniProt idmapping.dat`);
    expect(run.stdout).toBe(
      await appExport(engines.idmapping, { text, source: 'uniprot', target: 'entrez' }),
    );
    const rows = records(run.stdout);
    const human = edges('uniprot', 'uniprot', 'entrez_id').get('P04637')!;
    expect(rows.map((row) => [row.input, row.target])).toEqual([
      ['P32234', ...geneIdsOf('P32234')],
      ['P81928', ...geneIdsOf('P81928')],
      ['P04637', ...human],
    ]);
    expect(geneIdsOf('P32234')).toHaveLength(1);
    expect(rows[0].path).toBe('uniprot → entrez via uniprot_idmapping.dat');
    expect(rows[2].path).toBe('uniprot → entrez via uniprot');
  });

  it('refuses --types naming a column the file does not have (exit 2)', async ({ expect }) => {
    const run = await runCli(
      ['map', '--to', 'uniprot', '--no-cache', '--table', PANEL, '--types', 'symbol=symbol'],
      { input: 'TP53\n' },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no column "symbol"');
    expect(run.stderr).toContain('"gene", "uniprot", "organ"');
  });
});
