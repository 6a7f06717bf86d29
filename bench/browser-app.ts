/**
 * Driving the built app in Chromium for the browser benches (bench/browser.ts and
 * bench/browser-packs.ts): a fresh profile per measurement, a mapping run the way a user runs
 * one, the app's own record of it, and the medians and table the figures are printed in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { Phase } from '../workers/api';
import { CHROMIUM, CHROMIUM_ARGS } from './built-app';

/** Where the app keeps its run history and last pair (src/state/RunHistory.svelte.ts, src/storage/last-pair.ts). */
const HISTORY_KEY = 'crosswalk.run-history.v1';
export const LAST_PAIR_KEY = 'crosswalk.last-pair.v1';

/** What the app keeps per run (RunRecord), as far as the benches read it. */
export interface RunRecord {
  totalMs: number;
  workerMs: number;
  phases: Phase[];
}

/** What a user types and chooses: the ids, and the type ids of the `source-type` / `target-type` options. */
export interface Mapping {
  ids: string[];
  source: string;
  target: string;
}

/**
 * Runs `use` in a fresh browser profile on disk (so IndexedDB and the Cache Storage are real),
 * with service workers blocked: only the engine is measured. The profile is removed afterwards.
 */
export async function withProfile<T>(
  use: (context: BrowserContext, page: Page) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'crosswalk-bench-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      serviceWorkers: 'block',
    });
    return await use(context, context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const version = browser.version();
  await browser.close();
  return version;
}

/**
 * Runs a mapping the way a user does and returns the app's record of it, plus the click time.
 * `pace`: `user` chooses the types, waits until the idle warm-up of the chosen pair is done (the
 * seconds a person takes), then clicks; `immediate` chooses them and clicks in one task, before
 * any warm-up can start: the cold path. Default: choose, then click as soon as Playwright can.
 */
export async function runMapping(
  page: Page,
  mapping: Mapping,
  run: number,
  pace: 'default' | 'user' | 'immediate' = 'default',
): Promise<RunRecord & { clickedAt: number }> {
  await page.getByTestId('ids-input').fill(mapping.ids.join('\n'));
  let clickedAt: number;
  if (pace === 'immediate') {
    // Both options must be listed (the catalog has loaded) before they can be chosen.
    for (const [testId, value] of [
      ['source-type', mapping.source],
      ['target-type', mapping.target],
    ])
      await page
        .locator(`[data-testid="${testId}"] option[value="${value}"]`)
        .waitFor({ state: 'attached' });
    clickedAt = await page.evaluate(`(() => {
      const choose = (testId, value) => {
        const select = document.querySelector('[data-testid="' + testId + '"]');
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose('source-type', ${JSON.stringify(mapping.source)});
      choose('target-type', ${JSON.stringify(mapping.target)});
      const clicked = Date.now();
      document.querySelector('[data-testid="run"]').click();
      return clicked;
    })()`);
  } else {
    await page.getByTestId('source-type').selectOption(mapping.source);
    await page.getByTestId('target-type').selectOption(mapping.target);
    if (pace === 'user')
      await page.locator('[data-testid="warm-status"][data-state="done"]').waitFor();
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="run"]') as HTMLButtonElement).disabled,
    );
    // Clicked in the page, so the time is read on the same clock as the worker's Date.now().
    clickedAt = await page.evaluate(() => {
      const clicked = Date.now();
      (document.querySelector('[data-testid="run"]') as HTMLButtonElement).click();
      return clicked;
    });
  }
  await page.locator(`[data-testid="summary"][data-run="${run}"]`).waitFor({ timeout: 120_000 });
  const error = page.getByTestId('error');
  if (await error.count()) throw new Error(`the run failed: ${await error.innerText()}`);
  const record = await page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as RunRecord[]).at(-1),
    HISTORY_KEY,
  );
  if (!record) throw new Error('the app kept no record of the run');
  return { ...record, clickedAt };
}

/** The run's load phase for `table`, checking it came from where the step expects. */
export function loadPhase(record: RunRecord, table: string, source: Phase['source']): Phase {
  const phase = record.phases.find((p) => p.kind === 'load' && p.name === table);
  if (!phase) throw new Error(`the run did not load ${table}`);
  if (phase.source !== source)
    throw new Error(`${table} came from ${phase.source}, expected ${source}`);
  return phase;
}

/** When the worker finished writing `table`'s record (`savedAt` in its index entry, a Date.now()). */
export async function savedAt(page: Page, table: string): Promise<number> {
  await page
    .locator(`[data-testid="stored-table"][data-name="${table}"]`)
    .waitFor({ timeout: 120_000 });
  // The database exists by now (the app listed the table), so opening it creates nothing.
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('crosswalk-table-index');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('index').objectStore('index').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const entry = (all.result as { name: string; savedAt: number }[]).find(
              (info) => info.name === name,
            );
            if (entry) resolve(entry.savedAt);
            else reject(new Error(`${name} is not in the index`));
          };
        };
      }),
    table,
  );
}

// ---------------------------------------------------------------------------------------------
// Reporting

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median of each figure over the runs (each figure on its own). */
export function medians<F extends object>(runs: F[]): F {
  const figures = { ...runs[0] };
  for (const key of Object.keys(figures) as (keyof F)[])
    if (typeof figures[key] === 'number')
      figures[key] = median(runs.map((run) => run[key] as number)) as F[keyof F];
  return figures;
}

export const ms = (value: number) =>
  `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;

/** Prints rows under a header, the first column left-aligned and the others right-aligned. */
export function printTable(head: string[], lines: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(format(head));
  for (const line of lines) console.log(format(line));
}
