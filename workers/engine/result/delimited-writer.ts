/**
 * TSV and CSV written straight to UTF-8 bytes. The ids in a run are already UTF-8 in packed
 * arrays: copying their bytes skips decoding each into a string and encoding it back, which with
 * the string joins cost ~3.5 µs a row — 3.5 s of a million-row export, 22 s of ten million.
 * Cells follow RFC 4180 and OWASP's CSV-injection rule exactly as the string rule below says;
 * a packed cell that needs either goes through that rule (rare: ids hold no quotes or tabs).
 */
import type { CellSink } from './export-rows';

/** A plain number (`-1`, `+5`, `-2.5e3`): a spreadsheet reads it as that number, never runs it. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR:
 * OWASP's CSV-injection rule) get a leading apostrophe, except plain numbers, which are data.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 in CSV and TSV alike: a cell holding a quote, the separator or a line break is
 * quoted, its quotes doubled, so Python's csv, pandas, R's read.delim and spreadsheets read
 * every cell back exactly (line breaks included). Doubling keeps a cell's own quotes, so the
 * id `"=1+1"` reads back as the text `"=1+1"`, never as the formula `=1+1`.
 */
export function delimitedCell(value: string, separator: string): string {
  const safe = neutralise(value);
  const special = safe.includes('"') || safe.includes(separator) || /[\r\n]/.test(safe);
  return special ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const NEWLINE = 0x0a;
/** Bytes that may start a formula: `=`, `+`, `-`, `@`, a tab, a CR. */
const FORMULA_START = new Uint8Array(256);
for (const c of '=+-@\t\r') FORMULA_START[c.charCodeAt(0)] = 1;

export class DelimitedWriter implements CellSink {
  readonly #separator: string;
  readonly #separatorByte: number;
  /** Bytes that make a cell quoted: a quote, the separator, CR and LF. */
  readonly #quoted = new Uint8Array(256);
  /** Each distinct string cell (statuses, paths, reasons: few) encoded and escaped once. */
  readonly #encoded = new Map<string, Uint8Array>();
  #buffer: Uint8Array;
  #at = 0;

  constructor(
    separator: '\t' | ',',
    readonly chunkBytes: number,
  ) {
    this.#separator = separator;
    this.#separatorByte = separator.charCodeAt(0);
    for (const c of ['"', separator, '\r', '\n']) this.#quoted[c.charCodeAt(0)] = 1;
    this.#buffer = new Uint8Array(Math.max(chunkBytes, 1024) + 4096);
  }

  /** Whether the next cell is a row's first (no separator before it). */
  #rowStart = true;

  text(value: string): void {
    this.#separate();
    this.#string(value);
  }

  number(value: number): void {
    this.#separate();
    this.#number(value);
  }

  packed(bytes: Uint8Array, start: number, end: number): void {
    this.#separate();
    this.#packed(bytes, start, end);
  }

  end(): void {
    this.#byte(NEWLINE);
    this.#rowStart = true;
  }

  #separate(): void {
    if (this.#rowStart) this.#rowStart = false;
    else this.#byte(this.#separatorByte);
  }

  /** The bytes written so far as one part, once they reach `chunkBytes` (or `all` of them). */
  take(all = false): Uint8Array | undefined {
    if (this.#at === 0 || (!all && this.#at < this.chunkBytes)) return;
    const part = this.#buffer.slice(0, this.#at);
    this.#at = 0;
    return part;
  }

  #packed(bytes: Uint8Array, start: number, end: number): void {
    if (start === end) return;
    if (FORMULA_START[bytes[start]])
      return this.#string(decoder.decode(bytes.subarray(start, end)));
    this.#room(end - start);
    // Copied byte by byte while checking each (ids are ~10 bytes: cheaper than a subarray and
    // `set`); the position moves only once the whole cell is known to need no quotes.
    const buffer = this.#buffer;
    const quoted = this.#quoted;
    let at = this.#at;
    for (let j = start; j < end; j++) {
      const byte = bytes[j];
      if (quoted[byte]) return this.#string(decoder.decode(bytes.subarray(start, end)));
      buffer[at++] = byte;
    }
    this.#at = at;
  }

  /** Numbers (an index, a confidence) are ASCII digits a spreadsheet reads as numbers. */
  #number(value: number): void {
    const digits = String(value);
    this.#room(digits.length);
    for (let j = 0; j < digits.length; j++) this.#buffer[this.#at++] = digits.charCodeAt(j);
  }

  #string(value: string): void {
    // Most cells of a row are empty (flags not set, no round trip): nothing to write.
    if (value === '') return;
    let bytes = this.#encoded.get(value);
    if (!bytes) {
      bytes = encoder.encode(delimitedCell(value, this.#separator));
      // Bounded: an id-like string (a wide row's joined targets) is not worth keeping.
      if (this.#encoded.size < 4096) this.#encoded.set(value, bytes);
    }
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.#at);
    this.#at += bytes.length;
  }

  #byte(byte: number): void {
    this.#room(1);
    this.#buffer[this.#at++] = byte;
  }

  #room(bytes: number): void {
    if (this.#at + bytes <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(2 * this.#buffer.length, this.#at + bytes));
    grown.set(this.#buffer.subarray(0, this.#at));
    this.#buffer = grown;
  }
}
