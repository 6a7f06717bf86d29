/**
 * The field's own files in the app (#14): each real excerpt (tests/fixtures/formats) is dropped
 * under a neutral name, recognised and named, confirmed with "Check table" and "Add table" only,
 * then mapped; the export's pairs are compared with pairs read from the file here.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import {
  download,
  failTestsOnPageErrors,
  parseTsv,
  rowsByLine,
  runMapping,
  toExportRows,
} from './helpers';

failTestsOnPageErrors();

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const text = (name: string) => readFileSync(join(FORMATS, name), 'utf8');
/** The file's data lines as cells: no `#` lines, and no header line unless `headerless`. */
function rows(name: string, headerless = false): string[][] {
  const lines = text(name)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'));
  return (headerless ? lines : lines.slice(1)).map((l) => l.split('\t'));
}
const unique = (values: string[]) => [...new Set(values)];

/**
 * Drops `name` as `download.txt` (recognition never reads the name), checks and adds it;
 * `proposed` looks at the proposal first.
 */
async function dropAndAdd(
  page: Page,
  name: string,
  label: string,
  proposed?: () => Promise<void>,
): Promise<void> {
  const neutral = join(mkdtempSync(join(tmpdir(), 'crosswalk-format-')), 'download.txt');
  copyFileSync(join(FORMATS, name), neutral);
  await page.getByTestId('table-file').setInputFiles(neutral);
  await expect(page.getByTestId('table-format')).toHaveText(label);
  await expect(page.getByTestId('table-problems')).toHaveCount(0);
  await proposed?.();
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report')).toBeVisible();
  await page.getByTestId('table-add').click();
  await expect(page.getByTestId('tables').locator('[data-table="download"]')).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
}

/** Maps `ids` and returns each line's targets from the TSV export (empty for none). */
async function mapped(page: Page, ids: string[], source: string, target: string) {
  await runMapping(page, { ids, source, target });
  const rowsOut = toExportRows(parseTsv(await download(page, 'export-tsv')));
  return rowsByLine(rowsOut, ids).map((line) => line.map((r) => r.target).filter(Boolean));
}

test('UniProt idmapping.dat: accessions to their GeneID rows', async ({ page }) => {
  const data = rows('uniprot_idmapping.dat', true).filter((r) => r[1] === 'GeneID');
  const ids = unique(data.map((r) => r[0]));
  await dropAndAdd(page, 'uniprot_idmapping.dat', 'UniProt idmapping.dat', async () => {
    // Every ID type of a file under the table limit is kept unless unticked.
    const kinds = unique(rows('uniprot_idmapping.dat', true).map((r) => r[1]));
    const listed = page.getByTestId('id-type');
    await expect(listed).toHaveCount(kinds.filter((k) => k !== 'NCBI_TaxID').length);
    await expect(
      page.locator('[data-id-type="GeneID"] [data-testid="id-type-keep"]'),
    ).toBeChecked();
  });
  const expected = ids.map((id) => unique(data.filter((r) => r[0] === id).map((r) => r[2])));
  expect(await mapped(page, ids, 'uniprot', 'entrez')).toEqual(expected);
});

test('NCBI gene_info: GeneIDs to the organism’s own symbols', async ({ page }) => {
  const data = rows('ncbi_gene_info.tsv').slice(0, 15);
  await dropAndAdd(page, 'ncbi_gene_info.tsv', 'NCBI gene_info');
  const target = `symbol_taxon_${data[0][0]}`;
  const ids = data.map((r) => r[1]);
  expect(await mapped(page, ids, 'entrez', target)).toEqual(data.map((r) => [r[2]]));
});

test('NCBI gene2ensembl: GeneIDs to Ensembl (FlyBase) genes', async ({ page }) => {
  const data = rows('ncbi_gene2ensembl.tsv', true);
  const ids = unique(data.map((r) => r[1]));
  await dropAndAdd(page, 'ncbi_gene2ensembl.tsv', 'NCBI gene2ensembl');
  const expected = ids.map((id) => unique(data.filter((r) => r[1] === id).map((r) => r[2])));
  expect(await mapped(page, ids, 'entrez', 'ensembl_gene')).toEqual(expected);
});

test('HGNC complete set: approved symbols to HGNC ids', async ({ page }) => {
  const [header, ...data] = text('hgnc_complete_set.txt')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
  const picked = data.slice(0, 10);
  await dropAndAdd(page, 'hgnc_complete_set.txt', 'HGNC complete set');
  const symbol = header.indexOf('symbol');
  const hgnc = header.indexOf('hgnc_id');
  const got = await mapped(
    page,
    picked.map((r) => r[symbol]),
    'symbol',
    'hgnc',
  );
  expect(got).toEqual(picked.map((r) => [r[hgnc]]));
});

test('Ensembl BioMart export: transcripts to genes', async ({ page }) => {
  const data = rows('biomart.txt').slice(0, 12);
  await dropAndAdd(page, 'biomart.txt', 'Ensembl BioMart export');
  const got = await mapped(
    page,
    data.map((r) => r[1]),
    'ensembl_transcript',
    'ensembl_gene',
  );
  expect(got).toEqual(data.map((r) => [r[0]]));
});

test('SSSOM: ChEBI ids to MeSH, exact matches only', async ({ page }) => {
  const data = rows('sssom.tsv').filter(
    (r) => r[0].startsWith('chebi:') && r[3].startsWith('mesh:') && r[2] === 'skos:exactMatch',
  );
  const picked = data.slice(0, 10);
  await dropAndAdd(page, 'sssom.tsv', 'SSSOM');
  const got = await mapped(
    page,
    picked.map((r) => `CHEBI:${r[0].slice('chebi:'.length)}`),
    'chebi',
    'mesh',
  );
  expect(got).toEqual(picked.map((r) => [r[3].slice('mesh:'.length)]));
});

test('UniProt TSV download: accessions to entry names', async ({ page }) => {
  const data = rows('uniprot_tsv.tsv').slice(0, 10);
  await dropAndAdd(page, 'uniprot_tsv.tsv', 'UniProt TSV download');
  const got = await mapped(
    page,
    data.map((r) => r[0]),
    'uniprot',
    'uniprot_entry_name',
  );
  expect(got).toEqual(data.map((r) => [r[1]]));
});

test('ChEBI database_accession: bare compound ids as CHEBI:…, to CAS numbers', async ({ page }) => {
  const data = rows('chebi_database_accession.tsv').filter((r) => r[3] === 'CAS Registry Number');
  const ids = unique(data.map((r) => `CHEBI:${r[1]}`));
  await dropAndAdd(page, 'chebi_database_accession.tsv', 'ChEBI database_accession');
  const expected = ids.map((id) =>
    unique(data.filter((r) => `CHEBI:${r[1]}` === id).map((r) => r[4])),
  );
  expect(await mapped(page, ids, 'chebi', 'cas')).toEqual(expected);
});

test('NCBI gene_history: discontinued GeneIDs are withdrawn, with NCBI’s date', async ({
  page,
}) => {
  const data = rows('ncbi_gene_history.tsv').slice(0, 5);
  await dropAndAdd(page, 'ncbi_gene_history.tsv', 'NCBI gene_history');
  await runMapping(page, { ids: data.map((r) => r[2]), source: 'entrez', target: 'symbol' });
  const reasons = page.getByTestId('row-reason');
  for (const [i, r] of data.entries()) {
    const iso = `${r[4].slice(0, 4)}-${r[4].slice(4, 6)}-${r[4].slice(6)}`;
    await expect(reasons.nth(i)).toHaveText(`withdrawn (on ${iso})`);
  }
});

test('a gzip of several members (bgzip, or files joined) is read whole too', async ({ page }) => {
  // Chromium's own gzip reader stops at the end of the first member.
  const excerpt = readFileSync(join(FORMATS, 'uniprot_idmapping.dat'));
  const cuts = [0, 700, 1900, excerpt.length];
  const members = cuts.slice(1).map((end, i) => gzipSync(excerpt.subarray(cuts[i], end)));
  await page.getByTestId('table-file').setInputFiles({
    name: 'members.dat.gz',
    mimeType: 'application/gzip',
    buffer: Buffer.concat(members),
  });
  await expect(page.getByTestId('table-format')).toHaveText('UniProt idmapping.dat');
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report')).toBeVisible();
  const rows = excerpt.toString().split('\n').filter(Boolean).length;
  await expect(page.getByTestId('table-report')).toContainText(`${rows} rows`);
  await expect(page.getByTestId('error')).toHaveCount(0);
});
