/**
 * A finished run as TSV, CSV or JSON, built in the worker: one row per input–target pair, in
 * input order, with inputs that found nothing kept as a row with an empty target (or one row per
 * input, its targets in one cell: the wide layout, export-rows.ts). The file is a
 * `Blob` made here (UTF-8, no BOM): it crosses to the page by reference, so the page does no
 * per-byte work to save it, and a large export is never held as one string.
 */
import type { ExportFormat, ExportLayout, MapResult } from '../../api';
import { eachRow, eachWideRow, wideColumns } from './export-rows';

export const EXPORT_COLUMNS = [
  'input_index',
  'input',
  'status',
  'target',
  'path',
  'via',
  'match',
  'confidence',
  'duplicate',
  'convergent',
  'round_trip',
  'excel_date',
  // #16, before #12's three, which stay last.
  'reviewed',
  'policy',
  // The pair's target type: a run may have several (#16).
  'target_type',
  // `yes` where two ranked paths answer the input differently (#17; the reason gives the other).
  'conflict',
  'source_type',
  'normalised',
  'reason',
] as const;

/** A plain number (`-1`, `+5`, `-2.5e3`): a spreadsheet reads it as that number, never runs it. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR:
 * OWASP's CSV-injection rule) get a leading apostrophe, except plain numbers, which are data.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The media type each export's `Blob` carries. */
const MIME_TYPES: Record<ExportFormat, string> = {
  tsv: 'text/tab-separated-values;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** About how many UTF-16 code units of rows are joined into one string part of the Blob. */
const CHUNK_CHARS = 1 << 20;

/**
 * Collects the file's text as strings of about `chunkChars` each: a few hundred parts for a
 * million rows, rather than millions of tiny parts or one giant string. The text is only ever cut
 * between pushed strings (never inside a character), so the Blob's UTF-8 is that of the whole.
 */
class ChunkedText {
  readonly #chunks: string[] = [];
  #pending: string[] = [];
  #pendingChars = 0;

  constructor(readonly chunkChars: number) {}

  push(...strings: string[]): void {
    for (const text of strings) {
      this.#pending.push(text);
      this.#pendingChars += text.length;
    }
    if (this.#pendingChars >= this.chunkChars) this.#flush();
  }

  toBlob(type: string): Blob {
    this.#flush();
    return new Blob(this.#chunks, { type });
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    this.#chunks.push(this.#pending.join(''));
    this.#pending = [];
    this.#pendingChars = 0;
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
  const parts = new ChunkedText(chunkChars);
  const rows = layout === 'wide' ? eachWideRow : eachRow;
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
    rows(result, (row) => {
      parts.push(first ? '\n' : ',\n', JSON.stringify(row));
      first = false;
    });
    parts.push('\n]}\n');
  } else {
    const separator = format === 'tsv' ? '\t' : ',';
    const cell = (value: string) => delimitedCell(value, separator);
    const columns =
      layout === 'wide' ? wideColumns(result) : [...EXPORT_COLUMNS, ...result.attributes.labels];
    parts.push(columns.map(cell).join(separator), '\n');
    rows(result, (row) => {
      parts.push(columns.map((c) => cell(String(row[c]))).join(separator), '\n');
    });
  }
  return parts.toBlob(MIME_TYPES[format]);
}

/**
 * RFC 4180 in CSV and TSV alike: a cell holding a quote, the separator or a line break is
 * quoted, its quotes doubled, so Python's csv, pandas, R's read.delim and spreadsheets read
 * every cell back exactly (line breaks included). Doubling keeps a cell's own quotes, so the
 * id `"=1+1"` reads back as the text `"=1+1"`, never as the formula `=1+1`.
 */
function delimitedCell(value: string, separator: string): string {
  const safe = neutralise(value);
  const special = safe.includes('"') || safe.includes(separator) || /[\r\n]/.test(safe);
  return special ? `"${safe.replace(/"/g, '""')}"` : safe;
}
