/**
 * `npm run bench:limits`: the largest input and the largest table the app takes, measured in
 * Chromium on the built app, and what happens just past each limit. Prints, per case: the time
 * from choosing the file to the app being ready (ids counted, or table added), the run's time from
 * click to results on screen, and the peak resident memory of the largest Chromium process (the
 * tab, with its worker), sampled every 200 ms with `ps`.
 *
 * Files are generated (kept in a temporary folder): ids cycle through the bundled UniProt
 * accessions; the table has synthetic UniProt-shaped accessions, each with one of 20,000 symbols.
 * Past the whole-file limit a table is read in a stream (#19): the last case is the largest file
 * measured, a 90M-row idmapping.dat.gz of the human file's shape (bench/big-idmapping.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { MAX_INPUT_CHARS } from '../workers/common/id-tokens';
import { MAX_USER_FILE_BYTES } from '../workers/engine/user-tables/stored-record';
import { writeBigIdmapping } from './big-idmapping';
import { CHROMIUM, CHROMIUM_ARGS, withBuiltApp } from './built-app';
import { keepOnly } from './table-panel';
import {
  bundledAccessions,
  MB,
  peakMemory,
  timed,
  writeLines as writeLinesIn,
  type LineFile,
} from './large-files';

const work = mkdtempSync(join(tmpdir(), 'crosswalk-limits-'));
const writeLines = (name: string, bytes: number, line: (i: number) => string) =>
  writeLinesIn(work, name, bytes, line);

async function outcome(page: Page, done: string): Promise<string> {
  await page.locator(`${done}, [data-testid="error"]`).first().waitFor({ timeout: 600_000 });
  const error = page.getByTestId('error');
  if (!(await error.count())) return 'ok';
  const message = (await error.innerText()).replace(/\s+/g, ' ').replace(/^! /, '');
  return `refused: ${message.slice(0, 90)}…`;
}

async function mapFile(page: Page, file: string): Promise<string> {
  await page.getByTestId('ids-file').setInputFiles(file);
  const read = await outcome(page, '[data-testid="large-input"]');
  if (read !== 'ok') return read;
  await page.getByTestId('source-type').selectOption('uniprot');
  await page.getByTestId('target-type').selectOption('ensembl_gene');
  await page.getByTestId('run').click();
  return outcome(page, '[data-testid="summary"][data-run="1"]');
}

async function addTable(page: Page, file: string): Promise<string> {
  await page.getByTestId('table-file').setInputFiles(file);
  const previewed = await outcome(page, '[data-testid="table-preview"]');
  if (previewed !== 'ok') return previewed;
  await page
    .locator('[data-testid="column-type"][data-column="accession"]')
    .selectOption('uniprot');
  await page.locator('[data-testid="column-type"][data-column="gene"]').selectOption('symbol');
  await page.getByTestId('table-check').click();
  const checked = await outcome(page, '[data-testid="table-report"]');
  if (checked !== 'ok') return checked;
  await page.getByTestId('table-add').click();
  return outcome(page, '[data-testid="tables"] [data-user="true"]');
}

/** A big idmapping.dat.gz (#19), read in a stream keeping 4 ID types. */
async function addBigIdmapping(page: Page, file: string): Promise<string> {
  await page.getByTestId('table-file').setInputFiles(file);
  const previewed = await outcome(page, '[data-testid="table-format"]');
  if (previewed !== 'ok') return previewed;
  await keepOnly(page, ['GeneID', 'Ensembl', 'RefSeq', 'Gene_Name']);
  await page.getByTestId('table-check').click();
  const checked = await outcome(page, '[data-testid="table-report"]');
  if (checked !== 'ok') return checked;
  const read = (await page.getByTestId('table-report').innerText()).match(/Read in a stream[^\n]*/);
  await page.getByTestId('table-add').click();
  const added = await outcome(page, '[data-testid="tables"] [data-user="true"]');
  return added === 'ok' ? `ok: ${read?.[0] ?? ''}` : added;
}

interface Case {
  label: string;
  file: LineFile;
  run: (page: Page, file: string) => Promise<string>;
}

/** The largest file the limits bench reads (BIG_FILE_ROWS to change it). */
const BIG_ROWS = Number(process.env.BIG_FILE_ROWS ?? 90_000_000);

async function bigIdmapping(): Promise<LineFile> {
  const written = await writeBigIdmapping(join(work, 'HUMAN_9606_idmapping.dat.gz'), BIG_ROWS);
  return { path: written.path, lines: written.rows, bytes: written.fileBytes };
}

const accessions = bundledAccessions();
const accession = (i: number) => accessions[i % accessions.length];
// Synthetic, UniProt-shaped and distinct: Q + digit + three base-36 characters + digit.
const synthetic = (i: number) =>
  `Q${i % 10}${Math.floor(i / 10)
    .toString(36)
    .toUpperCase()
    .padStart(3, '0')
    .slice(-3)}${Math.floor(i / 466_560) % 10}`;
const tableRow = (i: number) => (i === 0 ? 'accession,gene' : `${synthetic(i)},GENE${i % 20_000}`);

if (!existsSync(CHROMIUM)) {
  console.log(`limits bench: skipped (no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`);
  process.exit(0);
}

try {
  const cases: Case[] = [
    {
      label: `ids at the input limit (${MAX_INPUT_CHARS / MB} MB)`,
      file: await writeLines('ids-limit.txt', MAX_INPUT_CHARS - 64, accession),
      run: mapFile,
    },
    {
      label: 'ids past the input limit',
      file: await writeLines('ids-over.txt', MAX_INPUT_CHARS + MB, accession),
      run: mapFile,
    },
    {
      label: `table at the table limit (${MAX_USER_FILE_BYTES / MB} MB)`,
      file: await writeLines('big.csv', MAX_USER_FILE_BYTES - MB, tableRow),
      run: addTable,
    },
    {
      label: 'table past it: read in a stream (#19)',
      file: await writeLines('big-over.csv', MAX_USER_FILE_BYTES + MB, tableRow),
      run: addTable,
    },
    {
      label: `idmapping.dat.gz, ${(BIG_ROWS / 1e6).toFixed(0)}M rows, 4 ID types`,
      file: await bigIdmapping(),
      run: addBigIdmapping,
    },
  ];

  await withBuiltApp(
    () => undefined,
    async (url) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      console.log(`\nCrosswalk limits — Chromium ${browser.version()} (headless), one run each\n`);
      console.log(
        'case                                    file        lines     time   peak RSS   outcome',
      );
      try {
        for (const { label, file, run } of cases) {
          const page = await browser.newPage();
          await page.goto(url);
          await page.locator('[data-testid="target-type"] option[value="uniprot"]').waitFor({
            state: 'attached',
          });
          let result = '';
          const [ms, peak] = await peakMemory(() =>
            timed(async () => void (result = await run(page, file.path))),
          );
          console.log(
            `${label.padEnd(40)}${`${(file.bytes / MB).toFixed(0)} MB`.padStart(6)}${file.lines
              .toLocaleString('en-US')
              .padStart(
                13,
              )}${`${(ms / 1000).toFixed(1)} s`.padStart(9)}${`${peak.toFixed(0)} MB`.padStart(11)}   ${result}`,
          );
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  );
  console.log(
    '\ntime = from choosing the file to results on screen (ids) or the table listed (table);\n' +
      'peak RSS = the largest Chromium process (the tab and its worker) while it ran.',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
