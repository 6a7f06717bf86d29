/**
 * A finished run as TSV, CSV or JSON, built in the worker: one row per input–target pair, in
 * input order, with inputs that found nothing kept as a row with an empty target (or one row per
 * input, its targets in one cell: the wide layout, export-rows.ts). The file is a
 * `Blob` made here (UTF-8, no BOM): it crosses to the page by reference, so the page does no
 * per-byte work to save it, and a large export is never held as one string.
 */
import type { ExportFormat, ExportLayout, MapResult } from '../../api';
import {
  EXPORT_COLUMNS,
  eachRow,
  eachWideRow,
  longColumns,
  wideColumns,
  type Cells,
} from './export-rows';

export { EXPORT_COLUMNS };

/** A plain number (`-1`, `+5`, `-2.5e3`): a spreadsheet reads it as that number, never runs it. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR:
 * OWASP's CSV-injection rule) get a leading apostrophe, except plain numbers, which are data.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Cells that may need neutralising or quoting, in each format (any other is written as it is). */
const SPECIAL_IN_TSV = /^[=+\-@\t\r]|["\t\r\n]/;
const SPECIAL_IN_CSV = /^[=+\-@\t\r]|[",\r\n]/;

/** The media type each export's `Blob` carries. */
const MIME_TYPES: Record<ExportFormat, string> = {
  tsv: 'text/tab-separated-values;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** About how many UTF-16 code units of rows are joined into one string part of the file. */
const CHUNK_CHARS = 1 << 20;
/** How many inputs' rows are written between checks for a full part. */
const INPUTS_PER_STEP = 4096;

/**
 * Collects the file's text as strings of about `chunkChars` each: a few hundred parts for a
 * million rows, rather than millions of tiny parts or one giant string. The text is only ever cut
 * between pushed strings (never inside a character), so the parts' UTF-8 is that of the whole.
 */
class ChunkedText {
  #pending: string[] = [];
  #pendingChars = 0;

  constructor(readonly chunkChars: number) {}

  push(...strings: string[]): void {
    for (const text of strings) {
      this.#pending.push(text);
      this.#pendingChars += text.length;
    }
  }

  /** The text pushed so far as one part, once it is `chunkChars` long (or `all` of it). */
  take(all = false): string | undefined {
    if (this.#pending.length === 0 || (!all && this.#pendingChars < this.chunkChars)) return;
    const part = this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    return part;
  }
}

/**
 * The rows of `result` as a file in `format`: `long`, one row per input–target pair (and one per
 * input without any), or `wide`, one row per input with its targets joined by `|` (#16).
 * `chunkChars` is for tests (any value, same bytes).
 */
export function exportRows(
  result: MapResult,
  format: ExportFormat,
  chunkChars = CHUNK_CHARS,
  layout: ExportLayout = 'long',
): Blob {
  return new Blob([...exportText(result, format, { layout, chunkChars })], {
    type: MIME_TYPES[format],
  });
}

export interface ExportOptions {
  layout?: ExportLayout;
  /** For tests: the parts' size (any value gives the same bytes). */
  chunkChars?: number;
  /** Added to every `input_index`: a shard of a list numbers its rows as in the whole list. */
  indexOffset?: number;
}

/**
 * The same file as parts of text, made as they are taken: the page's Blob gathers them all, the
 * command line (node/cli) writes each as it comes, so a 10-million-row export is never held whole.
 */
export function* exportText(
  result: MapResult,
  format: ExportFormat,
  { layout = 'long', chunkChars = CHUNK_CHARS, indexOffset = 0 }: ExportOptions = {},
): Generator<string> {
  const parts = new ChunkedText(chunkChars);
  const wide = layout === 'wide';
  const columns = wide ? wideColumns(result) : longColumns(result);
  let write: (cells: Cells) => void;
  if (format === 'json') {
    const head = {
      source: result.source,
      target: result.target,
      targets: result.targets,
      summary: result.summary,
      sourceTypes: result.sourceTypes,
      policy: result.policy,
      layout,
      paths: result.paths,
      notes: result.notes,
    };
    parts.push(JSON.stringify(head).slice(0, -1), ',"rows":[');
    let first = true;
    write = (cells) => {
      const row = Object.fromEntries(columns.map((column, c) => [column, cells[c]]));
      parts.push(first ? '\n' : ',\n', JSON.stringify(row));
      first = false;
    };
  } else {
    const separator = format === 'tsv' ? '\t' : ',';
    const cell = (value: string | number) => delimitedCell(String(value), separator);
    parts.push(columns.map(cell).join(separator), '\n');
    write = (cells) => parts.push(`${cells.map(cell).join(separator)}\n`);
  }
  const rows = wide ? eachWideRow : eachRow;
  for (let from = 0; from < result.inputs.count; from += INPUTS_PER_STEP) {
    const to = Math.min(result.inputs.count, from + INPUTS_PER_STEP);
    rows(result, write, from, to, indexOffset);
    const part = parts.take();
    if (part !== undefined) yield part;
  }
  if (format === 'json') parts.push('\n]}\n');
  const rest = parts.take(true);
  if (rest !== undefined) yield rest;
}

/**
 * RFC 4180 in CSV and TSV alike: a cell holding a quote, the separator or a line break is
 * quoted, its quotes doubled, so Python's csv, pandas, R's read.delim and spreadsheets read
 * every cell back exactly (line breaks included). Doubling keeps a cell's own quotes, so the
 * id `"=1+1"` reads back as the text `"=1+1"`, never as the formula `=1+1`.
 */
function delimitedCell(value: string, separator: string): string {
  // Most cells need neither: one test of each instead of three (an export's cells took 5 µs a row).
  if (!(separator === '\t' ? SPECIAL_IN_TSV : SPECIAL_IN_CSV).test(value)) return value;
  const safe = neutralise(value);
  const special = safe.includes('"') || safe.includes(separator) || /[\r\n]/.test(safe);
  return special ? `"${safe.replace(/"/g, '""')}"` : safe;
}
