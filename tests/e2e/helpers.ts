/**
 * Helpers for the end-to-end tests: driving the page, reading its exports, and an independent
 * reading of the bundled tables (plain Node, no engine code) to compute what the app must answer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parseCsvRecords } from '../reference-csv';

export const EXPORT_COLUMNS = [
  'input_index',
  'input',
  'status',
  'target',
  'path',
  'via',
  'match',
  'confidence',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string>;

export const STATUSES = ['mapped', 'ambiguous', 'unmapped', 'invalid'] as const;

/** The CSV sources of the bundled tables (the app loads them shipped packed from public/data). */
const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses RFC 4180 CSV (quoted fields may hold the delimiter, `""` and line breaks). */
export const parseCsv = parseCsvRecords;

/** A TSV export read as Python's csv or pandas would: RFC 4180 quotes, line breaks in cells. */
export function parseTsv(text: string): string[][] {
  return parseCsvRecords(text, '\t');
}

/**
 * Checks the header starts with the spec's columns, in order and with those exact names (later
 * columns, if any, are extras the spec does not fix), and returns the data rows as records.
 */
export function toExportRows(table: string[][]): ExportRow[] {
  const [header, ...rows] = table;
  expect(header.slice(0, EXPORT_COLUMNS.length)).toEqual([...EXPORT_COLUMNS]);
  return rows.map((cells, i) => {
    expect(cells, `export row ${i + 1} has one cell per column`).toHaveLength(header.length);
    return Object.fromEntries(EXPORT_COLUMNS.map((name, j) => [name, cells[j]])) as ExportRow;
  });
}

/** One `input_index \t input \t target` key per row: what the exports must agree on. */
export function pairKeys(rows: { input_index: string; input: string; target: string }[]): string[] {
  return rows.map((row) => `${row.input_index}\t${row.input}\t${row.target}`).sort();
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

/**
 * Pairs from the JSON export. The spec fixes the columns, not the JSON shape, so this accepts an
 * array of rows (or an object holding one under `rows`/`pairs`/`results`/`data`), where a row
 * has a `target`, or a `targets` list (strings or objects with a `target`/`id`).
 */
export function pairsFromJson(
  json: unknown,
): { input_index: string; input: string; target: string }[] {
  let rows: unknown = json;
  if (rows && typeof rows === 'object' && !Array.isArray(rows)) {
    const holder = rows as Record<string, unknown>;
    rows = ['rows', 'pairs', 'results', 'data'].map((key) => holder[key]).find(Array.isArray);
  }
  expect(Array.isArray(rows), 'the JSON export holds an array of rows').toBe(true);
  return (rows as Record<string, unknown>[]).flatMap((row) => {
    const inputIndex = text(row.input_index ?? row.inputIndex);
    const input = text(row.input);
    if (Array.isArray(row.targets)) {
      const targets = row.targets.map((t: unknown) =>
        t && typeof t === 'object'
          ? text((t as Record<string, unknown>).target ?? (t as Record<string, unknown>).id)
          : text(t),
      );
      return (targets.length ? targets : ['']).map((target) => ({
        input_index: inputIndex,
        input,
        target,
      }));
    }
    return [{ input_index: inputIndex, input, target: text(row.target) }];
  });
}

// ---------------------------------------------------------------------------------------------
// The bundled tables, read independently of the app

/** Maps from a key column to the set of values in another column of one bundled table. */
export type Index = Map<string, Set<string>>;

const tableCache = new Map<string, string[][]>();

/** All data rows of `data/<name>.csv.gz`, the source of a bundled table (header dropped). */
export function readTable(name: string): string[][] {
  let rows = tableCache.get(name);
  if (!rows) {
    const csv = gunzipSync(readFileSync(`${DATA_DIR}${name}.csv.gz`)).toString('utf8');
    rows = parseCsv(csv).slice(1);
    tableCache.set(name, rows);
  }
  return rows;
}

/** Index of `table` from column `from` to column `to` (0-based). */
export function index(table: string, from: number, to: number): Index {
  const map: Index = new Map();
  for (const row of readTable(table)) {
    const values = map.get(row[from]) ?? new Set<string>();
    values.add(row[to]);
    map.set(row[from], values);
  }
  return map;
}

/** Follows `ids` through one index; ids with no entry drop out. */
export function step(ids: Iterable<string>, through: Index): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const next of through.get(id) ?? []) out.add(next);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Driving the page

export interface RunOptions {
  ids: string[];
  source: string;
  target: string;
}

/** Fails the test if the page throws an uncaught error. Call before `page.goto`. */
export function failOnPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

/**
 * Registers hooks for every test of the calling file: uncaught page errors fail the test and,
 * unless `open` is false, each test starts on the app's page.
 */
export function failTestsOnPageErrors({ open = true } = {}): void {
  let errors: string[] = [];
  test.beforeEach(async ({ page }) => {
    errors = failOnPageErrors(page);
    if (open) await page.goto('/');
  });
  test.afterEach(() => {
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
}

/** Opens the app, pastes `ids`, picks the types, runs, and waits for run `run` to be on screen. */
export async function runMapping(page: Page, { ids, source, target }: RunOptions, run = 1) {
  await page.getByTestId('ids-input').fill(ids.join('\n'));
  // selectOption waits for the options, which appear once the catalog has loaded.
  await page.getByTestId('source-type').selectOption(source);
  await page.getByTestId('target-type').selectOption(target);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', String(run), {
    timeout: 45_000,
  });
  await expect(page.getByTestId('error')).toHaveCount(0);
}

/**
 * Adds a CSV of the user's through the table panel, named after `fileName` (without `.csv`), its
 * columns typed as `types` says (column → type id), checked and added; waits for it in the list.
 */
export async function addCsvTable(
  page: Page,
  fileName: string,
  rows: string[][],
  types: Record<string, string>,
): Promise<void> {
  await page.getByTestId('table-file').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.map((row) => row.join(',')).join('\n')),
  });
  for (const [column, type] of Object.entries(types))
    await page.locator(`[data-testid="column-type"][data-column="${column}"]`).selectOption(type);
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-report')).toBeVisible();
  await page.getByTestId('table-add').click();
  const name = fileName.replace(/\.csv$/, '');
  await expect(page.getByTestId('tables').locator(`[data-table="${name}"]`)).toBeVisible();
}

/** Clicks an export button and returns where the finished download was saved. */
export async function downloadPath(
  page: Page,
  testId: string,
  timeout?: number,
): Promise<{ path: string; fileName: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.getByTestId(testId).click(),
  ]);
  return { path: await file.path(), fileName: file.suggestedFilename() };
}

/** Clicks an export button and returns the downloaded file's text. */
export async function download(page: Page, testId: string): Promise<string> {
  return readFileSync((await downloadPath(page, testId)).path, 'utf8');
}

/**
 * The export rows of each input line, in line order: checks that rows never go back to an
 * earlier line and that each row's input is its line, as typed.
 */
export function rowsByLine<R extends { input_index: string; input: string }>(
  rows: R[],
  lines: string[],
): R[][] {
  const byLine: R[][] = lines.map(() => []);
  let last = 0;
  for (const row of rows) {
    const position = Number(row.input_index);
    expect(position, 'rows are in line order').toBeGreaterThanOrEqual(last);
    last = position;
    expect(row.input).toBe(lines[position - 1]);
    byLine[position - 1].push(row);
  }
  return byLine;
}
