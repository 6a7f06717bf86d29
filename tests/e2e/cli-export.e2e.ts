/**
 * The app and the `crosswalk` command write the same TSV (#18): a list mapped in the built app
 * and exported, then mapped by the command with the same settings, gives the same bytes — both
 * come from one function (workers/engine/result/export.ts, `exportParts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { downloadPath, failTestsOnPageErrors, parseTsv } from './helpers';

failTestsOnPageErrors();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_CLI = join(ROOT, 'dist-node/cli.mjs');

/**
 * UniProt accessions and symbols mixed (the source is detected per id), an alias, an accession
 * with three genes (ambiguous), an id in no table, a duplicate and an Ensembl gene.
 */
const IDS = ['P04637', 'TP53', 'ERBB1', 'P0DP25', 'NOTAGENE', 'P38398', 'TP53', 'ENSG00000141510'];

/** The newest modification time of the files under `dir`. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * How to start the command: as installed (bin/crosswalk.js, running dist-node/cli.mjs that
 * `npm ci` builds), or its source through tsx when that build is missing or older than the
 * source (so the comparison is always with the code the app was built from).
 */
function commandLine(): string[] {
  const sources = Math.max(...['node', 'workers'].map((dir) => newestUnder(join(ROOT, dir))));
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= sources) return ['bin/crosswalk.js'];
  return ['--import', 'tsx', 'node/cli/main.ts'];
}

/** Runs `crosswalk map` on `ids` (standard input) and returns its standard output's bytes. */
function runCommand(ids: string[], flags: string[]): Buffer {
  const run = spawnSync(
    process.execPath,
    [...commandLine(), 'map', ...flags, '--no-cache', '--quiet'],
    { cwd: ROOT, input: ids.join('\n'), maxBuffer: 64 << 20, timeout: 30_000 },
  );
  expect(run.error, 'the command starts').toBeUndefined();
  expect(run.status, `crosswalk map failed: ${run.stderr.toString()}`).toBe(0);
  return run.stdout;
}

/** The app's TSV export of the result on screen, as bytes, and its file name. */
async function exportTsv(page: Page): Promise<{ bytes: Buffer; fileName: string }> {
  const { path, fileName } = await downloadPath(page, 'export-tsv');
  return { bytes: readFileSync(path), fileName };
}

/** Byte-for-byte equality, after a line-by-line look that shows where they part if they do. */
function expectSameBytes(app: Buffer, command: Buffer): void {
  expect(command.toString('utf8').split('\n'), 'the command’s TSV, line by line').toEqual(
    app.toString('utf8').split('\n'),
  );
  expect(command.equals(app), 'the same bytes').toBe(true);
}

test('the command writes the app’s TSV export byte for byte, with the app’s defaults', async ({
  page,
}) => {
  // The app's defaults: the source detected per id, the target Entrez, split auto, keep, long.
  await expect(page.getByTestId('source-type')).toHaveValue('auto');
  await expect(page.getByTestId('target-type')).toHaveValue('entrez');
  await expect(page.getByTestId('split-rule')).toHaveValue('auto');

  await page.getByTestId('ids-input').fill(IDS.join('\n'));
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('ambiguity-policy')).toHaveValue('keep');
  await expect(page.getByTestId('export-layout')).toHaveValue('long');

  const app = await exportTsv(page);
  expect(app.fileName).toMatch(/\.tsv$/);
  // The list's cases are all there: mapped, ambiguous, unmapped, a duplicate.
  const [header, ...rows] = parseTsv(app.bytes.toString('utf8'));
  const at = (column: string) => header.indexOf(column);
  expect(new Set(rows.map((row) => row[at('status')]))).toEqual(
    new Set(['mapped', 'ambiguous', 'unmapped']),
  );
  const tp53 = rows.filter((row) => row[at('input')] === 'TP53');
  expect(
    tp53.map((row) => row[at('duplicate')]),
    'the duplicate keeps its own row',
  ).toEqual(['', 'yes']);

  expectSameBytes(app.bytes, runCommand(IDS, ['--to', 'entrez']));
});

test('and with three target types, a policy and the wide layout', async ({ page }) => {
  await page.getByTestId('ids-input').fill(IDS.join('\n'));
  await page.getByTestId('target-type').selectOption('entrez');
  await page.getByTestId('add-target-type').selectOption('ensembl_gene');
  await page.getByTestId('add-target-type').selectOption('uniprot');
  await expect(page.getByTestId('extra-target')).toHaveCount(2);
  await page.getByTestId('split-rule').selectOption('lines');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.getByTestId('ambiguity-policy').selectOption('first');
  await expect(page.getByTestId('ambiguity-policy')).not.toHaveAttribute('aria-busy', 'true');
  await page.getByTestId('export-layout').selectOption('wide');

  const app = await exportTsv(page);
  const [header] = app.bytes.toString('utf8').split('\n');
  expect(header.split('\t').slice(0, 6)).toEqual([
    'input_index',
    'input',
    'status',
    'entrez',
    'ensembl_gene',
    'uniprot',
  ]);
  expect(header.split('\t')).toContain('policy');

  const flags = ['--to', 'entrez,ensembl_gene,uniprot', '--split', 'lines'];
  expectSameBytes(app.bytes, runCommand(IDS, [...flags, '--policy', 'first', '--layout', 'wide']));
});
