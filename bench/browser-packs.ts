/**
 * Data packs in the browser bench (`npm run bench`, after bench/browser.ts's tables): one mapping
 * across each pack (bench/packs.ts PACK_RUNS) driven through the UI in Chromium, a fresh profile
 * per run. First use: the run downloads the pack's files it needs (the `fetch` and `keep` children
 * of each table's `read` phase: the download, then the copy into the Cache Storage) and loads their
 * tables, shipped packed (decompress, wrap, index). Then a reload and the same run (the files from
 * the Cache Storage, not downloaded again), and a second run in that page (the tables in memory). The opt-in
 * HMDB pack is accepted through its notice (`pack-optin`) first.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Phase } from '../workers/api';
import type { CatalogFile, CatalogPack } from '../workers/engine/tables/catalog';
import { NOT_ON_DEVICE } from '../src/lib/packs';
import { root } from './built-app';
import {
  LAST_PAIR_KEY,
  loadPhase,
  medians,
  ms,
  printTable,
  runMapping,
  withProfile,
  type Mapping,
} from './browser-app';
import { PACK_RUNS } from './packs';

interface PackFigures {
  /** Tables outside the pack the first run read from their files (its totals include them). */
  others: string;
  /** The pack's files the first run downloaded, and their bytes. */
  files: number;
  bytes: number;
  fetch: number;
  keep: number;
  decompress: number;
  wrap: number;
  index: number;
  /** The pack's tables' load phases in the first run, summed. */
  load: number;
  firstWorker: number;
  firstScreen: number;
  /** The pack's tables' load phases after the reload (their files from the Cache Storage), summed. */
  reloadLoad: number;
  reloadWorker: number;
  reloadScreen: number;
  memoryWorker: number;
  memoryScreen: number;
}

/** The ms of every phase called `name` below the loads (a `fetch` sits under its `read`). */
function stepMs(loads: Phase[], name: string): number {
  const sum = (list: Phase[]): number =>
    list.reduce((ms, p) => ms + (p.name === name ? p.ms : 0) + sum(p.children ?? []), 0);
  return sum(loads.flatMap((load) => load.children ?? []));
}

/** The `fetch` steps below the loads: one per downloaded file, its bytes in its detail. */
function fetches(loads: Phase[]): Phase[] {
  return loads.flatMap((load) =>
    (load.children ?? []).flatMap((c) => (c.children ?? []).filter((s) => s.name === 'fetch')),
  );
}

/**
 * Waits until the panel lists the pack (the catalog is loaded; on a first visit, not on this
 * device). An opt-in pack's notice is accepted on the first visit; after a reload the app accepts
 * it again by itself, once the catalog is loaded.
 */
async function packReady(page: Page, pack: CatalogPack, firstVisit: boolean): Promise<void> {
  const entry = page.locator(`[data-testid="pack"][data-pack="${pack.name}"]`);
  const status = entry.getByTestId('pack-status');
  if (firstVisit) await status.filter({ hasText: new RegExp(`^${NOT_ON_DEVICE}$`) }).waitFor();
  else await status.waitFor();
  if (!pack.optIn) return;
  const optIn = entry.getByTestId('pack-optin');
  if (firstVisit) await optIn.check();
  await page.waitForFunction(
    (name) =>
      document.querySelector<HTMLInputElement>(
        `[data-testid="pack"][data-pack="${name}"][aria-busy="false"] [data-testid="pack-optin"]`,
      )?.checked === true,
    pack.name,
  );
}

function onePack(url: string, pack: CatalogPack, tables: string[], mapping: Mapping) {
  return withProfile(async (context, page): Promise<PackFigures> => {
    let requests = 0;
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(`/data/packs/${pack.name}/`)) requests++;
    });
    await page.goto(url);
    await packReady(page, pack, true);
    const first = await runMapping(page, mapping, 1, 'immediate');
    const read = first.phases.filter(
      (p) => p.kind === 'load' && (p.source === 'shipped' || p.source === 'parsed'),
    );
    if (read.some((p) => p.source === 'parsed'))
      throw new Error(`a bundled table was parsed: ${read.map((p) => p.name).join(', ')}`);
    const loads = read.filter((p) => tables.includes(p.name));
    const downloads = fetches(loads);
    if (loads.length === 0 || downloads.length !== loads.length)
      throw new Error(`the first run downloaded ${downloads.length} of the ${pack.name} tables`);
    if (requests !== downloads.length)
      throw new Error(`${requests} requests for ${downloads.length} ${pack.name} files`);
    // Without the remembered pair there is no warm-up: the run loads the tables itself.
    await page.evaluate((key) => localStorage.removeItem(key), LAST_PAIR_KEY);
    await page.reload();
    await packReady(page, pack, false);
    const reloaded = await runMapping(page, mapping, 1, 'immediate');
    const reloadLoads = loads.map((load) => loadPhase(reloaded, load.name, 'shipped'));
    const second = await runMapping(page, mapping, 2);
    for (const load of loads) loadPhase(second, load.name, 'memory');
    if (requests !== downloads.length)
      throw new Error(`the ${pack.name} files were downloaded again after the reload`);

    return {
      others: read
        .filter((p) => !tables.includes(p.name))
        .map((p) => p.name)
        .join(', '),
      files: downloads.length,
      bytes: downloads.reduce((sum, f) => sum + Number.parseInt(f.detail ?? '0', 10), 0),
      fetch: stepMs(loads, 'fetch'),
      keep: stepMs(loads, 'keep'),
      decompress: stepMs(loads, 'decompress'),
      wrap: stepMs(loads, 'wrap'),
      index: stepMs(loads, 'index'),
      load: loads.reduce((sum, p) => sum + p.ms, 0),
      firstWorker: first.workerMs,
      firstScreen: first.totalMs,
      reloadLoad: reloadLoads.reduce((sum, p) => sum + p.ms, 0),
      reloadWorker: reloaded.workerMs,
      reloadScreen: reloaded.totalMs,
      memoryWorker: second.workerMs,
      memoryScreen: second.totalMs,
    };
  });
}

/** Measures each pack PACK_RUNS has a mapping for over `runs` fresh profiles and prints the table. */
export async function packBenchInBrowser(url: string, runs: number): Promise<void> {
  const catalog = JSON.parse(
    readFileSync(`${root}public/data/catalog.json`, 'utf8'),
  ) as CatalogFile;
  const rows: [CatalogPack, Mapping, number, PackFigures][] = [];
  for (const pack of catalog.packs ?? []) {
    const request = PACK_RUNS[pack.name];
    if (!request) continue;
    const mapping = {
      ids: request.text.split('\n'),
      source: request.source,
      target: request.target,
    };
    const tables = catalog.tables.filter((t) => t.pack === pack.name).map((t) => t.name);
    const figures: PackFigures[] = [];
    for (let i = 0; i < runs; i++) figures.push(await onePack(url, pack, tables, mapping));
    rows.push([pack, mapping, tables.length, medians(figures)]);
  }

  console.log(`\ndata packs: one mapping across each, median of ${runs} fresh profiles`);
  const both = (worker: number, screen: number) => `${ms(worker)} / ${ms(screen)}`;
  printTable(
    [
      ...['pack', 'mapping', 'fetched', 'fetch', 'keep', 'decompress', 'wrap', 'index', 'loads'],
      ...['first run', 'reload: loads', 'reload run', 'second run'],
    ],
    rows.map(([pack, m, files, f]) => [
      f.others ? `${pack.name} (+ ${f.others})` : pack.name,
      `${m.source} → ${m.target}`,
      `${f.files}/${files} files, ${Math.round(f.bytes / 1024).toLocaleString('en-US')} KB`,
      ...[f.fetch, f.keep, f.decompress, f.wrap, f.index, f.load].map(ms),
      both(f.firstWorker, f.firstScreen),
      ms(f.reloadLoad),
      both(f.reloadWorker, f.reloadScreen),
      both(f.memoryWorker, f.memoryScreen),
    ]),
  );
  console.log(
    [
      'pack: the pack the mapping needs (+ tables outside it its first run read from their files: in the run totals only)',
      'mapping: the source → target types run, with the ids of bench/packs.ts',
      "fetched: the pack's files the first run downloaded (of all its files), and their size",
      "fetch: downloading those files (the `fetch` step of each table's read phase), summed",
      'keep: putting them in the Cache Storage (the `keep` step of the read), summed',
      "decompress, wrap, index: the pack's tables' other load steps in that run (shipped packed: never parsed), each summed",
      "loads: the pack's tables' load phases in that run, summed: the steps above and the Cache Storage look-ups",
      'first run: worker total / click → result on screen, in a fresh profile (the pack not on this device)',
      "reload: loads: the pack's tables' load phases in the same run after a reload (their files from the Cache Storage; none downloaded again)",
      'reload run: that run, worker total / click → on screen',
      'second run: the run again in that page (the tables in memory), worker total / on screen',
    ].join('\n'),
  );
}
