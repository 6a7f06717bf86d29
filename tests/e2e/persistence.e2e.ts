/**
 * Bundled tables load shipped packed, never parsed, before and after a reload; the app works
 * offline (service worker precache); a browser whose IndexedDB fails still maps, with one notice.
 */
import { expect, test, type Page } from '@playwright/test';
import { LAST_PAIR_KEY } from '../../src/storage/last-pair';
import {
  download,
  failTestsOnPageErrors,
  index,
  parseTsv,
  runMapping,
  step,
  toExportRows,
  type RunOptions,
} from './helpers';

const UNIPROT_TO_ENSEMBL: RunOptions = {
  ids: ['P04637', 'P38398', 'P04745', 'NOTANID1', 'P15090'],
  source: 'uniprot',
  target: 'ensembl_gene',
};

const STORAGE_NOTICE = 'Browser storage is unavailable';

/** The table loads of the run shown in the timing panel (their steps carry no source). */
const loadPhases = (page: Page) =>
  page.locator('[data-testid="timing-phase"][data-kind="load"][data-source]');

/**
 * Checks that the shown run loaded exactly `count` tables, none parsed: each from its shipped
 * packed file, or from memory when the idle warm-up of the chosen pair got there first.
 */
async function expectShipped(page: Page, count: number): Promise<void> {
  await expect(loadPhases(page)).toHaveCount(count);
  await expect(
    loadPhases(page).and(page.locator(':not([data-source="shipped"]):not([data-source="memory"])')),
  ).toHaveCount(0);
}

/** Checks that the shown run loaded exactly `count` tables, every one from `source`. */
async function expectLoadsFrom(page: Page, source: string, count: number): Promise<void> {
  await expect(loadPhases(page)).toHaveCount(count);
  await expect(loadPhases(page).and(page.locator(`:not([data-source="${source}"])`))).toHaveCount(
    0,
  );
}

failTestsOnPageErrors({ open: false });

test('a bundled table is never parsed: shipped packed on the first run and after a reload, and not stored again', async ({
  page,
}) => {
  await page.goto('/');
  await runMapping(page, UNIPROT_TO_ENSEMBL);
  await expectShipped(page, 2);
  const first = await download(page, 'export-tsv');

  // Forget the last pair, so no idle warm-up runs: the run itself must read the tables.
  await page.evaluate((key) => localStorage.removeItem(key), LAST_PAIR_KEY);
  await page.reload();
  await runMapping(page, UNIPROT_TO_ENSEMBL);
  await expectShipped(page, 2);
  expect(await download(page, 'export-tsv'), 'the same export as before the reload').toBe(first);
  // The packed file is its own stored form: nothing was written to IndexedDB for it, even after
  // the engine's background writes had their chance (1 s after a run).
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('stored-table')).toHaveCount(0);
});

test('on a first visit the pair you choose is loaded while you get to the button', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('ids-input').fill(UNIPROT_TO_ENSEMBL.ids.join('\n'));
  await page.getByTestId('source-type').selectOption(UNIPROT_TO_ENSEMBL.source);
  await page.getByTestId('target-type').selectOption(UNIPROT_TO_ENSEMBL.target);
  // Choosing the source already warmed uniprot (with the default target); the pair's warm-up
  // adds ensembl_gene.
  const warm = page.getByTestId('warm-status');
  await expect(warm).toHaveAttribute('data-state', 'done');
  await expect(warm).toContainText('ensembl_gene');
  await runMapping(page, UNIPROT_TO_ENSEMBL);
  await expectLoadsFrom(page, 'memory', 2);
});

test('after a reload the idle warm-up loads the last pair, and a run right away still works', async ({
  page,
}) => {
  await page.goto('/');
  await runMapping(page, UNIPROT_TO_ENSEMBL);
  const first = await download(page, 'export-tsv');

  // Waiting for the warm-up: the first run after the reload finds both tables in memory.
  await page.reload();
  const warm = page.getByTestId('warm-status');
  await expect(warm).toHaveAttribute('data-state', 'done');
  await expect(warm).toContainText('uniprot');
  await expect(warm).toContainText('ensembl_gene');
  await runMapping(page, UNIPROT_TO_ENSEMBL);
  await expectLoadsFrom(page, 'memory', 2);
  expect(await download(page, 'export-tsv')).toBe(first);

  // Not waiting: the run may share loads with the warm-up still under way; none is parsed.
  await page.reload();
  await runMapping(page, UNIPROT_TO_ENSEMBL);
  await expect(loadPhases(page)).toHaveCount(2);
  await expect(loadPhases(page).and(page.locator('[data-source="parsed"]'))).toHaveCount(0);
  expect(await download(page, 'export-tsv')).toBe(first);
});

test('works offline once the service worker has cached the app and every core table', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit is not controlled by the worker it installed; the next load is.
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(page.getByTestId('online-status')).toHaveText('online');

  // Every core table of the catalog is precached: none of them was fetched by a run yet. Data
  // packs are left out of the precache (the first visit downloads only the core).
  const catalog = (await (await page.request.get('/data/catalog.json')).json()) as {
    tables: { file: string; pack?: string }[];
  };
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.map((url) => new URL(url).pathname);
  });
  for (const { file, pack } of catalog.tables) {
    if (pack) expect(cached).not.toContain(`/data/${file}`);
    else expect(cached).toContain(`/data/${file}`);
  }
  // …as the packed bytes shipped (a server's transfer encoding is undone before they are kept).
  const magic = await page.evaluate(async () => {
    const response = await caches.match('/data/uniprot.packed', { ignoreSearch: true });
    const bytes = new Uint8Array((await response?.arrayBuffer()) ?? new ArrayBuffer(0));
    return new TextDecoder().decode(bytes.subarray(0, 8));
  });
  expect(magic).toBe('CWPACKED');

  await context.setOffline(true);
  const uncached = await page.evaluate(() =>
    fetch('/data/catalog.json?not-precached').then(
      () => 'reached',
      () => 'failed',
    ),
  );
  expect(uncached, 'the network is really off').toBe('failed');
  await page.reload();
  // The page came from the service worker: the network is still off for this document.
  expect(
    await page.evaluate(() =>
      fetch('/data/catalog.json?still-off').then(
        () => 1,
        () => 0,
      ),
    ),
  ).toBe(0);
  // Chromium 150 reports navigator.onLine as true in a reloaded page under emulated offline
  // (a real disconnection reports false); switching the emulation again tells the new page.
  await context.setOffline(false);
  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('offline');

  // symbol → uniprot needs genes, alias and uniprot: never loaded before in this browser.
  const ids = ['TP53', 'P53', 'FABP4', 'NOTANID1'];
  await runMapping(page, { ids, source: 'symbol', target: 'uniprot' });
  await expect(loadPhases(page).and(page.locator('[data-source="parsed"]'))).toHaveCount(0);
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  const entrezToUniprot = index('uniprot', 1, 0);
  const tp53 = step(index('genes', 1, 0).get('TP53') ?? [], entrezToUniprot);
  expect(tp53.size).toBeGreaterThan(0);
  expect(new Set(rows.filter((row) => row.input === 'TP53').map((row) => row.target))).toEqual(
    tp53,
  );
  expect(rows.find((row) => row.input === 'NOTANID1')?.target).toBe('');

  await context.setOffline(false);
  await expect(page.getByTestId('online-status')).toHaveText('online');
});

test.describe('when IndexedDB fails', () => {
  // The page must fetch the worker script itself (not from a service worker) for the route below.
  test.use({ serviceWorkers: 'block' });

  test('maps from memory and shows one notice about storage', async ({ page }) => {
    // A real failure at the boundary: the shipped worker, with IndexedDB refusing to open.
    await page.route('**/assets/engine.worker-*.js', async (route) => {
      const response = await route.fetch();
      const body = `self.indexedDB.open = () => { throw new DOMException('blocked by the test', 'SecurityError'); };\n${await response.text()}`;
      await route.fulfill({ response, body });
    });
    await page.goto('/');

    await runMapping(page, UNIPROT_TO_ENSEMBL);
    await expectShipped(page, 2);
    const notices = page.getByTestId('notice').filter({ hasText: STORAGE_NOTICE });
    await expect(notices).toHaveCount(1);
    await expect(notices).toContainText('SecurityError');
    await expect(page.getByTestId('storage-problem')).toBeVisible();
    const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
    expect(rows.find((row) => row.input === 'P04637')?.status).toBe('mapped');

    // The notice is given once per visit; the next run maps from memory without repeating it.
    await runMapping(page, { ids: ['TP53'], source: 'symbol', target: 'uniprot' }, 2);
    await expect(page.getByTestId('notice').filter({ hasText: STORAGE_NOTICE })).toHaveCount(0);
    await runMapping(page, UNIPROT_TO_ENSEMBL, 3);
    await expectLoadsFrom(page, 'memory', 2);
  });
});
