/**
 * Pasted text → ordered tokens → distinct cleaned keys. Order and duplicates are kept: every
 * token is an input row of the result; keys are what gets mapped, once each.
 *
 * Written as a char-code scanner that writes plain ASCII ids straight into byte buffers: the
 * first version (regex split, a cleaned string and a Map entry per token) spent ~2 s of a 1M-id
 * run here, more than the mapping itself.
 */
import { concatStrings } from '../packed/concat-strings';
import { IntBuffer, StringsBuffer } from '../packed/growable-buffers';
import { fail } from '../errors';
import {
  cleanToken,
  MAX_INPUT_CHARS,
  scannerFor,
  splitRule,
  type SplitMode,
  type SplitRule,
} from '../../common/id-tokens';
import { binaryTextProblem } from '../../common/plausible-text';
import type { IndexedStrings } from '../../api';

export { MAX_INPUT_CHARS };

export interface ParsedInput {
  /** Tokens as the user typed them, in order. */
  text: IndexedStrings;
  count: number;
  /** Key index of each token. */
  keyOf: Int32Array;
  /** Distinct cleaned keys, in order of first appearance. */
  keys: StringDict;
  /**
   * 1 for each token that clean-up changed (quotes, padding or invisible characters removed):
   * per token, not per key, since `P04637` and `"P04637"` share a key but not a match type.
   */
  trimmed: Uint8Array;
  /** Tokens that repeat an earlier key. */
  duplicates: number;
  /** The rule the text was split by. */
  rule: SplitRule;
}

import { StringDict } from '../packed/string-dict';

/** Refuses inputs that cannot be a list of ids, before any work: too large, or binary. */
export function assertPlausibleInput(text: string, limit = MAX_INPUT_CHARS): void {
  if (text.length > limit) fail('bad-request', tooLarge(text.length, limit));
  const problem = binaryTextProblem(text);
  if (problem) fail('bad-request', `The input ${problem}.`);
}

/**
 * The text of pasted ids or of a file of ids (read here, in the worker, so the page never holds a
 * large file), refused when too large or binary.
 */
export async function readInput(input: string | Blob, limit = MAX_INPUT_CHARS): Promise<string> {
  if (typeof input !== 'string' && input.size > limit) {
    fail('bad-request', tooLarge(input.size, limit));
  }
  const text = typeof input === 'string' ? input : await input.text();
  assertPlausibleInput(text, limit);
  return text;
}

function tooLarge(size: number, limit: number): string {
  const millions = `${Math.floor(limit / 16 / 1e6)} to ${Math.floor(limit / 7 / 1e6)} million`;
  return `The input is ${Math.round(size / 1024 / 1024)} MB; at most ${limit / 1024 / 1024} MB of identifiers (${millions}, by their length) can be mapped at once. Split the list.`;
}

export function parseInput(text: string, split: SplitMode = 'auto'): ParsedInput {
  const rule = splitRule(text, split);
  // Sized for a few keys, not for every token: a 64 MB list of 32k distinct ids probed a table
  // sized for 4 million and missed the cache on every token (3.1 s against 0.9 s, the input of
  // bench/limits.ts); a list of distinct ids grows the table as it goes.
  const keys = new StringDict(Math.min(1 << 16, Math.max(1024, text.length >> 4)));
  const keyOf = new IntBuffer(Math.max(1024, text.length >> 4));
  // Tokens clean-up changed, as typed; most inputs have none.
  const changed = new StringsBuffer(64);
  const changedAt = new IntBuffer(16);
  let scratch = new Uint8Array(256);
  let keysSeen = 0;
  const encoder = new TextEncoder();
  let duplicates = 0;
  const scanner = scannerFor(text, rule);
  while (scanner.next()) {
    const { start, end } = scanner;
    let k: number;
    if (scanner.plain) {
      // Plain ASCII: the token's bytes are the key's bytes.
      if (end - start > scratch.length) scratch = new Uint8Array(2 * (end - start));
      for (let j = start; j < end; j++) scratch[j - start] = text.charCodeAt(j);
      k = keys.intern(scratch, 0, end - start);
    } else {
      const raw = text.slice(start, end);
      const key = cleanToken(raw);
      if (key === '') continue;
      k = keys.internString(key);
      if (key !== raw) {
        changedAt.push(keyOf.length);
        changed.append(encoder.encode(raw));
        changed.end();
      }
    }
    if (k === keysSeen) keysSeen++;
    else duplicates++;
    keyOf.push(k);
  }
  keys.compact();
  const count = keyOf.length;
  const keyIndex = keyOf.data.subarray(0, count);
  return {
    text: inputTexts(keys, keyIndex, changed, changedAt),
    count,
    keyOf: keyIndex,
    keys,
    trimmed: flagsAt(count, changedAt),
    duplicates,
    rule,
  };
}

/**
 * Each token as typed: its key's string, or for a token clean-up changed its own, stored after
 * the keys. A list of repeats (or of distinct ids) thus holds each string once, not once per line.
 */
function inputTexts(
  keys: StringDict,
  keyOf: Int32Array,
  changed: StringsBuffer,
  changedAt: IntBuffer,
): IndexedStrings {
  if (changedAt.length === 0) return { strings: keys.strings(), index: keyOf };
  const strings = concatStrings(keys.strings(), changed.toPacked());
  const index = keyOf.slice();
  for (let r = 0; r < changedAt.length; r++) index[changedAt.data[r]] = keys.size + r;
  return { strings, index };
}
function flagsAt(count: number, indexes: IntBuffer): Uint8Array {
  const flags = new Uint8Array(count);
  for (let i = 0; i < indexes.length; i++) flags[indexes.data[i]] = 1;
  return flags;
}
