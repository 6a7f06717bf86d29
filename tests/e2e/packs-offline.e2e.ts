/**
 * Data packs (#13): the first visit downloads only the core; a metabolite list (cas →
 * pubchem_cid) and a mouse list (mouse_symbol → ensembl_gene) fetch their pack on first use, and
 * map again offline after a reload. Expected targets come from verbatim rows of the raw files
 * (tests/fixtures/raw, copied from ../shared/data), joined here with plain Maps.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { download, failTestsOnPageErrors, parseTsv, runMapping, toExportRows } from './helpers';

failTestsOnPageErrors();

const RAW = fileURLToPath(new URL('../fixtures/raw/', import.meta.url));

/** A raw TSV fixture as rows of cells, header dropped. */
function raw(file: string): string[][] {
  return readFileSync(`${RAW}${file}`, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

function multi(rows: string[][], from: number, to: number): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row[to]) continue;
    map.set(row[from], (map.get(row[from]) ?? new Set()).add(row[to]));
  }
  return map;
}

// CAS → ChEBI (bare numbers in the raw file) → PubChem CID.
const casToChebi = multi(raw('cas_to_chebi.tsv'), 0, 1);
const chebiToCid = multi(raw('chebi_to_pubchem.tsv'), 0, 1);
const CAS = ['50-99-7', '64-17-5', '58-08-2'];
const expectedCids = (cas: string) =>
  new Set([...(casToChebi.get(cas) ?? [])].flatMap((c) => [...(chebiToCid.get(c) ?? [])]));
// MGI entries: symbol → Ensembl gene.
const mouseToEnsembl = multi(raw('mgi_entries.tsv'), 1, 3);
const MOUSE = ['Trp53', 'Actb', 'Gapdh'];

async function targetsByInput(page: Page): Promise<Map<string, Set<string>>> {
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  const map = new Map<string, Set<string>>();
  for (const row of rows)
    if (row.target) map.set(row.input, (map.get(row.input) ?? new Set()).add(row.target));
  return map;
}

async function mapBoth(page: Page, first: number): Promise<void> {
  await runMapping(page, { ids: CAS, source: 'cas', target: 'pubchem_cid' }, first);
  const cids = await targetsByInput(page);
  for (const cas of CAS) expect(cids.get(cas) ?? new Set(), cas).toEqual(expectedCids(cas));
  await runMapping(page, { ids: MOUSE, source: 'mouse_symbol', target: 'ensembl_gene' }, first + 1);
  const genes = await targetsByInput(page);
  for (const symbol of MOUSE) expect(genes.get(symbol), symbol).toEqual(mouseToEnsembl.get(symbol));
}

async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls.map((url) => new URL(url).pathname);
  });
}

test('a metabolite and a mouse list fetch their packs once, then map offline', async ({
  page,
  context,
}) => {
  for (const cas of CAS) expect(expectedCids(cas).size, cas).toBeGreaterThan(0);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  // The first visit cached the core tables and no pack.
  const before = await cachedPaths(page);
  expect(before).toContain('/data/genes.packed');
  expect(before.filter((path) => path.startsWith('/data/packs/'))).toEqual([]);

  await mapBoth(page, 1);
  const after = await cachedPaths(page);
  expect(after.some((path) => path.startsWith('/data/packs/metabolites/'))).toBe(true);
  expect(after.some((path) => path.startsWith('/data/packs/mouse/'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await mapBoth(page, 1);
  await context.setOffline(false);
});
