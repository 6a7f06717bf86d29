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
  type CellSink,
} from './export-rows';
import { DelimitedWriter, neutralise } from './delimited-writer';

export { EXPORT_COLUMNS, neutralise };

/** The media type each export's `Blob` carries. */
const MIME_TYPES: Record<ExportFormat, string> = {
  tsv: 'text/tab-separated-values;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** About how many bytes (UTF-16 code units for JSON) of rows make one part of the file. */
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
  return new Blob(
    [...exportParts(result, format, { layout, chunkChars })] as (
      string | Uint8Array<ArrayBuffer>
    )[],
    {
      type: MIME_TYPES[format],
    },
  );
}

export interface ExportOptions {
  layout?: ExportLayout;
  /** For tests: the parts' size (any value gives the same bytes). */
  chunkChars?: number;
  /** For tests: how many inputs' rows are written between parts (any value, same bytes). */
  inputsPerStep?: number;
  /** Added to every `input_index`: a shard of a list numbers its rows as in the whole list. */
  indexOffset?: number;
}

/** Where an export's rows go: bytes for TSV and CSV, text for JSON, taken part by part. */
interface RowSink extends CellSink {
  take(all?: boolean): string | Uint8Array | undefined;
}

/** JSON: a head with the run's summary and paths, then the rows as objects keyed by column. */
function jsonRows(
  result: MapResult,
  columns: string[],
  layout: ExportLayout,
  chunkChars: number,
): RowSink {
  const parts = new ChunkedText(chunkChars);
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
  const decoder = new TextDecoder();
  let cells: (string | number)[] = [];
  let first = true;
  return {
    text: (value) => cells.push(value),
    number: (value) => cells.push(value),
    packed: (bytes, start, end) => cells.push(decoder.decode(bytes.subarray(start, end))),
    end() {
      const row = Object.fromEntries(columns.map((column, c) => [column, cells[c]]));
      parts.push(first ? '\n' : ',\n', JSON.stringify(row));
      first = false;
      cells = [];
    },
    take(all = false) {
      if (all) parts.push('\n]}\n');
      return parts.take(all);
    },
  };
}

/**
 * The same file as parts (UTF-8 bytes for TSV and CSV, text for JSON), made as they are taken:
 * the page's Blob gathers them all, the command line (node/cli) writes each as it comes, so a
 * 10-million-row export is never held whole.
 */
export function* exportParts(
  result: MapResult,
  format: ExportFormat,
  {
    layout = 'long',
    chunkChars = CHUNK_CHARS,
    indexOffset = 0,
    inputsPerStep = INPUTS_PER_STEP,
  }: ExportOptions = {},
): Generator<string | Uint8Array> {
  const wide = layout === 'wide';
  const columns = wide ? wideColumns(result) : longColumns(result);
  let sink: RowSink;
  if (format === 'json') sink = jsonRows(result, columns, layout, chunkChars);
  else {
    sink = new DelimitedWriter(format === 'tsv' ? '\t' : ',', chunkChars);
    for (const column of columns) sink.text(column);
    sink.end();
  }
  const rows = wide ? eachWideRow : eachRow;
  for (let from = 0; from < result.inputs.count; from += inputsPerStep) {
    const to = Math.min(result.inputs.count, from + inputsPerStep);
    rows(result, sink, from, to, indexOffset);
    const part = sink.take();
    if (part !== undefined) yield part;
  }
  const rest = sink.take(true);
  if (rest !== undefined) yield rest;
}
