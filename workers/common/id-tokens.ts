/**
 * How pasted text splits into ids: shared by the engine's input parser and the page's live id
 * count, so the count shown while typing is the number of rows the run returns.
 */
import { cleanCell } from './normalize';

/**
 * The most text one run takes: 64 MB is about 8.9 million UniProt accessions (4 million Ensembl
 * ids). Mapping that many peaked at 2.2 GB in the tab (`npm run bench:limits`); much more and a
 * typical laptop's tab would run out of memory.
 */
export const MAX_INPUT_CHARS = 64 * 1024 * 1024;

// A quote left at either end of a token (from a quoted cell split on its comma) is padding.
const STRAY_QUOTES = /^["'\u201C\u201D\u2018\u2019]+|["'\u201C\u201D\u2018\u2019]+$/g;

/**
 * Character classes for ASCII, looked up per char (a function of comparisons cost ~2x here).
 * New lines, tabs, commas, semicolons and plain spaces separate ids. Other Unicode spaces (NBSP,
 * thin spaces) are padding around an id, as spreadsheets leave them, and are trimmed instead.
 * Plain characters (printable ASCII except quotes) need no cleaning.
 */
const SEPARATOR = 1;
const PLAIN = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 33; c < 127; c++) ASCII_CLASS[c] = PLAIN;
for (const c of [9, 10, 11, 12, 13, 32, 44, 59]) ASCII_CLASS[c] = SEPARATOR;
ASCII_CLASS[34] = ASCII_CLASS[39] = 0;

function classOf(c: number): number {
  if (c < 128) return ASCII_CLASS[c];
  return c === 0x85 || c === 0x2028 || c === 0x2029 ? SEPARATOR : 0;
}

/** The id in a token with quotes, padding or invisible characters; '' when nothing is left. */
export function cleanToken(raw: string): string {
  return cleanCell(raw).value.replace(STRAY_QUOTES, '').trim();
}

/** Walks the tokens of `text`: the runs of characters between separators. */
export class TokenScanner {
  /** The current token is `text.slice(start, end)`. */
  start = 0;
  end = 0;
  /** Whether the token is plain printable ASCII, so needs no cleaning. */
  plain = true;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Moves to the next token; false past the last one. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    while (i < n && classOf(text.charCodeAt(i)) === SEPARATOR) i++;
    if (i >= n) {
      this.start = this.end = n;
      return false;
    }
    this.start = i;
    let plain = true;
    while (i < n) {
      const kind = classOf(text.charCodeAt(i));
      if (kind === SEPARATOR) break;
      if (kind !== PLAIN) plain = false;
      i++;
    }
    this.end = i;
    this.plain = plain;
    return true;
  }
}

/** How many ids (input rows) `text` holds: the tokens `parseInput` keeps. */
export function countIds(text: string): number {
  let count = 0;
  const scanner = new TokenScanner(text);
  while (scanner.next()) {
    if (scanner.plain || cleanToken(text.slice(scanner.start, scanner.end)) !== '') count++;
  }
  return count;
}
