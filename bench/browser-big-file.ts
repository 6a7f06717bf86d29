/**
 * `npm run bench`, big files (#19): a synthetic UniProt `idmapping.dat.gz` of the human file's
 * shape (bench/big-idmapping.ts) with 30M rows, imported in Chromium on the built app keeping 4 ID
 * types (GeneID, Ensembl, RefSeq, Gene_Name): the time from "Check table" to the report (the
 * streamed read and the packing), rows per second, adding it (the write to IndexedDB), the tab's
 * peak memory (the largest Chromium process, with its worker, sampled with `ps`), the stored size,
 * and the longest main-thread task. Next to it, the whole-file reader on the largest file it
 * takes (8M rows, 229 MB of text): the 30M-row file is over its 256 MB limit, so it cannot run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { writeBigIdmapping, type BigIdmapping } from './big-idmapping';
import { verdict } from './browser-report';
import { CHROMIUM, CHROMIUM_ARGS, withBuiltApp } from './built-app';
import { MB, peakMemory, timed } from './large-files';
import { observeLongTasks, takeLongTasks } from './long-tasks';
import { keepOnly, settled } from './table-panel';

const ROWS = Number(process.env.BIG_FILE_ROWS ?? 30_000_000);
const WHOLE_ROWS = 8_000_000;
const KEEP = ['GeneID', 'Ensembl', 'RefSeq', 'Gene_Name'];
const TARGET_ROWS_PER_S = 1_000_000;
const TARGET_PEAK_MB = 1536;
const TARGET_TASK_MS = 50;

interface Import {
  checkMs: number;
  addMs: number;
  peakMb: number;
  longest: number;
  report: string;
  listed: string;
}

async function importFile(url: string, file: BigIdmapping, keep: string[] | null): Promise<Import> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await observeLongTasks(page);
    await page.goto(url);
    await page.locator('[data-testid="target-type"] option[value="uniprot"]').waitFor({
      state: 'attached',
    });
    await page.getByTestId('table-file').setInputFiles(file.path);
    await page.getByTestId('table-format').waitFor();
    if (keep) await keepOnly(page, keep);
    await takeLongTasks(page);
    let checkMs = 0;
    let addMs = 0;
    let report = '';
    const [, peakMb] = await peakMemory(async () => {
      checkMs = await timed(async () => {
        await page.getByTestId('table-check').click();
        await settled(page, '[data-testid="table-report"]');
      });
      report = await page.getByTestId('table-report').innerText();
      addMs = await timed(async () => {
        await page.getByTestId('table-add').click();
        await settled(page, '[data-testid="tables"] [data-user="true"]');
      });
    });
    const longest = Math.max(0, ...(await takeLongTasks(page)));
    const listed = await page.locator('[data-testid="tables"] [data-user="true"]').innerText();
    return { checkMs, addMs, peakMb, longest, report, listed };
  } finally {
    await browser.close();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000);

function print(label: string, file: BigIdmapping, run: Import): void {
  const rate = perSecond(file.rows, run.checkMs + run.addMs);
  console.log(
    `${label}: ${file.rows.toLocaleString('en-US')} rows, ${Math.round(file.textBytes / MB)} MB of text, ` +
      `${Math.round(file.fileBytes / MB)} MB gzip`,
  );
  console.log(
    `  check (read, pack) ${seconds(run.checkMs)}, add (store) ${seconds(run.addMs)}: ` +
      `${rate.toLocaleString('en-US')} rows/s (target ≥ ${TARGET_ROWS_PER_S.toLocaleString('en-US')}: ${verdict(rate >= TARGET_ROWS_PER_S)})`,
  );
  console.log(
    `  tab peak ${run.peakMb.toFixed(0)} MB (target ≤ ${TARGET_PEAK_MB} MB: ${verdict(run.peakMb <= TARGET_PEAK_MB)}), ` +
      `longest main-thread task ${run.longest} ms (target ≤ ${TARGET_TASK_MS} ms: ${verdict(run.longest <= TARGET_TASK_MS)})`,
  );
  const finding = /Read in a stream:[^\n]*/.exec(run.report)?.[0];
  console.log(`  ${finding ?? 'read whole (the whole-file reader)'}`);
  console.log(
    `  listed: ${run.listed
      .split('\n')
      .find((l) => /rows/.test(l))
      ?.trim()}`,
  );
}

if (!existsSync(CHROMIUM)) {
  console.log(`big-file bench: skipped (no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`);
  process.exit(0);
}
{
  const work = mkdtempSync(join(tmpdir(), 'crosswalk-big-file-'));
  try {
    console.log(`\nBig files (#19), in Chromium, one run each\n`);
    const started = performance.now();
    const big = await writeBigIdmapping(join(work, 'HUMAN_9606_idmapping.dat.gz'), ROWS);
    const whole = await writeBigIdmapping(join(work, 'whole_idmapping.dat.gz'), WHOLE_ROWS);
    console.log(`(files written in ${seconds(performance.now() - started)})`);
    await withBuiltApp(
      () => undefined,
      async (url) => {
        print(`streamed, keeping ${KEEP.join(', ')}`, big, await importFile(url, big, KEEP));
        if (process.env.BIG_FILE_DEFAULT)
          print('streamed, the default types', big, await importFile(url, big, null));
        print(
          `whole-file reader (its largest: ${WHOLE_ROWS.toLocaleString('en-US')} rows), same 4 types`,
          whole,
          await importFile(url, whole, KEEP),
        );
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
