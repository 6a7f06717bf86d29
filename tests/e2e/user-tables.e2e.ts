/**
 * Bring your own tables: a user's CSV is previewed, typed, checked and added, then maps like a
 * bundled table — after a reload and offline too — and can be disabled and removed. Bad files
 * end in the error banner, and the app keeps working. Expected answers come from reading the
 * fixture files here, independently of the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import {
  download,
  EXPORT_COLUMNS,
  failTestsOnPageErrors,
  index,
  parseCsv,
  parseTsv,
  runMapping,
  step,
  toExportRows,
  type ExportRow,
  type Index,
} from './helpers';

const FIXTURES = fileURLToPath(new URL('../fixtures/user-tables/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;

/** The cells the engine never uses as ids (README, "Cleaning"). */
const PLACEHOLDERS = new Set([
  '',
  'NA',
  'N/A',
  'nan',
  'null',
  '-',
  'no ID',
  'noUniprot ID',
  '#N/A',
]);

/** Trims white space (NBSP included: JavaScript's \s covers it) and invisible characters. */
const clean = (cell: string) =>
  cell.replace(/^[\s\u200b-\u200d\ufeff]+|[\s\u200b-\u200d\ufeff]+$/g, '');

// ---------------------------------------------------------------------------------------------
// panel.csv, read here

const [PANEL_HEADER, ...PANEL_ROWS] = parseCsv(readFileSync(fixture('panel.csv'), 'utf8'));

/** Index of panel.csv from column `from` to the organs of each row, split on commas. */
function panelToOrgans(from: string): Index {
  const key = PANEL_HEADER.indexOf(from);
  const organ = PANEL_HEADER.indexOf('organ');
  const map: Index = new Map();
  for (const row of PANEL_ROWS) {
    const id = clean(row[key]);
    if (PLACEHOLDERS.has(id)) continue;
    const organs = map.get(id) ?? new Set<string>();
    for (const value of row[organ].split(',').map(clean)) {
      if (!PLACEHOLDERS.has(value)) organs.add(value);
    }
    map.set(id, organs);
  }
  return map;
}

/** Accessions that panel.csv gives several (differently spelled) genes. */
function accessionsWithSeveralGenes(): string[] {
  const genes = new Map<string, Set<string>>();
  for (const [gene, uniprot] of PANEL_ROWS) {
    const id = clean(uniprot);
    if (!PLACEHOLDERS.has(id)) genes.set(id, (genes.get(id) ?? new Set()).add(clean(gene)));
  }
  return [...genes].filter(([, set]) => set.size > 1).map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------
// Driving the panel

const tableItem = (page: Page, name: string) =>
  page.getByTestId('tables').locator(`[data-table="${name}"]`);

const columnType = (page: Page, column: string) =>
  page.locator(`[data-testid="column-type"][data-column="${column}"]`);

/**
 * Picks panel.csv, types its columns (organ as a new type, split on commas, and declared
 * many-valued when asked) and checks it.
 */
async function checkPanel(page: Page, { manyValued = false } = {}): Promise<void> {
  await page.getByTestId('table-file').setInputFiles(fixture('panel.csv'));
  await expect(page.getByTestId('table-preview')).toContainText('P04637');
  await expect(page.getByTestId('table-name')).toHaveValue('panel');
  await columnType(page, 'gene').selectOption('symbol');
  await columnType(page, 'uniprot').selectOption('uniprot');
  await columnType(page, 'organ').selectOption({ label: 'New type…' });
  await page.locator('[data-testid="new-type"][data-column="organ"]').fill('organ');
  await page.locator('[data-testid="column-split"][data-column="organ"]').check();
  if (manyValued)
    await page.locator('[data-testid="column-many-valued"][data-column="organ"]').check();
  await expect(page.getByTestId('table-problems')).toHaveCount(0);
  // Add waits for the check, and says so.
  await expect(page.getByTestId('table-add')).toBeDisabled();
  await expect(page.getByTestId('table-add-hint')).toContainText('Check the table first');
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report')).toBeVisible();
  await expect(page.getByTestId('table-add-hint')).toHaveCount(0);
}

/** Checks and adds panel.csv, then waits for it in the tables list. */
async function addPanel(page: Page): Promise<void> {
  await checkPanel(page);
  await page.getByTestId('table-add').click();
  await expect(tableItem(page, 'panel')).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
}

// Inputs for uniprot → organ: accessions of panel.csv (one NBSP-padded there, two with several
// genes), one absent from it whose gene is in it (TP53's K7PPA8: reached through uniprot →
// entrez → symbol → organ), and one whose gene is not in it (FABP4's P15090).
const TO_ORGAN_IDS = ['P04637', 'P01308', 'P12532', 'P56470', 'P02768', 'K7PPA8', 'P15090'];

/** What uniprot → organ must give for each input, from panel.csv and the bundled tables. */
function expectedOrgans(ids: string[]): Map<string, Set<string>> {
  const direct = panelToOrgans('uniprot');
  const byGene = panelToOrgans('gene');
  const toEntrez = index('uniprot', 0, 1);
  const toSymbol = index('genes', 0, 1);
  return new Map(
    ids.map((id) => [id, direct.get(id) ?? step(step(step([id], toEntrez), toSymbol), byGene)]),
  );
}

/** Maps TO_ORGAN_IDS to organ and checks the export pair by pair; returns the rows. */
async function mapToOrgan(page: Page): Promise<ExportRow[]> {
  await runMapping(page, { ids: TO_ORGAN_IDS, source: 'uniprot', target: 'organ' });
  const paths = page.getByRole('region', { name: /^Paths/ });
  await expect(paths.getByRole('listitem').first()).toContainText('panel');
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  const expected = expectedOrgans(TO_ORGAN_IDS);
  // The cases the inputs were chosen for hold in the files.
  expect(expected.get('P12532')?.size).toBe(2);
  expect(expected.get('K7PPA8')).toEqual(panelToOrgans('gene').get('TP53'));
  expect(expected.get('P15090')?.size).toBe(0);
  for (const id of TO_ORGAN_IDS) {
    const got = rows.filter((row) => row.input === id);
    const want = expected.get(id)!;
    if (want.size === 0) {
      expect(
        got.map((row) => row.target),
        `${id} is kept unmapped`,
      ).toEqual(['']);
      continue;
    }
    expect(new Set(got.map((row) => row.target)), `${id} → organ`).toEqual(want);
    expect(got, `${id} one row per organ`).toHaveLength(want.size);
    for (const row of got) expect(row.path, `${id} path names the table`).toContain('panel');
  }
  return rows;
}

/**
 * What the `organ` attribute column must hold beside each accession: the distinct organ cells
 * (as written, commas kept: the column is not split) of the panel rows with that accession,
 * joined by `; ` in file order.
 */
function organsBesideAccession(): Map<string, string> {
  const uniprot = PANEL_HEADER.indexOf('uniprot');
  const organ = PANEL_HEADER.indexOf('organ');
  const organs = new Map<string, string[]>();
  for (const row of PANEL_ROWS) {
    const id = clean(row[uniprot]);
    const value = clean(row[organ]);
    if (PLACEHOLDERS.has(id) || PLACEHOLDERS.has(value)) continue;
    const list = organs.get(id) ?? [];
    if (!list.includes(value)) list.push(value);
    organs.set(id, list);
  }
  return new Map([...organs].map(([id, list]) => [id, list.join('; ')]));
}

failTestsOnPageErrors();

test('a table of your own is checked, added, and maps uniprot to a new type, also after a reload and offline', async ({
  page,
  context,
}) => {
  // Three runs, three reloads and the service worker's install: more than the default minute.
  test.slow();
  await checkPanel(page);

  const report = page.getByTestId('table-report');
  await expect(report).toContainText(`${PANEL_ROWS.length} rows`);
  await expect(report).toContainText('no ID');
  await expect(report).toContainText(/1 cell repaired/);
  const several = accessionsWithSeveralGenes();
  expect(several).toContain('P12532');
  await expect(report).toContainText('uniprot with several gene');
  await expect(report).toContainText(new RegExp(several.join('|')));

  await page.getByTestId('table-add').click();
  const item = tableItem(page, 'panel');
  await expect(item).toBeVisible();
  await expect(item).toContainText('yours');
  await expect(item).toContainText(`${PANEL_ROWS.length} rows`);
  await expect(page.getByTestId('table-notice')).toContainText('panel');
  // The new type is offered everywhere types are.
  await expect(page.getByTestId('target-type').locator('option[value="organ"]')).toHaveCount(1);
  await expect(columnType(page, 'organ')).toHaveCount(0);

  const before = await mapToOrgan(page);

  // Kept in this browser: listed and mapping the same after a reload.
  await page.reload();
  await expect(tableItem(page, 'panel')).toBeVisible();
  expect(await mapToOrgan(page)).toEqual(before);

  // And offline, once the service worker controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(tableItem(page, 'panel')).toBeVisible();
  expect(await mapToOrgan(page)).toEqual(before);
  await context.setOffline(false);
});

test('a gzipped table reads like the plain one', async ({ page }) => {
  await page.getByTestId('table-file').setInputFiles({
    name: 'panel.csv.gz',
    mimeType: 'application/gzip',
    buffer: gzipSync(readFileSync(fixture('panel.csv'))),
  });
  await expect(page.getByText('gzip-compressed')).toBeVisible();
  await expect(page.getByTestId('table-name')).toHaveValue('panel');
  for (const name of PANEL_HEADER) await expect(columnType(page, name)).toHaveCount(1);
  await columnType(page, 'organ').selectOption('');
  await page.getByTestId('table-check').click();
  const report = page.getByTestId('table-report');
  await expect(report).toContainText(`${PANEL_ROWS.length} rows`);
  await expect(report).toHaveAttribute('data-current', 'true');

  // Another delimiter reads the preview again: split on semicolons the file has one column,
  // which the panel says before asking the worker, and the old report is no longer current.
  await page.getByTestId('table-delimiter').selectOption(';');
  await expect(columnType(page, PANEL_HEADER.join(','))).toHaveCount(1);
  await expect(page.getByTestId('table-problems')).toBeVisible();
  await expect(report).toHaveAttribute('data-current', 'false');
  await expect(page.getByTestId('table-add')).toBeDisabled();
  // Back to commas: the columns and their suggested types return and the file is checked again.
  await page.getByTestId('table-delimiter').selectOption(',');
  await expect(report).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('table-add')).toBeEnabled();
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('a file dropped on the panel is previewed, with markup in its cells shown as text', async ({
  page,
}) => {
  const markup = '<img src=x onerror="window.__injected=1">';
  const csv = `gene,uniprot,note\nTP53,P04637,"${markup.replaceAll('"', '""')}"\n`;
  await page.getByRole('region', { name: 'Add a table' }).evaluate((panel, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  }, csv);
  await expect(page.getByTestId('table-name')).toHaveValue('dropped');
  await expect(page.getByTestId('table-preview').getByRole('cell', { name: markup })).toBeVisible();
  await expect(page.getByTestId('table-preview').locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => '__injected' in window)).toBe(false);
});

test('bad files are reported in the error banner, and the app keeps mapping', async ({ page }) => {
  const error = page.getByTestId('error');
  const pick = (file: string | { name: string; mimeType: string; buffer: Buffer }) =>
    page.getByTestId('table-file').setInputFiles(typeof file === 'string' ? fixture(file) : file);
  const dismiss = async () => {
    await page.getByRole('button', { name: 'Dismiss error' }).click();
    await expect(error).toHaveCount(0);
  };

  await pick('empty.csv');
  await expect(error).toContainText('empty.csv');
  await expect(error).toContainText('empty');
  await dismiss();

  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
  ]);
  await pick({ name: 'binary.csv', mimeType: 'text/csv', buffer: png });
  await expect(error).toContainText('binary.csv');
  await expect(error).toContainText(/PNG|not a CSV/);
  await dismiss();

  // A header without rows previews, but cannot be checked; the preview stays for another try.
  await pick('header-only.csv');
  await expect(page.getByTestId('table-name')).toHaveValue('header-only');
  await columnType(page, 'gene').selectOption('symbol');
  await columnType(page, 'uniprot').selectOption('uniprot');
  await page.getByTestId('table-check').click();
  await expect(error).toContainText('header-only');
  await expect(error).toContainText('no data rows');
  await expect(page.getByTestId('table-preview')).toBeVisible();
  await expect(page.getByTestId('table-report')).toHaveCount(0);
  await dismiss();

  // One column cannot map anything: the panel says so before asking the engine.
  await pick('one-column.csv');
  await expect(page.getByTestId('table-name')).toHaveValue('one-column');
  await expect(page.getByTestId('table-problems')).toContainText('At least two columns');
  await expect(page.getByTestId('table-check')).toBeDisabled();

  // An unterminated quote is named as soon as the file is picked (before any column is typed),
  // and the file already in the panel stays.
  await pick('unterminated.csv');
  await expect(error).toContainText('unterminated.csv');
  await expect(error).toContainText(/unterminated quote near data row 1/i);
  await expect(page.getByTestId('table-name')).toHaveValue('one-column');
  await dismiss();

  // Ragged rows load, with the rows that do not fit the header named in the report.
  const [header, ...rows] = parseCsv(readFileSync(fixture('ragged.csv'), 'utf8'));
  const ragged = rows.flatMap((row, i) => (row.length === header.length ? [] : [i + 1]));
  expect(ragged.length).toBeGreaterThan(1);
  await pick('ragged.csv');
  await expect(page.getByTestId('table-name')).toHaveValue('ragged');
  await columnType(page, 'gene').selectOption('symbol');
  await columnType(page, 'uniprot').selectOption('uniprot');
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report-ragged')).toContainText(
    `${ragged.length} rows have more or fewer fields than the header (data rows ${ragged.join(', ')})`,
  );
  await expect(error).toHaveCount(0);

  // Nothing was added, and a bundled mapping still works.
  await expect(page.getByTestId('tables').locator('[data-user="true"]')).toHaveCount(0);
  await runMapping(page, { ids: ['P04637', 'P38398'], source: 'uniprot', target: 'entrez' });
  const mapped = toExportRows(parseTsv(await download(page, 'export-tsv')));
  expect(mapped.map((row) => row.target)).toEqual(['7157', '672']);
});

test('a table of your own can be disabled, reprioritised and removed, and stays so after a reload', async ({
  page,
}) => {
  await addPanel(page);
  const item = tableItem(page, 'panel');

  await item.getByTestId('table-enabled').uncheck();
  await expect(item).toHaveClass(/disabled/);
  await item.getByTestId('table-option-priority').fill('3');
  await item.getByTestId('table-option-priority').press('Enter');
  await expect(item).toContainText('priority 3');

  await page.reload();
  await expect(tableItem(page, 'panel').getByTestId('table-enabled')).not.toBeChecked();
  await expect(tableItem(page, 'panel').getByTestId('table-option-priority')).toHaveValue('3');
  // Bundled tables can be disabled, not removed.
  await expect(tableItem(page, 'genes').getByTestId('table-enabled')).toBeChecked();
  await expect(tableItem(page, 'genes').getByTestId('table-remove')).toHaveCount(0);

  await tableItem(page, 'panel').getByTestId('table-remove').click();
  await expect(tableItem(page, 'panel')).toHaveCount(0);
  await expect(page.getByTestId('target-type').locator('option[value="organ"]')).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);

  await page.reload();
  await expect(tableItem(page, 'genes')).toBeVisible();
  await expect(tableItem(page, 'panel')).toHaveCount(0);
  // The name is free again.
  await addPanel(page);
});

test('a column left untyped is offered as an extra column and carried into the results and the export', async ({
  page,
}) => {
  // gene → symbol, uniprot → uniprot, organ left untyped: an attribute, not a type.
  await page.getByTestId('table-file').setInputFiles(fixture('panel.csv'));
  await expect(page.getByTestId('table-name')).toHaveValue('panel');
  await columnType(page, 'gene').selectOption('symbol');
  await columnType(page, 'uniprot').selectOption('uniprot');
  await columnType(page, 'organ').selectOption('');
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report')).toBeVisible();
  await page.getByTestId('table-add').click();
  await expect(tableItem(page, 'panel')).toBeVisible();
  await expect(page.getByTestId('target-type').locator('option[value="organ"]')).toHaveCount(0);

  // Symbols of panel.csv: an accession with two genes (CKMT1A/B), one listed beside two spellings
  // of its gene (LGALS4/Lgals4), a padded accession (INS), a gene without an accession there
  // (KLF18), and FABP4, absent from it.
  const ids = ['TP53', 'INS', 'CKMT1A', 'CKMT1B', 'LGALS4', 'ALB', 'KLF18', 'FABP4'];
  await page.getByTestId('ids-input').fill(ids.join('\n'));
  await page.getByTestId('source-type').selectOption('symbol');
  await page.getByTestId('target-type').selectOption('uniprot');
  const picker = page.getByTestId('attribute-picker');
  const organ = picker.getByLabel('organ — panel');
  await expect(organ).toHaveAttribute('data-testid', 'attribute');
  await expect(organ).toHaveAttribute('data-table', 'panel');
  await expect(organ).toHaveAttribute('data-column', 'organ');
  await organ.check();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);

  const table = parseTsv(await download(page, 'export-tsv'));
  const rows = toExportRows(table);
  // The table shows one extra column, and the export ends with a column of the same title.
  const columnHeaders = page.getByTestId('results').getByTestId('attribute-column');
  await expect(columnHeaders).toHaveCount(1);
  const label = (await columnHeaders.textContent())?.trim() ?? '';
  expect(label).toContain('organ');
  expect(label).toContain('panel');
  await expect(
    page.getByTestId('results').getByRole('columnheader', { name: label, exact: true }),
  ).toBeVisible();
  const header = table[0];
  expect(header.filter((name) => name === label)).toHaveLength(1);
  const column = header.indexOf(label);
  expect(column, 'after the standard columns').toBeGreaterThanOrEqual(EXPORT_COLUMNS.length);

  const organs = organsBesideAccession();
  // The cases the inputs were chosen for hold in the file.
  expect(organs.get('P12532')).toBe('heart; brain');
  expect(organs.get('P04637')).toBe('breast, lung');
  // Compared in order: the engine joins the values in file order too.
  const got = rows.map((row, i) => [row.input, row.target, table[i + 1][column]]);
  const want = rows.map((row) => [row.input, row.target, organs.get(row.target) ?? '']);
  expect(got).toEqual(want);
  // Panel accessions were reached, so the column is not blank throughout.
  const annotated = got.filter(([, , value]) => value !== '');
  expect(annotated.map(([input]) => input)).toEqual(
    expect.arrayContaining(['TP53', 'INS', 'CKMT1A', 'CKMT1B', 'LGALS4', 'ALB']),
  );

  // The table shows the same values on the rows of those pairs.
  const p12532 = page.getByTestId('results').getByRole('row').filter({ hasText: 'CKMT1A' });
  await expect(p12532.getByRole('cell').last()).toHaveText('heart; brain');
});

test('a column declared "all values meant" maps several values as mapped, not ambiguous (#16)', async ({
  page,
}) => {
  await page.goto('/');
  await checkPanel(page, { manyValued: true });
  await page.getByTestId('table-add').click();
  await expect(tableItem(page, 'panel')).toBeVisible();

  // Accessions of panel.csv with several organs, read from the file.
  const organs = panelToOrgans('uniprot');
  const several = [...organs].filter(([, values]) => values.size > 1).map(([id]) => id);
  expect(several.length).toBeGreaterThan(1);
  await runMapping(page, { ids: several, source: 'uniprot', target: 'organ' });
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  for (const id of several) {
    const own = rows.filter((row) => row.input === id);
    expect(new Set(own.map((row) => row.target)), id).toEqual(organs.get(id));
    expect(new Set(own.map((row) => row.status)), id).toEqual(new Set(['mapped']));
  }
});
