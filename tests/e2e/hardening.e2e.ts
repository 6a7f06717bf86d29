/**
 * Hardening: large inputs stay out of the textarea and never block the main thread for long,
 * the app survives its worker being cancelled or crashing mid-job, and bad table files (odd
 * encodings, binary, damaged, huge) are refused with a message naming the file and the problem.
 */
import {
  copyFileSync,
  createWriteStream,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { downloadPath, failTestsOnPageErrors, index, readTable, runMapping, step } from './helpers';

/** Long tasks (main thread, over 50 ms) longer than this fail the test. */
const MAX_LONG_TASK_MS = 100;

/** `count` real UniProt accessions from the bundled table, cycled. */
function uniprotIds(count: number): string[] {
  const accessions = [...new Set(readTable('uniprot').map((row) => row[0]))];
  return Array.from({ length: count }, (_, i) => accessions[i % accessions.length]);
}

/** Waits for the catalog, lets start-up work settle, then records every long task from now on. */
async function observeLongTasks(page: Page): Promise<void> {
  await expect(page.getByTestId('target-type').locator('option[value="uniprot"]')).toHaveCount(1);
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function longTasks(page: Page, label: string): Promise<number[]> {
  // The observer reports a task after it ends; give the last one a frame to arrive.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  const durations = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  console.log(`[long tasks] ${label}: ${durations.length ? durations.join(', ') + ' ms' : 'none'}`);
  return durations;
}

async function pickTypes(page: Page, source: string, target: string): Promise<void> {
  await page.getByTestId('source-type').selectOption(source);
  await page.getByTestId('target-type').selectOption(target);
}

async function waitForRun(page: Page, run: number): Promise<void> {
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', String(run), {
    timeout: 45_000,
  });
}

type PastePage = Window & { __pasted?: string };

/** `aria-rowindex` of the first results row whose top is in view (the header is row 1). */
async function topRowIndex(page: Page): Promise<number> {
  return page
    .getByTestId('results')
    .getByRole('rowgroup')
    .evaluate((box) => {
      const top = box.getBoundingClientRect().top;
      const rows = Array.from(box.querySelectorAll('[role="row"]'));
      const first = rows.find((row) => row.getBoundingClientRect().top >= top - 0.5);
      return Number(first?.getAttribute('aria-rowindex') ?? -1);
    });
}

/**
 * Hands `text` to the page for a later `pasteStashed`. Playwright's own transfer of a large
 * argument costs the page a long task of its own (~100 ms for 700 KB), which is not the app's.
 */
async function stashPaste(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => ((window as PastePage).__pasted = pasted), text);
}

/** Dispatches a real paste event carrying the stashed text on the ids textarea. */
async function pasteStashed(page: Page): Promise<void> {
  await page.getByTestId('ids-input').evaluate((area) => {
    const data = new DataTransfer();
    data.setData('text/plain', (window as PastePage).__pasted ?? '');
    area.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
}

async function paste(page: Page, text: string): Promise<void> {
  await stashPaste(page, text);
  await pasteStashed(page);
}

failTestsOnPageErrors();

test.describe('large inputs', () => {
  test.setTimeout(120_000);

  test('a 100,000-id paste becomes a card and maps with no long task over 100 ms', async ({
    page,
  }) => {
    const ids = uniprotIds(100_000);
    await stashPaste(page, ids.join('\n'));
    await observeLongTasks(page);
    await pasteStashed(page);
    const card = page.getByTestId('large-input');
    await expect(card).toContainText('100,000 ids from pasted text');
    await expect(card).toContainText('MB');
    await expect(page.getByTestId('ids-input')).toHaveCount(0);
    await pickTypes(page, 'uniprot', 'ensembl_gene');
    await page.getByTestId('run').click();
    await waitForRun(page, 1);
    await expect(page.getByTestId('summary')).toContainText('100,000');
    await expect(page.getByTestId('error')).toHaveCount(0);
    const durations = await longTasks(page, '100k paste + map');
    expect(durations.filter((ms) => ms > MAX_LONG_TASK_MS)).toEqual([]);
  });

  test('a large paste is kept out of the textarea; Show in editor and Clear work', async ({
    page,
  }) => {
    await expect(page.getByTestId('target-type').locator('option[value="uniprot"]')).toHaveCount(1);
    // A small paste goes into the textarea as usual.
    await paste(page, 'P04637\nP38398');
    await expect(page.getByTestId('large-input')).toHaveCount(0);
    await expect(page.getByTestId('ids-input')).toHaveValue('');
    // (a dispatched paste event inserts nothing by itself, so the textarea is still empty)

    await paste(page, uniprotIds(30_000).join('\n'));
    const card = page.getByTestId('large-input');
    await expect(card).toContainText('30,000 ids from pasted text');
    await expect(page.getByTestId('ids-input')).toHaveCount(0);
    // Under the hard cap: it can be moved into the editor.
    await page.getByTestId('large-input-show').click();
    await expect(page.getByTestId('ids-input')).toHaveValue(/^P\w+\n/);
    await expect(card).toHaveCount(0);

    await paste(page, uniprotIds(30_000).join('\n'));
    await expect(card).toContainText('ids from pasted text');
    await page.getByTestId('large-input-clear').click();
    await expect(page.getByTestId('ids-input')).toHaveValue('');
    await runMapping(page, { ids: ['P04637', 'P38398'], source: 'uniprot', target: 'entrez' });
  });

  test('a 1,000,000-id file becomes a card and maps with no long task over 100 ms', async ({
    page,
  }, testInfo) => {
    const file = testInfo.outputPath('ids-1m.txt');
    const ids = uniprotIds(1_000_000);
    writeFileSync(file, ids.join('\n') + '\n');
    await observeLongTasks(page);
    await page.getByTestId('ids-file').setInputFiles(file);
    const card = page.getByTestId('large-input');
    await expect(card).toContainText('1,000,000 ids from ids-1m.txt');
    await pickTypes(page, 'uniprot', 'ensembl_gene');
    await page.getByTestId('run').click();
    await waitForRun(page, 1);
    await expect(page.getByTestId('summary')).toContainText('1,000,000');
    await expect(page.getByTestId('error')).toHaveCount(0);
    const durations = await longTasks(page, '1M file + map');
    expect(durations.filter((ms) => ms > MAX_LONG_TASK_MS)).toEqual([]);

    // Every row can be reached: the keyboard's End scrolls to the last input's last row.
    const rows = page.getByTestId('results').getByRole('rowgroup');
    await expect(rows.getByRole('row').first()).toContainText(ids[0]);
    await rows.focus();
    await page.keyboard.press('End');
    const last = rows.getByRole('row').filter({ hasText: '1000000' }).last();
    await expect(last).toBeVisible();
    await expect(last.getByRole('cell').nth(1)).toHaveText(ids[ids.length - 1]);

    // A million rows overflow the browser's height limit, so the scrollbar is scaled; the
    // keyboard still moves one row at a time.
    await page.keyboard.press('Home');
    await expect.poll(() => topRowIndex(page)).toBe(2);
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => topRowIndex(page)).toBe(5);
    await page.keyboard.press('PageDown');
    const afterPage = await topRowIndex(page);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => topRowIndex(page)).toBe(afterPage - 1);
    // A page moves by what the viewport shows, less one row, never more.
    const shown = await page
      .getByTestId('results')
      .getByRole('rowgroup')
      .evaluate((box) => {
        return Math.floor(box.clientHeight / 30);
      });
    expect(afterPage - 5).toBe(shown - 1);

    await page.getByTestId('large-input-clear').click();
    await expect(page.getByTestId('ids-input')).toHaveValue('');
    rmSync(file);
  });

  test('a 1,000,000-id result exports as TSV and JSON files with no long task over 100 ms', async ({
    page,
  }, testInfo) => {
    const file = testInfo.outputPath('ids-1m.txt');
    const ids = uniprotIds(1_000_000);
    writeFileSync(file, ids.join('\n') + '\n');
    // The rows to expect, from the bundled tables read here: uniprot → entrez → ensembl_gene is
    // the only path, and an input gives one row per Ensembl gene it reaches, or one row if none.
    const entrezOf = index('uniprot', 0, 1);
    const ensemblOf = index('ensembl_gene', 1, 0);
    const rowsPerId = new Map<string, number>();
    let expectedRows = 0;
    for (const id of ids) {
      let rows = rowsPerId.get(id);
      if (rows === undefined) {
        rows = Math.max(1, step(step([id], entrezOf), ensemblOf).size);
        rowsPerId.set(id, rows);
      }
      expectedRows += rows;
    }

    await page.getByTestId('ids-file').setInputFiles(file);
    await expect(page.getByTestId('large-input')).toContainText('1,000,000 ids from ids-1m.txt');
    await pickTypes(page, 'uniprot', 'ensembl_gene');
    await page.getByTestId('run').click();
    await waitForRun(page, 1);
    await expect(page.getByTestId('error')).toHaveCount(0);
    rmSync(file);

    // Only the exports are observed: mapping a million ids is the test above.
    await observeLongTasks(page);
    for (const format of ['tsv', 'json'] as const) {
      const saved = await downloadPath(page, `export-${format}`, 60_000);
      expect(saved.fileName).toBe(`crosswalk-uniprot-to-ensembl_gene.${format}`);
      const bytes = readFileSync(saved.path);
      // UTF-8 without a BOM, and the last line ends in a line feed.
      expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.at(-1)).toBe(0x0a);
      const firstLine = bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8');
      let lines = 0;
      for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
      console.log(`[export] ${format}: ${(bytes.length / 1e6).toFixed(0)} MB, ${lines} lines`);
      if (format === 'tsv') {
        expect(firstLine.startsWith('input_index\tinput\tstatus\ttarget\t')).toBe(true);
        // The header, then one line per row.
        expect(lines).toBe(1 + expectedRows);
      } else {
        expect(firstLine).toMatch(/^\{"source":"uniprot","target":"ensembl_gene",.*"rows":\[$/);
        expect(bytes.subarray(-4).toString('utf8')).toBe('\n]}\n');
        // The head, one line per row, and the closing line.
        expect(lines).toBe(expectedRows + 2);
      }
      const durations = await longTasks(page, `1M export ${format}`);
      expect(durations.filter((ms) => ms > MAX_LONG_TASK_MS)).toEqual([]);
      await page.evaluate(
        () => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0),
      );
    }
    await expect(page.getByTestId('error')).toHaveCount(0);
  });

  test('an input file over 64 MB is refused before it is read', async ({ page }, testInfo) => {
    const file = testInfo.outputPath('huge-ids.txt');
    const out = createWriteStream(file);
    const chunk = 'P04637\n'.repeat((1024 * 1024) / 8);
    for (let written = 0; written < 65 * 1024 * 1024; written += chunk.length) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await page.getByTestId('ids-input').fill('P04637\nP38398');
    await page.getByTestId('ids-file').setInputFiles(file);
    const error = page.getByTestId('error');
    await expect(error).toContainText('huge-ids.txt');
    await expect(error).toContainText('64.0 MB');
    await expect(page.getByTestId('large-input')).toHaveCount(0);
    // What the user had stays.
    await expect(page.getByTestId('ids-input')).toHaveValue('P04637\nP38398');
    rmSync(file);
  });

  test('a large binary file is refused by name and the input stays', async ({ page }, testInfo) => {
    const file = testInfo.outputPath('scan.png');
    // A PNG signature, then 2 MB of bytes of every value: over the size read on the page.
    const bytes = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256;
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    writeFileSync(file, bytes);
    await page.getByTestId('ids-input').fill('TP53');
    await page.getByTestId('ids-file').setInputFiles(file);
    const error = page.getByTestId('error');
    await expect(error).toContainText('scan.png');
    await expect(error).toContainText('binary');
    await expect(page.getByTestId('large-input')).toHaveCount(0);
    await expect(page.getByTestId('ids-input')).toHaveValue('TP53');
    rmSync(file);
  });

  test('a small binary file is refused on opening, by name, and the typed list stays', async ({
    page,
  }, testInfo) => {
    // A real picture, read on the page (under 1 MB): it must not fill the textarea.
    const file = testInfo.outputPath('picture.png');
    copyFileSync(fileURLToPath(new URL('../../public/icons/icon-512.png', import.meta.url)), file);
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    await page.getByTestId('ids-input').fill('TP53\nBRCA1');
    await page.getByTestId('ids-file').setInputFiles(file);
    const error = page.getByTestId('error');
    await expect(error).toContainText(
      'picture.png looks like binary data (a picture or a program?), not a list of identifiers',
    );
    await expect(page.getByTestId('ids-input')).toHaveValue('TP53\nBRCA1');
    await expect(page.getByTestId('large-input')).toHaveCount(0);
    await expect(page.getByText('2 ids', { exact: true })).toBeVisible();
    rmSync(file);
  });

  test('a 50 MB paste is counted and mapped, and cannot be moved into the editor', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const accessions = [...new Set(readTable('uniprot').map((row) => row[0]))];
    const block = accessions.join('\n') + '\n';
    const repeats = Math.ceil((50 * 1024 * 1024) / block.length);
    const expected = repeats * accessions.length;
    await expect(page.getByTestId('target-type').locator('option[value="uniprot"]')).toHaveCount(1);
    // Built in the page: handing Playwright a 50 MB argument would take longer than the test.
    await page.evaluate(([text, times]) => ((window as PastePage).__pasted = text.repeat(times)), [
      block,
      repeats,
    ] as const);
    await pasteStashed(page);
    const card = page.getByTestId('large-input');
    await expect(card).toContainText(`${expected.toLocaleString('en-US')} ids from pasted text`, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('large-input-show')).toHaveCount(0);
    await pickTypes(page, 'uniprot', 'entrez');
    await page.getByTestId('run').click();
    await waitForRun(page, 1);
    await expect(page.getByTestId('summary')).toContainText(
      `${expected.toLocaleString('en-US')} inputs`,
    );
    await expect(page.getByTestId('error')).toHaveCount(0);
  });
});

test.describe('worker stopped mid-job', () => {
  test.setTimeout(120_000);

  test('a cancelled and a crashed run keep the input and the last results, and a retry works', async ({
    page,
  }, testInfo) => {
    // Results to keep: a small bundled run.
    await runMapping(page, { ids: ['P04637', 'P38398'], source: 'uniprot', target: 'entrez' });
    const summary = page.getByTestId('summary');
    const lastLine = await summary.locator('.line').textContent();

    const file = testInfo.outputPath('ids-1m.txt');
    const ids = uniprotIds(1_000_000);
    writeFileSync(file, ids.join('\n') + '\n');
    await page.getByTestId('ids-file').setInputFiles(file);
    const card = page.getByTestId('large-input');
    await expect(card).toContainText('1,000,000 ids');
    await pickTypes(page, 'uniprot', 'ensembl_gene');
    // The chosen pair's tables are loaded while the page is idle; then the worker is quiet.
    await expect(page.getByTestId('warm-status')).toHaveAttribute('data-state', 'done');

    // A real fault: an uncaught error thrown inside the worker while it runs. Armed by the run's
    // own message (Comlink's call of `map`; a cache-stats call after the warm-up may still be on
    // its way), it fires at the run's first await (reading the file): with its tables in memory
    // the run itself may finish before a fault sent after it.
    const worker = page.workers().at(-1);
    expect(worker, 'the mapping worker').toBeDefined();
    await worker!.evaluate(() => {
      const arm = (event: MessageEvent) => {
        const path = (event.data as { path?: unknown } | null)?.path;
        if (!Array.isArray(path) || path[0] !== 'map') return;
        self.removeEventListener('message', arm);
        setTimeout(() => {
          throw new Error('injected fault');
        }, 0);
      };
      self.addEventListener('message', arm);
    });
    await page.getByTestId('run').click();
    const error = page.getByTestId('error');
    await expect(error).toContainText('stopped unexpectedly');
    await expect(error).toContainText('input is kept');
    await expect(summary).toHaveAttribute('data-run', '1');
    await expect(summary.locator('.line')).toHaveText(lastLine ?? '');
    await expect(card).toContainText('1,000,000 ids from ids-1m.txt');
    await expect(page.getByTestId('run')).toBeEnabled();

    // The retry starts a new worker and succeeds.
    await page.getByTestId('run').click();
    await waitForRun(page, 2);
    await expect(summary).toContainText('1,000,000');
    await expect(error).toHaveCount(0);
    const mappedLine = await summary.locator('.line').textContent();

    // Cancel: the worker is ended; the input and the last results stay.
    await page.getByTestId('run').click();
    await page.getByTestId('cancel').click();
    await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toBeVisible();
    await expect(summary).toHaveAttribute('data-run', '2');
    await expect(summary.locator('.line')).toHaveText(mappedLine ?? '');
    await expect(card).toContainText('1,000,000 ids from ids-1m.txt');

    await page.getByTestId('run').click();
    await waitForRun(page, 3);
    await expect(error).toHaveCount(0);
    rmSync(file);
  });
});

test.describe('table file torture', () => {
  test.setTimeout(120_000);

  test('odd and damaged files are refused by name, a huge one is previewed to be read in a stream (#19), and mapping still works', async ({
    page,
  }, testInfo) => {
    const error = page.getByTestId('error');
    const dismiss = async () => {
      await page.getByRole('button', { name: 'Dismiss error' }).click();
      await expect(error).toHaveCount(0);
    };
    const pick = (name: string, buffer: Buffer) =>
      page.getByTestId('table-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    const csv = 'gene,uniprot\nTP53,P04637\nBRCA1,P38398\nCAFÉ1,Q00001\n';

    // UTF-16 with a BOM: re-encoded by the engine, so it previews like UTF-8.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    await pick('utf16.csv', utf16);
    await expect(page.getByTestId('table-preview')).toContainText('P04637');
    await expect(page.getByTestId('table-preview')).toContainText('CAFÉ1');
    await expect(page.getByTestId('table-name')).toHaveValue('utf16');
    await expect(error).toHaveCount(0);

    await pick('latin1.csv', Buffer.from(csv, 'latin1'));
    await expect(error).toContainText('latin1.csv');
    await expect(error).toContainText('UTF-8');
    await dismiss();

    await pick('nul.csv', Buffer.from('gene,uniprot\nTP53,P04\u000037\n', 'utf8'));
    await expect(error).toContainText('nul.csv');
    await expect(error).toContainText(/NUL|binary/);
    await dismiss();

    const gzip = gzipSync(Buffer.from(csv.repeat(2000)));
    await pick('truncated.csv.gz', gzip.subarray(0, Math.floor(gzip.length / 2)));
    await expect(error).toContainText('truncated.csv.gz');
    await expect(error).toContainText(/damaged|truncated/);
    await dismiss();

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
    ]);
    await pick('picture.csv', png);
    await expect(error).toContainText('picture.csv');
    await expect(error).toContainText('PNG');
    await dismiss();

    // 300 MB, written as a stream: previewed from its start only, to be read in a stream (#19).
    const huge = testInfo.outputPath('huge.csv');
    const out = createWriteStream(huge);
    out.write('gene,uniprot\n');
    const block = 'TP53,P04637\n'.repeat((1024 * 1024) / 12);
    for (let written = 0; written < 300 * 1024 * 1024; written += block.length) {
      if (!out.write(block)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const started = Date.now();
    await page.getByTestId('table-file').setInputFiles(huge);
    const megabytes = (statSync(huge).size / 1024 / 1024).toFixed(1);
    await expect(page.getByTestId('table-streamed-note')).toContainText(`${megabytes} MB`);
    await expect(page.getByTestId('table-streamed-note')).toContainText('in a stream');
    expect(Date.now() - started, 'previewed without reading 300 MB').toBeLessThan(10_000);
    await expect(error).toHaveCount(0);
    await page.getByTestId('table-discard').click();
    rmSync(huge);

    // Nothing was added, and a bundled mapping still works.
    await expect(page.getByTestId('tables').locator('[data-user="true"]')).toHaveCount(0);
    await runMapping(page, { ids: ['P04637', 'P38398'], source: 'uniprot', target: 'entrez' });
    await expect(page.getByTestId('summary')).toContainText('2');
  });
});

test.describe('a bundled table that cannot be fetched', () => {
  // No service worker, so nothing can answer for the network: as when offline before the
  // worker had cached the table.
  test.use({ serviceWorkers: 'block' });

  test('costs only its paths, named in a note; when every path needs it the run fails by name and the last results stay', async ({
    page,
  }) => {
    for (const table of ['genes', 'refseq']) {
      await page.route(`**/data/${table}.packed`, (route) => route.abort('internetdisconnected'));
    }
    // An alias (not also an official symbol) that the alias table maps to exactly one gene.
    const symbols = new Set(readTable('genes').map((row) => row[1]));
    const aliasGenes = new Map<string, string[]>();
    for (const [alias, gene] of readTable('alias')) {
      aliasGenes.set(alias, [...(aliasGenes.get(alias) ?? []), gene]);
    }
    const [alias, [gene]] = [...aliasGenes].find(
      ([name, genes]) => genes.length === 1 && !symbols.has(name) && /^[A-Z0-9]+$/.test(name),
    )!;

    await runMapping(page, { ids: [alias], source: 'symbol', target: 'entrez' });
    const row = page.getByTestId('results').getByRole('row').filter({ hasText: alias });
    await expect(row.getByRole('cell').nth(3)).toHaveText(gene);
    await expect(row.getByRole('cell').nth(4)).toContainText('alias');
    const note = page.getByTestId('notice').filter({ hasText: '"genes"' });
    await expect(note).toHaveCount(1);
    await expect(note).toContainText('genes.packed');

    // refseq → entrez has one path, through the table that cannot be read.
    await page.getByTestId('ids-input').fill('NM_000546');
    await page.getByTestId('source-type').selectOption('refseq');
    await page.getByTestId('run').click();
    const error = page.getByTestId('error');
    await expect(error).toContainText('table "refseq"');
    await expect(error).toContainText('refseq.packed');
    // The previous results are still there.
    await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1');
    await expect(row.getByRole('cell').nth(3)).toHaveText(gene);
  });
});
