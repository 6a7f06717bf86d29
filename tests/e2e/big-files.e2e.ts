/**
 * A big file in the tab (#19): a synthetic UniProt idmapping.dat.gz of the human file's shape,
 * holding more than the 256 MB of text a table is read whole up to, is read in a stream with the
 * ID types Crosswalk knows ticked, kept packed, and maps a query exactly as the file says (the
 * expectations are read from the file here, line by line); the table survives a reload; and a
 * Cancel in the middle of the read leaves the table list and browser storage as they were.
 */
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { createGunzip } from 'node:zlib';
import { eachIdmappingRow, writeBigIdmapping, type BigIdmapping } from '../../bench/big-idmapping';
import {
  download,
  failTestsOnPageErrors,
  parseTsv,
  rowsByLine,
  runMapping,
  toExportRows,
} from './helpers';

failTestsOnPageErrors();
test.describe.configure({ timeout: 300_000 });

/**
 * 9.4M rows: the generator's rows average 28.6 bytes, so this is the fewest rows over 256 MB of
 * text (8M of them are 229 MB, which the whole-file reader would still take).
 */
const ROWS = 9_400_000;
const NAME = 'HUMAN_9606_idmapping.dat';
const MB = 1024 * 1024;

let file: BigIdmapping;
/** Query accessions, spread over the file, and the GeneIDs the file gives each. */
let query: string[];
let expected: string[][];

/** The accessions of the bundled uniprot table: a query avoids them (their GeneIDs are real). */
function bundledAccessions(): Set<string> {
  const csv = fileURLToPath(new URL('../../data/uniprot.csv.gz', import.meta.url));
  const lines = gunzipSync(readFileSync(csv)).toString().split('\n').slice(1);
  return new Set(lines.map((line) => line.split(',')[0]));
}

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-big-'));
  file = await writeBigIdmapping(join(dir, `${NAME}.gz`), ROWS);
  expect(file.textBytes).toBeGreaterThan(256 * MB);
  // Accessions at the start, at each fifth of the file and at its end that have GeneID rows.
  const bundled = bundledAccessions();
  const geneIds = new Map<string, string[]>();
  const marks = [0, 0.2, 0.4, 0.6, 0.8, 0.999].map((f) => Math.floor(f * ROWS));
  const picked: string[] = [];
  let line = 0;
  await eachIdmappingRow(createReadStream(file.path).pipe(createGunzip()), (ac, type, id) => {
    line++;
    if (type !== 'GeneID') return;
    const list = geneIds.get(ac);
    if (list) list.push(id);
    else geneIds.set(ac, [id]);
    const due = marks.length > picked.length && line >= marks[picked.length];
    if (due && !bundled.has(ac) && !picked.includes(ac)) picked.push(ac);
  });
  expect(picked).toHaveLength(marks.length);
  // One accession of the file's shape that it does not hold: no GeneID.
  const absent = 'Q9ZZZ9';
  expect(geneIds.has(absent) || bundled.has(absent)).toBe(false);
  query = [...picked, absent];
  expected = query.map((ac) => [...new Set(geneIds.get(ac) ?? [])]);
});

async function pickBigFile(page: Page): Promise<void> {
  await page.getByTestId('table-file').setInputFiles(file.path);
  await expect(page.getByTestId('table-format')).toHaveText('UniProt idmapping.dat');
  // The preview is of the file's start only: each ID type with its share of the rows read.
  await expect(page.getByTestId('id-type-share').first()).toHaveText(/^\(\d+%\)$/);
  await expect(page.locator('[data-id-type="GeneID"] [data-testid="id-type-keep"]')).toBeChecked();
  // A type Crosswalk does not know (UniRef100) is not ticked for a file this big.
  await expect(
    page.locator('[data-id-type="UniRef100"] [data-testid="id-type-keep"]'),
  ).not.toBeChecked();
}

async function mappedGeneIds(page: Page, run: number): Promise<string[][]> {
  await runMapping(page, { ids: query, source: 'uniprot', target: 'entrez' }, run);
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  return rowsByLine(rows, query).map((line) => [
    ...new Set(line.map((r) => r.target).filter(Boolean)),
  ]);
}

const tableNames = (page: Page) =>
  page
    .getByTestId('tables')
    .locator('[data-table]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-table')));

test('a big idmapping.dat.gz is read in a stream, maps exactly and survives a reload', async ({
  page,
}) => {
  await pickBigFile(page);
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-rows')).toContainText('rows read');
  await expect(page.getByTestId('table-report')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('table-report')).toContainText(
    `Read in a stream: ${ROWS.toLocaleString('en')} rows`,
  );
  await page.getByTestId('table-add').click();
  const listed = page.getByTestId('tables').locator(`[data-table="${NAME}"]`);
  await expect(listed).toBeVisible({ timeout: 60_000 });
  await expect(listed.getByTestId('table-streamed')).toContainText(
    `of ${ROWS.toLocaleString('en-US')} rows kept`,
  );
  await expect(page.getByTestId('error')).toHaveCount(0);
  expect(await mappedGeneIds(page, 1)).toEqual(expected);

  await page.reload();
  await expect(page.getByTestId('tables').locator(`[data-table="${NAME}"]`)).toBeVisible();
  expect(await mappedGeneIds(page, 1)).toEqual(expected);
});

test('Cancel in the middle of the read keeps nothing', async ({ page }) => {
  await expect(page.getByTestId('tables').locator('[data-table]').first()).toBeVisible();
  const before = await tableNames(page);
  await pickBigFile(page);
  await page.getByTestId('table-check').click();
  // Cancelled once rows are being read, well before the end.
  await expect(page.getByTestId('import-rows')).toContainText(/[1-9][\d,]* rows read/);
  await page.getByTestId('table-cancel').click();
  await expect(page.getByTestId('table-notice')).toContainText('nothing was kept');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  expect(await tableNames(page)).toEqual(before);
  // Nothing half-stored: the store of the user's files holds no file, and after a reload the
  // list is as it was.
  const files = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('crosswalk-user-files');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('files')) return resolve(0);
          const count = db.transaction('files').objectStore('files').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(files).toBe(0);
  await page.reload();
  await expect(page.getByTestId('tables').locator('[data-table]').first()).toBeVisible();
  expect(await tableNames(page)).toEqual(before);
});
