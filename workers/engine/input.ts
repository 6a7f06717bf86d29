/**
 * Pasted text → ordered tokens → distinct cleaned keys. Order and duplicates are kept: every
 * token is an input row of the result; keys are what gets mapped, once each.
 *
 * Written as a char-code scanner that writes plain ASCII ids straight into byte buffers: the
 * first version (regex split, a cleaned string and a Map entry per token) spent ~2 s of a 1M-id
 * run here, more than the mapping itself.
 */
import { IntBuffer, StringsBuffer } from './buffers';
import { fail } from './errors';
import { MATCH_TRIMMED } from './id-types';
import { cleanCell } from './normalize';
import { StringDict } from './string-dict';

// A quote left at either end of a token (from a quoted cell split on its comma) is padding.
const STRAY_QUOTES = /^["'\u201C\u201D\u2018\u2019]+|["'\u201C\u201D\u2018\u2019]+$/g;

export interface ParsedInput {
  /** Tokens as the user typed them, in order (UTF-8). */
  tokens: { bytes: Uint8Array; offsets: Int32Array };
  count: number;
  /** Key index of each token. */
  keyOf: Int32Array;
  /** Distinct cleaned keys, in order of first appearance. */
  keys: StringDict;
  /** Match bits from clean-up, per key (trimmed quotes, padding or invisible characters). */
  keyBits: Uint8Array;
  /** Tokens that repeat an earlier key. */
  duplicates: number;
}

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

/**
 * The most text one run takes: 64 MB is about 5 million UniProt accessions; a 1M-id run peaks
 * near 0.5 GB in Node here, so beyond this a typical laptop tab would run out of memory.
 */
export const MAX_INPUT_CHARS = 64 * 1024 * 1024;

/** Refuses inputs that cannot be a list of ids, before any work: too large, or binary. */
export function assertPlausibleInput(text: string): void {
  if (text.length > MAX_INPUT_CHARS) {
    fail(
      'bad-request',
      `The input is ${Math.round(text.length / 1024 / 1024)} MB; at most ${MAX_INPUT_CHARS / 1024 / 1024} MB of identifiers (about 5 million) can be mapped at once. Split the list.`,
    );
  }
  let control = 0;
  const sample = Math.min(text.length, 65536);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > 0 && control >= sample / 100) {
    fail(
      'bad-request',
      'The input looks like binary data (a picture or a program?), not a list of identifiers.',
    );
  }
}

export function parseInput(text: string): ParsedInput {
  const tokens = new StringsBuffer(text.length + 16);
  const keys = new StringDict(Math.max(1024, text.length >> 4));
  const keyOf = new IntBuffer(Math.max(1024, text.length >> 4));
  const keyBits = new IntBuffer(1024);
  const encoder = new TextEncoder();
  let duplicates = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && classOf(text.charCodeAt(i)) === SEPARATOR) i++;
    if (i >= n) break;
    const start = i;
    let plain = true;
    while (i < n) {
      const kind = classOf(text.charCodeAt(i));
      if (kind === SEPARATOR) break;
      if (kind !== PLAIN) plain = false;
      i++;
    }
    let k: number;
    let bits = 0;
    if (plain) {
      // Plain ASCII: the token's bytes are the key's bytes, interned straight from the buffer.
      tokens.reserve(i - start);
      const bytes = tokens.bytes;
      const at = tokens.length;
      let w = at;
      for (let j = start; j < i; j++) bytes[w++] = text.charCodeAt(j);
      tokens.length = w;
      k = keys.intern(bytes, at, w);
    } else {
      const raw = text.slice(start, i);
      const key = cleanCell(raw).value.replace(STRAY_QUOTES, '').trim();
      if (key === '') continue;
      tokens.append(encoder.encode(raw));
      k = keys.internString(key);
      bits = key !== raw ? MATCH_TRIMMED : 0;
    }
    tokens.end();
    if (k === keyBits.length) keyBits.push(bits);
    else duplicates++;
    keyOf.push(k);
  }
  keys.compact();
  return {
    tokens: tokens.toPacked(),
    count: keyOf.length,
    keyOf: keyOf.data.subarray(0, keyOf.length),
    keys,
    keyBits: Uint8Array.from(keyBits.data.subarray(0, keyBits.length)),
    duplicates,
  };
}
