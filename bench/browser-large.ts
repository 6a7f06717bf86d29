/**
 * `npm run bench`, last part: large inputs in Chromium (#15), one run each on the built app:
 *
 * - the 64 MB input limit (8.9 million accessions, cycled from the bundled uniprot table) as a
 *   file, mapped uniprot → ensembl_gene in a fresh page: choosing the file → results on screen,
 *   and the peak memory of the tab with its worker;
 * - the longest main-thread task (the Long Tasks API counts those over 50 ms) while a fresh page
 *   starts, reads a million ids from a file and maps them (loading its tables), draws their rows as the keyboard scrolls through them,
 *   and exports them as TSV and as JSON.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { MAX_INPUT_CHARS } from '../workers/common/id-tokens';
import { CHROMIUM, CHROMIUM_ARGS, withBuiltApp } from './built-app';
import { bundledAccessions, MB, peakMemory, timed, writeLines, type LineFile } from './large-files';
import { verdict } from './browser-report';
import { observeLongTasks, takeLongTasks } from './long-tasks';

const LIMIT_TARGET_S = 10;
const LIMIT_TARGET_MB = 1536;
const LONG_TASK_TARGET_MS = 50;
const SUMMARY = '[data-testid="summary"][data-run="1"]';

async function mapFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('ids-file').setInputFiles(file);
  await page.getByTestId('large-input').waitFor();
  await page.getByTestId('source-type').selectOption('uniprot');
  await page.getByTestId('target-type').selectOption('ensembl_gene');
  await page.getByTestId('run').click();
  await page.locator(`${SUMMARY}, [data-testid="error"]`).first().waitFor({ timeout: 300_000 });
  if (await page.getByTestId('error').count())
    throw new Error(`the run failed: ${await page.getByTestId('error').innerText()}`);
}

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="target-type"] option[value="uniprot"]').waitFor({
    state: 'attached',
  });
}

async function inputLimit(url: string, file: LineFile): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await ready(page, url);
    const [ms, peak] = await peakMemory(() => timed(() => mapFile(page, file.path)));
    const ok = ms <= LIMIT_TARGET_S * 1000 && peak <= LIMIT_TARGET_MB;
    console.log(
      `the ${MAX_INPUT_CHARS / MB} MB input limit (${file.lines.toLocaleString('en-US')} ids, a file) ` +
        `→ ensembl_gene: ${(ms / 1000).toFixed(1)} s, peak ${peak.toFixed(0)} MB ` +
        `(target ≤ ${LIMIT_TARGET_S} s and ≤ ${(LIMIT_TARGET_MB / 1024).toFixed(1)} GB: ${verdict(ok)})`,
    );
  } finally {
    await browser.close();
  }
}

async function longTasks(url: string, file: LineFile): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const phases: [string, number[]][] = [];
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await observeLongTasks(page);
    await ready(page, url);
    // Start-up work (catalog, warm-up) runs when idle: give it time to show.
    await page.waitForTimeout(1500);
    phases.push(['starting the page', await takeLongTasks(page)]);
    await mapFile(page, file.path);
    phases.push([
      `mapping ${file.lines.toLocaleString('en-US')} ids from a file`,
      await takeLongTasks(page),
    ]);
    const rows = page.getByTestId('results').getByRole('rowgroup');
    await rows.focus();
    for (const key of ['End', 'Home', ...Array(10).fill('PageDown'), 'End']) {
      await page.keyboard.press(key);
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    phases.push(['drawing rows while scrolling', await takeLongTasks(page)]);
    for (const format of ['tsv', 'json']) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByTestId(`export-${format}`).click(),
      ]);
      await download.path();
      phases.push([`exporting them as ${format.toUpperCase()}`, await takeLongTasks(page)]);
    }
  } finally {
    await browser.close();
  }
  console.log(`\nlongest main-thread task (target ≤ ${LONG_TASK_TARGET_MS} ms), one fresh page:`);
  for (const [label, tasks] of phases) {
    const longest = Math.max(0, ...tasks);
    const shown = tasks.length ? `${longest} ms (${tasks.length} over 50 ms)` : 'none over 50 ms';
    console.log(
      `  ${label.padEnd(40)}${shown.padEnd(26)}${verdict(longest <= LONG_TASK_TARGET_MS)}`,
    );
  }
}

if (!existsSync(CHROMIUM)) {
  console.log(`large-input bench: skipped (no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`);
  process.exit(0);
}
{
  const work = mkdtempSync(join(tmpdir(), 'crosswalk-large-'));
  try {
    const accessions = bundledAccessions();
    const cycled = (i: number) => accessions[i % accessions.length];
    const limit = await writeLines(work, 'ids-limit.txt', MAX_INPUT_CHARS - 64, cycled);
    const million = {
      path: join(work, 'ids-1m.txt'),
      lines: 1_000_000,
      bytes: 0,
    };
    writeFileSync(
      million.path,
      Array.from({ length: million.lines }, (_, i) => cycled(i)).join('\n'),
    );
    console.log(`\nLarge inputs (one run each)\n`);
    await withBuiltApp(
      () => undefined,
      async (url) => {
        await inputLimit(url, limit);
        await longTasks(url, million);
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
