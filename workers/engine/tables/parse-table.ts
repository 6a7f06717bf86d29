/**
 * File bytes → PackedTable: decompress, check it is text, find the header and delimiter, then
 * stream the rows through the byte tokenizer (quote-free data) or PapaParse (anything quoted).
 */
import type { LongFormSpec } from '../../api';
import type { CatalogColumn, HistoryColumns } from './catalog';
import { parseDelimited } from './csv-fast';
import { parseQuoted } from './csv-papa';
import {
  assertText,
  assertUtf8,
  detectDelimiter,
  findHeader,
  gunzip,
  isGzip,
  notUtf8,
  toUtf8,
} from './dialect';
import { fail } from '../errors';
import { assertDistinctColumns, columnName, splitHeader } from './header';
import type { PackedTable } from './packed-table';
import { TableBuilder } from './table-builder';
import { requiredColumns, tableLayout, type RowFilter } from './table-layout';

export interface TableSpec {
  name: string;
  columns: CatalogColumn[];
  /** Declared delimiter; detected from the header line when absent. */
  delimiter?: string;
  /** Row count when known (catalog), to size the buffers once. */
  rows?: number;
  /** Column names for a file with no header row of its own (see UserTableSpec.header). */
  header?: string[];
  long?: LongFormSpec;
  hub?: string;
  /** Only the rows whose column has (or has not) one of these values: one part of a split file. */
  rowFilter?: RowFilter;
  /** A history table: its successors' column may be empty (every id withdrawn). */
  history?: HistoryColumns;
}

export interface LoadTimes {
  decompress: number;
  parse: number;
}

export interface ParseOptions {
  /** Parse with PapaParse, the reference parser, instead of the byte tokenizer (tests compare both). */
  forcePapa?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function parseTable(
  spec: TableSpec,
  raw: Uint8Array,
  options: ParseOptions = {},
): Promise<{ table: PackedTable; times: LoadTimes; builder: TableBuilder }> {
  let t = performance.now();
  const bytes = toUtf8(isGzip(raw) ? await gunzip(spec.name, raw) : raw);
  const decompress = performance.now() - t;
  t = performance.now();
  // A row takes at least two bytes: a stated row count past that is no size to trust.
  const { builder, header, delimiter } = startTable(spec, bytes, (dataStart) =>
    Math.min(spec.rows ?? estimateRows(bytes, dataStart), (bytes.length >> 1) + 1),
  );
  if (!options.forcePapa) {
    assertUtf8(spec.name, bytes);
    parseDelimited(
      spec.name,
      bytes,
      header.dataStart,
      delimiter.charCodeAt(0),
      builder,
      options.onProgress,
    );
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(header.headerStart));
    } catch {
      return fail('unreadable-file', notUtf8(spec.name));
    }
    parseQuoted(spec.name, text, delimiter, builder, !spec.header);
  }
  const table = builder.finish();
  return { table, times: { decompress, parse: performance.now() - t }, builder };
}

/** Where a table's data starts, and the builder that reads it. */
export interface TableStart {
  builder: TableBuilder;
  /** Where the header line starts and where the data does (the header's own line skipped). */
  header: { headerStart: number; dataStart: number };
  delimiter: string;
}

/**
 * The start of a table from the first bytes of its (decompressed, UTF-8) file: the header found
 * and checked against the spec, the delimiter, and a builder sized by `expectedRows` (given where
 * the data starts). The whole-file reader and the streamed one (streamed/) share it.
 */
export function startTable(
  spec: TableSpec,
  bytes: Uint8Array,
  expectedRows: (dataStart: number) => number,
): TableStart {
  assertText(spec.name, bytes);
  const found = findHeader(spec.name, bytes);
  const delimiter = spec.delimiter ?? detectDelimiter(found.headerText);
  // A file without a header row of its own starts its data where a header would be.
  const headerCells = spec.header
    ? spec.header.map(columnName)
    : splitHeader(found.headerText, delimiter);
  const dataStart = spec.header ? found.headerStart : found.dataStart;
  if (headerCells.length < 2) {
    fail(
      'unreadable-file',
      `Table "${spec.name}" has a single column ("${headerCells[0]}") when split on ${delimiterName(delimiter)}; a lookup table needs at least two columns (separated by commas, tabs, semicolons or |).`,
    );
  }
  const required = requiredColumns(spec, spec.rowFilter);
  assertDistinctColumns(spec.name, headerCells, required);
  const missing = required.find((name) => !headerCells.includes(name));
  if (missing !== undefined) {
    fail(
      'missing-column',
      `Table "${spec.name}" has no column "${missing}" (its header has: ${headerCells.join(', ')}).`,
    );
  }
  const layout = tableLayout(spec, headerCells, spec.rowFilter);
  const builder = new TableBuilder(spec.name, headerCells, layout, expectedRows(dataStart));
  return { builder, header: { headerStart: found.headerStart, dataStart }, delimiter };
}

/**
 * Rows a file of unknown length holds, from the line breaks of its first 64 KB: a user's file
 * (no catalog row count) gets buffers near its size instead of doubling them from 1,024.
 */
function estimateRows(bytes: Uint8Array, dataStart: number): number {
  const sample = bytes.subarray(dataStart, dataStart + 65536);
  let lines = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 10) lines++;
  if (lines === 0 || sample.length === bytes.length - dataStart) return Math.max(lines, 1024);
  return Math.ceil(((bytes.length - dataStart) * lines) / sample.length);
}

function delimiterName(delimiter: string): string {
  return (
    { ',': 'commas', '\t': 'tabs', ';': 'semicolons', '|': '"|"' }[delimiter] ?? `"${delimiter}"`
  );
}
