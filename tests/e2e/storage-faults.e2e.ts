/**
 * What the user stored survives damaged records and a second tab (#11 items 1 and 2), in real
 * Chromium with real IndexedDB. Expected tables and mappings come from the fixture files and the
 * bundled tables, read here independently of the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  download,
  failOnPageErrors,
  index,
  parseCsv,
  parseTsv,
  runMapping,
  step,
  toExportRows,
} from './helpers';

const QUIRKS = fileURLToPath(new URL('../fixtures/quirks/', import.meta.url));
const rowsOf = (file: string) => parseCsv(readFileSync(`${QUIRKS}${file}`, 'utf8')).length - 1;

const tableItem = (page: Page, name: string) =>
  page.getByTestId('tables').locator(`[data-table="${name}"]`);

/** Picks a gene/uniprot/organ file, names it, types its columns and checks it. */
async function checkOrganFile(page: Page, file: string, name: string): Promise<void> {
  await page.getByTestId('table-file').setInputFiles(`${QUIRKS}${file}`);
  await expect(page.getByTestId('table-preview')).toBeVisible();
  await page.getByTestId('table-name').fill(name);
  const column = (testId: string, name: string) =>
    page.locator(`[data-testid="${testId}"][data-column="${name}"]`);
  await column('column-type', 'gene').selectOption('symbol');
  await column('column-type', 'uniprot').selectOption('uniprot');
  // "organ" is a known type once a first table brought it.
  const organ = column('column-type', 'organ');
  if ((await organ.locator('option[value="organ"]').count()) > 0) await organ.selectOption('organ');
  else {
    await organ.selectOption({ label: 'New type…' });
    await column('new-type', 'organ').fill('organ');
  }
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report')).toBeVisible();
}

async function addOrganFile(page: Page, file: string, name: string): Promise<void> {
  await checkOrganFile(page, file, name);
  await page.getByTestId('table-add').click();
  await expect(tableItem(page, name)).toBeVisible();
}

/** uniprot → entrez as the bundled table has it. */
const ENTREZ = index('uniprot', 0, 1);
const IDS = ['P04637', 'P38398', 'P15090'];

async function mapsBundledListExactly(page: Page, run: number): Promise<void> {
  await runMapping(page, { ids: IDS, source: 'uniprot', target: 'entrez' }, run);
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  for (const id of IDS) {
    const got = new Set(rows.filter((row) => row.input === id).map((row) => row.target));
    expect(got, id).toEqual(step([id], ENTREZ));
  }
}

test('garbage in every store the app uses: it opens, maps, names what it set aside, and clears', async ({
  page,
}) => {
  const errors = failOnPageErrors(page);
  await page.goto('/');
  await addOrganFile(page, 'qin-like.csv', 'organs');
  await addOrganFile(page, 'hpa-like.csv', 'spare');
  // After a reload a run through your table parses it from its kept file, and the engine
  // stores the parsed copy 1 s later (bundled tables ship packed and are never stored).
  await page.reload();
  await runMapping(page, { ids: ['P15090'], source: 'uniprot', target: 'organ' });
  await expect(page.getByTestId('stored-table').first()).toBeVisible({ timeout: 15_000 });
  await mapsBundledListExactly(page, 2);

  const damaged = await page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const write = async (db: string, store: string, key: string, value: unknown) => {
      const database = await open(db);
      await new Promise<void>((resolve, reject) => {
        const tx = database.transaction(store, 'readwrite');
        tx.objectStore(store).put(value, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      database.close();
    };
    const keysOf = async (db: string, store: string) => {
      const database = await open(db);
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = database.transaction(store).objectStore(store).getAllKeys();
        request.onsuccess = () => resolve(request.result);
      });
      database.close();
      return keys.map(String);
    };
    const [tableKey] = await keysOf('crosswalk-tables', 'tables');
    // Every store: a damaged existing entry and a stray new one.
    await write('crosswalk-user-tables', 'records', 'spare', 'not a record');
    await write('crosswalk-user-tables', 'records', 'stray', { enabled: true });
    await write('crosswalk-user-files', 'files', 'organs', 'not the bytes');
    await write('crosswalk-user-files', 'files', 'stray-file', 42);
    await write('crosswalk-table-index', 'index', tableKey, null);
    await write('crosswalk-table-index', 'index', 'stray-index', 'garbage');
    await write('crosswalk-tables', 'tables', tableKey, { format: 3, columns: [null] });
    await write('crosswalk-tables', 'tables', 'stray-table', 'garbage');
    return { tableKey };
  });

  await page.reload();
  // It opens: the catalog and the tables list load.
  await expect(tableItem(page, 'uniprot')).toBeVisible();
  await expect(tableItem(page, 'organs')).toBeVisible();
  await expect(tableItem(page, 'spare')).toHaveCount(0);
  // It names what it set aside.
  const setAside = page.getByTestId('tables-set-aside');
  await expect(setAside).toContainText('“spare”');
  await expect(setAside).toContainText('“stray”');
  const entries = page.getByTestId('damaged-entry');
  for (const key of ['spare', 'stray', 'stray-index', 'stray-table', damaged.tableKey.slice(0, 40)])
    await expect(entries.filter({ hasText: key }).first()).toBeVisible();
  // It maps a bundled list exactly.
  await mapsBundledListExactly(page, 1);
  // It clears, and the damaged entries are gone after a reload too.
  await expect(page.getByTestId('clear-storage')).toBeEnabled();
  await page.getByTestId('clear-storage').click();
  await expect(page.getByTestId('damaged-entries')).toHaveCount(0);
  await page.reload();
  await expect(tableItem(page, 'organs')).toBeVisible();
  await expect(page.getByTestId('tables-set-aside')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('two tabs: neither overwrites nor revives the other’s tables, and each list stays true', async ({
  context,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const errors = [...[a, b].map(failOnPageErrors)];
  await a.goto('/');
  await b.goto('/');
  await expect(tableItem(b, 'uniprot')).toBeVisible();

  // B, open since before, checks hpa-like.csv as "panel" while A adds qin-like.csv as "panel".
  await checkOrganFile(b, 'hpa-like.csv', 'panel');
  await addOrganFile(a, 'qin-like.csv', 'panel');
  // B hears of it at once: its list shows A's table (A's row count), and its own "panel" cannot
  // be added over it (the engine refuses a name another tab took, should B not have heard).
  const qinRows = `${rowsOf('qin-like.csv')} rows`;
  await expect(tableItem(b, 'panel')).toContainText(qinRows);
  await expect(b.getByTestId('table-problems')).toContainText('panel');
  await expect(b.getByTestId('table-add')).toBeDisabled();
  await b.getByTestId('table-name').fill('panel-hpa');
  // A's table brought the type "organ": B's new type of that name becomes the known one.
  await b.locator('[data-testid="column-type"][data-column="organ"]').selectOption('organ');
  await b.getByTestId('table-check').click();
  await b.getByTestId('table-add').click();
  await expect(tableItem(b, 'panel-hpa')).toContainText(`${rowsOf('hpa-like.csv')} rows`);
  await expect(tableItem(a, 'panel-hpa')).toBeVisible();

  await a.reload();
  await expect(tableItem(a, 'panel')).toContainText(qinRows);
  expect(rowsOf('hpa-like.csv')).not.toBe(rowsOf('qin-like.csv'));

  // A removes its table: B's list follows without a reload, and nothing revives it.
  await tableItem(a, 'panel').getByTestId('table-remove').click();
  await expect(tableItem(a, 'panel')).toHaveCount(0);
  await expect(tableItem(b, 'panel')).toHaveCount(0);
  await b.reload();
  await expect(tableItem(b, 'panel-hpa')).toBeVisible();
  await expect(tableItem(b, 'panel')).toHaveCount(0);
  expect(errors.flat()).toEqual([]);
});
