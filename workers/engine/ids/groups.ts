/**
 * Protein groups in a list read by lines: MaxQuant writes a group of indistinguishable proteins
 * as `P0DP23;P0DP24`. A line whose `;`-separated parts each look like an id of the source type is
 * one input standing for its members; any other line (five real aliases contain `; `) is looked
 * up whole. Decided once the source type is known, so `auto` detection comes first.
 */
import { IntBuffer } from '../packed/growable-buffers';
import { looksLike, type IdType } from './id-types';
import type { KeyGroups, ParsedInput } from './parse-input';

const SEMICOLON = 59;

/** The members of each group key of `input`, interned into its keys; null when none is a group. */
export function findGroups(input: ParsedInput, sourceType: IdType): KeyGroups | null {
  // A type with no pattern cannot tell an id from a line of words: no groups.
  if (input.rule !== 'lines' || !sourceType.regex) return null;
  const keys = input.keys;
  const rowKeys = keys.size;
  let start: Int32Array | null = null;
  const members = new IntBuffer(16);
  let count = 0;
  for (let k = 0; k < rowKeys; k++) {
    if (start) start[k] = members.length;
    if (!keys.bytesOf(k).includes(SEMICOLON)) continue;
    const parts = keys
      .get(k)
      .split(';')
      .map((part) => part.trim());
    if (parts.length < 2 || !parts.every((part) => part !== '' && looksLike(sourceType, part))) {
      continue;
    }
    start ??= new Int32Array(rowKeys + 1);
    count++;
    const first = members.length;
    for (const part of parts) {
      const member = keys.internString(part);
      // `P1;P1` has one member.
      let seen = false;
      for (let j = first; j < members.length; j++) seen ||= members.data[j] === member;
      if (!seen) members.push(member);
    }
  }
  if (!start) return null;
  start[rowKeys] = members.length;
  return { rowKeys, start, members: members.data.slice(0, members.length), count };
}

/** Sample keys for type detection: a group line's parts in place of the line. */
export function detectionSample(input: ParsedInput, limit: number): string[] {
  const sample: string[] = [];
  for (let k = 0; k < input.keys.size && sample.length < limit; k++) {
    const key = input.keys.get(k);
    if (input.rule === 'lines' && key.includes(';')) {
      for (const part of key.split(';')) if (part.trim() !== '') sample.push(part.trim());
    } else sample.push(key);
  }
  return sample;
}
