/**
 * How pasted text splits into ids: shared by the engine's input parser and the page's live id
 * count, so the count shown while typing is the number of rows the run returns.
 *
 * Two rules. `lines`: one id per non-blank line, trimmed, inner spaces kept (names, spaced
 * aliases, protein groups). `words`: split on new lines, tabs, commas, semicolons and spaces.
 * `auto` (the default) reads a text of two or more non-blank lines by lines, one line by words.
 */
import type { IdCounts, SplitMode } from '../api';
import { cleanCell } from './normalize';

export type { IdCounts, SplitMode, SplitRule } from '../api';
import type { SplitRule } from '../api';

/**
 * The most text one run takes: 64 MB is about 8.9 million UniProt accessions (4 million Ensembl
 * ids). Mapping that many peaked at 952 MB in the tab (`npm run bench:limits`; 2.2 GB before
 * inputs and pairs shared their strings); much more and a typical laptop's tab would run out of
 * memory.
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

/** New lines (LF, CR, VT, FF, NEL, LS, PS) end a line; a CRLF leaves a blank line between. */
function isLineBreak(c: number): boolean {
  return (c >= 10 && c <= 13) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** The id in a token with quotes, padding or invisible characters; '' when nothing is left. */
export function cleanToken(raw: string): string {
  return cleanCell(raw).value.replace(STRAY_QUOTES, '').trim();
}

/** Walks the ids of a text: `next()` moves to the next one, `text.slice(start, end)`. */
export interface IdScanner {
  start: number;
  end: number;
  /** Whether the id needs no cleaning (plain printable ASCII, inner spaces for lines). */
  plain: boolean;
  next(): boolean;
}

/** Walks the tokens of `text`: the runs of characters between separators. */
export class TokenScanner implements IdScanner {
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

/**
 * Walks the lines of `text`, trimmed of spaces and tabs at either end; blank lines are skipped
 * (a line that is only padding or quotes is left for `cleanToken` to drop, as tokens are).
 */
export class LineScanner implements IdScanner {
  start = 0;
  end = 0;
  plain = true;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    // Skip line breaks, blank lines and the leading spaces and tabs of the next line.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && !isLineBreak(c)) break;
      i++;
    }
    if (i >= n) {
      this.start = this.end = n;
      return false;
    }
    const start = i;
    let plain = true;
    let last = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLineBreak(c)) break;
      if (c !== 32 && c !== 9) last = i + 1;
      if (c !== 32 && (c >= 128 || ASCII_CLASS[c] !== PLAIN)) plain = false;
      i++;
    }
    this.start = start;
    this.end = last;
    // Trailing tabs (trimmed off) may have made `plain` false: recheck the trimmed part.
    this.plain = plain || isPlainLine(text, start, last);
    return true;
  }
}

function isPlainLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && (c >= 128 || ASCII_CLASS[c] !== PLAIN)) return false;
  }
  return true;
}

/** Whether the id at the scanner is kept: not only padding, quotes or invisible characters. */
function kept(text: string, scanner: IdScanner): boolean {
  return scanner.plain || cleanToken(text.slice(scanner.start, scanner.end)) !== '';
}

/** Whether `text` has two or more non-blank lines (stops at the second). */
export function hasSeveralLines(text: string): boolean {
  const scanner = new LineScanner(text);
  let lines = 0;
  while (scanner.next()) if (kept(text, scanner) && ++lines === 2) return true;
  return false;
}

/** The rule `mode` splits `text` by: `auto` is `lines` for two or more non-blank lines. */
export function splitRule(text: string, mode: SplitMode = 'auto'): SplitRule {
  if (mode !== 'auto') return mode;
  return hasSeveralLines(text) ? 'lines' : 'words';
}

/** A scanner of `text`'s ids by `rule`. */
export function scannerFor(text: string, rule: SplitRule): IdScanner {
  return rule === 'lines' ? new LineScanner(text) : new TokenScanner(text);
}

/** How many ids (input rows) `text` holds by `rule`: the ids `parseInput` keeps. */
export function countByRule(text: string, rule: SplitRule): number {
  let count = 0;
  const scanner = scannerFor(text, rule);
  while (scanner.next()) if (kept(text, scanner)) count++;
  return count;
}

/** How many ids (input rows) `text` holds when split by `mode` (`auto` unless told). */
export function countIds(text: string, mode: SplitMode = 'auto'): number {
  return countByRule(text, splitRule(text, mode));
}

/** The ids of `text` by either rule, so the page can show any mode without counting again. */
export function countBoth(text: string): IdCounts {
  return { lines: countByRule(text, 'lines'), words: countByRule(text, 'words') };
}

/** The rule and row count of a text counted by `countBoth`, split by `mode`. */
export function countsFor(counts: IdCounts, mode: SplitMode): { rule: SplitRule; count: number } {
  const rule = mode === 'auto' ? (counts.lines >= 2 ? 'lines' : 'words') : mode;
  return { rule, count: counts[rule] };
}
