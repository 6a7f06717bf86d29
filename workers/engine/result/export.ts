/**
 * A finished run as TSV, CSV or JSON, built in the worker: one row per input–target pair, in
 * input order, with inputs that found nothing kept as a row with an empty target. The file is a
 * `Blob` made here (UTF-8, no BOM): it crosses to the page by reference, so the page does no
 * per-byte work to save it, and a large export is never held as one string.
 */
import type { ExportFormat, IndexedStrings, MapResult } from '../../api';
import {
  INPUT_DUPLICATE,
  INPUT_EXCEL_DATE,
  NO_TYPE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  REVIEW_UNKNOWN,
  REVIEWED,
  STATUS_NAMES,
  UNREVIEWED,
} from '../../common/codes';

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
  'source_type',
  'normalised',
  'reason',
] as const;

/** The standard columns, then one per requested attribute column (named by its label). */
type Row = Record<string, string | number>;

const decoder = new TextDecoder();

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

/** The rows of `result` as a file in `format`; `chunkChars` is for tests (any value, same bytes). */
export function exportRows(
  result: MapResult,
  format: ExportFormat,
  chunkChars = CHUNK_CHARS,
): Blob {
  const parts = new ChunkedText(chunkChars);
  if (format === 'json') {
    const head = {
      source: result.source,
      target: result.target,
      summary: result.summary,
      sourceTypes: result.sourceTypes,
      policy: result.policy,
      paths: result.paths,
      notes: result.notes,
    };
    parts.push(JSON.stringify(head).slice(0, -1), ',"rows":[');
    let first = true;
    eachRow(result, (row) => {
      parts.push(first ? '\n' : ',\n', JSON.stringify(row));
      first = false;
    });
    parts.push('\n]}\n');
  } else {
    const separator = format === 'tsv' ? '\t' : ',';
    const cell = (value: string) => delimitedCell(value, separator);
    const columns = [...EXPORT_COLUMNS, ...result.attributes.labels];
    parts.push(columns.map(cell).join(separator), '\n');
    eachRow(result, (row) => {
      parts.push(columns.map((c) => cell(String(row[c]))).join(separator), '\n');
    });
  }
  return parts.toBlob(MIME_TYPES[format]);
}

function eachRow(result: MapResult, visit: (row: Row) => void): void {
  const { inputs, pairs } = result;
  for (let i = 0; i < inputs.count; i++) {
    const base = {
      input_index: i + 1,
      input: at(inputs.text, i),
      status: STATUS_NAMES[inputs.status[i]],
      duplicate: inputs.flags[i] & INPUT_DUPLICATE ? 'yes' : '',
      excel_date: inputs.flags[i] & INPUT_EXCEL_DATE ? 'yes' : '',
      ...keyColumns(result, inputs.key[i]),
      policy: result.policy,
    };
    const { labels, values } = result.attributes;
    const start = inputs.pairStart[i];
    const end = inputs.pairStart[i + 1];
    if (start === end) {
      visit({
        ...base,
        target: '',
        path: '',
        via: '',
        match: '',
        confidence: '',
        convergent: '',
        round_trip: '',
        reviewed: '',
        ...Object.fromEntries(labels.map((label) => [label, ''])),
      });
    }
    for (let p = start; p < end; p++) {
      const flags = pairs.flags[p];
      visit({
        ...base,
        target: at(pairs.target, p),
        path: result.paths[pairs.path[p]].label,
        via: at(pairs.via, p),
        match: result.matchTypes[pairs.match[p]],
        confidence: Number(pairs.confidence[p].toFixed(3)),
        convergent: flags & PAIR_CONVERGENT ? 'yes' : '',
        round_trip:
          flags & PAIR_ROUND_TRIP ? (flags & PAIR_CONFIRMED ? 'confirmed' : 'not confirmed') : '',
        reviewed: REVIEW_WORDS[result.reviewed?.[pairs.target.index[p]] ?? REVIEW_UNKNOWN],
        ...Object.fromEntries(
          labels.map((label, a) => [label, text(values[a], pairs.target.index[p])]),
        ),
      });
    }
  }
}

/** What the run made of the input's id: its type, the id as looked up and why it missed. */
function keyColumns(result: MapResult, k: number) {
  const { keys } = result;
  const type = keys.type[k];
  return {
    source_type: type === NO_TYPE ? '' : result.sourceTypes[type],
    normalised: text(keys.normalised, k),
    reason: result.reasons[keys.reason[k]],
  };
}

/** The `reviewed` column: what a table says of a UniProt target (empty: none says). */
const REVIEW_WORDS = { [REVIEW_UNKNOWN]: '', [REVIEWED]: 'yes', [UNREVIEWED]: 'no' } as Record<
  number,
  string
>;

/** Row i's string of an indexed column. */
function at(column: IndexedStrings, i: number): string {
  return text(column.strings, column.index[i]);
}

function text(packed: { bytes: Uint8Array; offsets: Int32Array }, i: number): string {
  return decoder.decode(packed.bytes.subarray(packed.offsets[i], packed.offsets[i + 1]));
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
