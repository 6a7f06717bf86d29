/**
 * Pasted text → ordered tokens → distinct cleaned keys. Order and duplicates are kept: every
 * token is an input row of the result; keys are what gets mapped, once each.
 */
import { MATCH_TRIMMED } from './id-types';
import { cleanCell } from './normalize';

// New lines, tabs, commas, semicolons and plain spaces separate ids. Other Unicode spaces (NBSP,
// thin spaces) are treated as padding around an id, as spreadsheets leave them, and trimmed.
const SEPARATORS = /[\r\n\t\v\f,; \u0085\u2028\u2029]+/;
// A quote left at either end of a token (from a quoted cell split on its comma) is padding too.
const STRAY_QUOTES = /^["'\u201C\u201D\u2018\u2019]+|["'\u201C\u201D\u2018\u2019]+$/g;

export interface ParsedInput {
  /** Tokens as the user typed them, in order. */
  tokens: string[];
  /** Key index of each token. */
  keyOf: Int32Array;
  /** Distinct cleaned keys, in order of first appearance. */
  keys: string[];
  /** Match bits from clean-up, per key (trimmed quotes or invisible characters). */
  keyBits: Uint8Array;
  /** Tokens that repeat an earlier key. */
  duplicates: number;
}

export function parseInput(text: string): ParsedInput {
  const tokens = text.split(SEPARATORS).filter((t) => cleanCell(t).outcome !== 'blank');
  const keyOf = new Int32Array(tokens.length);
  const keys: string[] = [];
  const bits: number[] = [];
  const index = new Map<string, number>();
  let duplicates = 0;
  for (let i = 0; i < tokens.length; i++) {
    const cell = cleanCell(tokens[i]);
    const key = cell.value.replace(STRAY_QUOTES, '').trim();
    let k = index.get(key);
    if (k === undefined) {
      k = keys.length;
      index.set(key, k);
      keys.push(key);
      bits.push(key !== tokens[i] ? MATCH_TRIMMED : 0);
    } else duplicates++;
    keyOf[i] = k;
  }
  return { tokens, keyOf, keys, keyBits: Uint8Array.from(bits), duplicates };
}
