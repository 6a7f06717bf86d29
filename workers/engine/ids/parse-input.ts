/**
 * Pasted text → ordered tokens → distinct cleaned keys. Order and duplicates are kept: every
 * token is an input row of the result; keys are what gets mapped, once each.
 *
 * Written as a char-code scanner that writes plain ASCII ids straight into byte buffers: the
 * first version (regex split, a cleaned string and a Map entry per token) spent ~2 s of a 1M-id
 * run here, more than the mapping itself.
 */
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

export { MAX_INPUT_CHARS };

export interface ParsedInput {
  /** Tokens as the user typed them, in order (UTF-8). */
  tokens: { bytes: Uint8Array; offsets: Int32Array };
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
export function assertPlausibleInput(text: string): void {
  if (text.length > MAX_INPUT_CHARS) fail('bad-request', tooLarge(text.length));
  const problem = binaryTextProblem(text);
  if (problem) fail('bad-request', `The input ${problem}.`);
}

/**
 * The text of pasted ids or of a file of ids (read here, in the worker, so the page never holds a
 * large file), refused when too large or binary.
 */
export async function readInput(input: string | Blob): Promise<string> {
  if (typeof input !== 'string' && input.size > MAX_INPUT_CHARS) {
    fail('bad-request', tooLarge(input.size));
  }
  const text = typeof input === 'string' ? input : await input.text();
  assertPlausibleInput(text);
  return text;
}

function tooLarge(size: number): string {
  return `The input is ${Math.round(size / 1024 / 1024)} MB; at most ${MAX_INPUT_CHARS / 1024 / 1024} MB of identifiers (4 to 9 million, by their length) can be mapped at once. Split the list.`;
}

export function parseInput(text: string, split: SplitMode = 'auto'): ParsedInput {
  const rule = splitRule(text, split);
  const tokens = new StringsBuffer(text.length + 16);
  const keys = new StringDict(Math.max(1024, text.length >> 4));
  const keyOf = new IntBuffer(Math.max(1024, text.length >> 4));
  // Tokens clean-up changed, by index; most inputs have none, so a list beats a flag per token.
  const changedTokens = new IntBuffer(16);
  let keysSeen = 0;
  const encoder = new TextEncoder();
  let duplicates = 0;
  const scanner = scannerFor(text, rule);
  while (scanner.next()) {
    const { start, end } = scanner;
    let k: number;
    let changed = false;
    if (scanner.plain) {
      // Plain ASCII: the token's bytes are the key's bytes, interned straight from the buffer.
      tokens.reserve(end - start);
      const bytes = tokens.bytes;
      const at = tokens.length;
      let w = at;
      for (let j = start; j < end; j++) bytes[w++] = text.charCodeAt(j);
      tokens.length = w;
      k = keys.intern(bytes, at, w);
    } else {
      const raw = text.slice(start, end);
      const key = cleanToken(raw);
      if (key === '') continue;
      tokens.append(encoder.encode(raw));
      k = keys.internString(key);
      changed = key !== raw;
    }
    tokens.end();
    if (k === keysSeen) keysSeen++;
    else duplicates++;
    if (changed) changedTokens.push(keyOf.length);
    keyOf.push(k);
  }
  keys.compact();
  return {
    tokens: tokens.toPacked(),
    count: keyOf.length,
    keyOf: keyOf.data.subarray(0, keyOf.length),
    keys,
    trimmed: flagsAt(keyOf.length, changedTokens),
    duplicates,
    rule,
  };
}

function flagsAt(count: number, indexes: IntBuffer): Uint8Array {
  const flags = new Uint8Array(count);
  for (let i = 0; i < indexes.length; i++) flags[indexes.data[i]] = 1;
  return flags;
}
