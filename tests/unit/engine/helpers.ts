/**
 * Shared helpers for the engine unit tests: fixture paths, an independent CSV reader (plain
 * string code, no engine imports) to compute expected answers from the fixture files, the
 * fixture-catalog engine, and readers that turn a packed MapResult into plain rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type {
  IndexedStrings,
  MapResult,
  PackedStrings,
  UserColumnSpec,
} from '../../../workers/api';
import type { CatalogColumn, CatalogFile } from '../../../workers/engine/tables/catalog';
import { CrosswalkEngine, type EngineOptions } from '../../../workers/engine/engine';
import { CrosswalkError, type ErrorCode } from '../../../workers/engine/errors';
import { parseTable } from '../../../workers/engine/tables/parse-table';
import type { PackedTable } from '../../../workers/engine/tables/packed-table';
import { parseCsvRecords } from '../../reference-csv';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ORG_DIR = join(ROOT, 'tests', 'fixtures', 'org-hs-eg');
export const QUIRKS_DIR = join(ROOT, 'tests', 'fixtures', 'quirks');
export const PUBLIC_DATA_DIR = join(ROOT, 'public', 'data');
/** The CSV sources of the bundled tables, which ship packed in PUBLIC_DATA_DIR (build-data.ts). */
export const SOURCE_DATA_DIR = join(ROOT, 'data');
export const CATALOG_PATH = join(ORG_DIR, 'catalog.json');
export const CATALOG_URL = pathToFileURL(CATALOG_PATH).href;

/** Bytes of a fixture file, by path relative to `tests/fixtures/` (e.g. `quirks/qin-like.csv`). */
export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', relative)));
}

export function fixtureText(relative: string): string {
  return new TextDecoder().decode(fixtureBytes(relative));
}

// ---------------------------------------------------------------------------------------------
// Independent CSV reading (no engine code)

export interface Csv {
  header: string[];
  rows: string[][];
}

/** `parseCsvRecords` as a header and rows. */
export function parseCsvText(text: string, delimiter = ','): Csv {
  const records = parseCsvRecords(text, delimiter);
  return { header: records[0], rows: records.slice(1) };
}

export function readCsv(relative: string, delimiter = ','): Csv {
  return parseCsvText(fixtureText(relative), delimiter);
}

/** The cells of one column, in row order. */
export function columnOf(csv: Csv, name: string): string[] {
  const index = csv.header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${csv.header.join(',')}`);
  return csv.rows.map((row) => row[index] ?? '');
}

/** Distinct values in order of first appearance. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** key column → distinct values of the value column, both in file order. */
export function multiMap(csv: Csv, keyColumn: string, valueColumn: string): Map<string, string[]> {
  const keys = columnOf(csv, keyColumn);
  const values = columnOf(csv, valueColumn);
  const map = new Map<string, string[]>();
  keys.forEach((key, i) => {
    const list = map.get(key) ?? [];
    if (!list.includes(values[i])) list.push(values[i]);
    map.set(key, list);
  });
  return map;
}

export const sorted = (values: Iterable<string>): string[] => [...values].sort();

// ---------------------------------------------------------------------------------------------
// Engine access

export const fsReadBytes = async (url: string): Promise<Uint8Array> =>
  new Uint8Array(readFileSync(fileURLToPath(url)));

export function fixtureCatalog(): CatalogFile {
  return JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as CatalogFile;
}

/** A fresh engine initialised with the fixture catalog (reads through node:fs by default). */
export async function loadFixtureEngine(
  options: Partial<EngineOptions> = {},
): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, ...options });
  await engine.init(CATALOG_URL);
  return engine;
}

/** Checks and adds a table of the user's, `rows` (header first) written as TSV. */
export async function addTsvTable(
  engine: CrosswalkEngine,
  name: string,
  rows: string[][],
  columns: UserColumnSpec[],
): Promise<void> {
  const text = rows.map((row) => row.join('\t')).join('\n') + '\n';
  await engine.checkTable(new File([text], `${name}.tsv`), { name, columns });
  await engine.addTable(name);
}

/** Parses a fixture file with the engine's loader. */
export async function loadFixtureTable(
  relative: string,
  columns: CatalogColumn[],
  options: { forcePapa?: boolean; delimiter?: string } = {},
): Promise<PackedTable> {
  const name = relative.split('/').pop()!;
  const spec = { name, columns, delimiter: options.delimiter };
  const { table } = await parseTable(spec, fixtureBytes(relative), options);
  return table;
}

/** All strings of a column's dictionary, in id order. */
export function dictValues(table: PackedTable, column: string): string[] {
  const dict = table.columns[table.columnIndex(column)].dict;
  return Array.from({ length: dict.size }, (_, id) => dict.get(id));
}

/** Everything a parser decides: dictionaries in id order, ids per record, composite flags, stats. */
export function describeTable(table: PackedTable) {
  return {
    records: table.records,
    hub: table.hub,
    columns: table.columns.map((c) => ({
      name: c.name,
      type: c.type,
      values: dictValues(table, c.name),
      ids: [...c.ids],
      composite: c.composite ? [...c.composite] : null,
    })),
    stats: table.stats,
  };
}

/** Targets of `key` in `from → to` edges, as strings in CSR order. */
export function edgeTargets(table: PackedTable, from: string, to: string, key: string): string[] {
  const f = table.columnIndex(from);
  const t = table.columnIndex(to);
  const csr = table.edges(f, t);
  const id = table.columns[f].dict.lookupString(key);
  if (id < 0) return [];
  const out: string[] = [];
  for (let j = csr.start[id]; j < csr.start[id + 1]; j++) {
    out.push(table.columns[t].dict.get(csr.target[j]));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Results

const decoder = new TextDecoder();

export function decode(packed: PackedStrings, i: number): string {
  return decoder.decode(packed.bytes.subarray(packed.offsets[i], packed.offsets[i + 1]));
}

/** Row i's string of an indexed column (`inputs.text`, `pairs.target`, `pairs.via`). */
export function decodeRow(column: IndexedStrings, i: number): string {
  return decode(column.strings, column.index[i]);
}

export interface PairRow {
  target: string;
  via: string;
  path: number;
  match: string;
  confidence: number;
  flags: number;
}

export interface InputRow {
  input: string;
  status: 'mapped' | 'ambiguous' | 'unmapped' | 'invalid';
  flags: number;
  pairs: PairRow[];
}

const STATUS = ['mapped', 'ambiguous', 'unmapped', 'invalid'] as const;

/** One plain row per input, in input order, each with its pairs. */
export function rowsOf(result: MapResult): InputRow[] {
  const { inputs, pairs } = result;
  const rows: InputRow[] = [];
  for (let i = 0; i < inputs.count; i++) {
    const list: PairRow[] = [];
    for (let p = inputs.pairStart[i]; p < inputs.pairStart[i + 1]; p++) {
      expect(pairs.input[p]).toBe(i);
      list.push({
        target: decodeRow(pairs.target, p),
        via: decodeRow(pairs.via, p),
        path: pairs.path[p],
        match: result.matchTypes[pairs.match[p]],
        confidence: pairs.confidence[p],
        flags: pairs.flags[p],
      });
    }
    rows.push({
      input: decodeRow(inputs.text, i),
      status: STATUS[inputs.status[i]],
      flags: inputs.flags[i],
      pairs: list,
    });
  }
  return rows;
}

/** The row of a single input (fails when the input is absent). */
export function rowFor(rows: InputRow[], input: string): InputRow {
  const row = rows.find((r) => r.input === input);
  if (!row) throw new Error(`no row for input ${JSON.stringify(input)}`);
  return row;
}

/** Rounds like the documented confidence formula (3 decimals). */
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Awaits a rejection and checks it is a CrosswalkError with `code` whose message has `parts`. */
export async function expectCrosswalkError(
  promise: Promise<unknown>,
  code: ErrorCode,
  ...parts: string[]
): Promise<CrosswalkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrosswalkError);
  const crosswalkError = error as CrosswalkError;
  expect(crosswalkError.code).toBe(code);
  for (const part of parts) expect(crosswalkError.message).toContain(part);
  return crosswalkError;
}

/** What the run made of input `i`'s id: its type, the id as looked up, and its reason. */
export function keyInfoOf(
  result: MapResult,
  i: number,
): { sourceType: string; normalised: string; reason: string } {
  const k = result.inputs.key[i];
  const t = result.keys.type[k];
  return {
    sourceType: t === 255 ? '' : result.sourceTypes[t],
    normalised: decode(result.keys.normalised, k),
    reason: result.reasons[result.keys.reason[k]],
  };
}
