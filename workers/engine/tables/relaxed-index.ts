/**
 * Relaxed-key indexes: the keys of a column relaxed by its type's transforms (case, version,
 * prefix, isoform …), each pointing back to the ids whose keys relax to it — built on the first
 * lookup that needs one, and only when the relaxation changes some key of the column.
 */
import type { KeyTransform } from '../ids/id-types';
import { StringDict } from '../packed/string-dict';

/** Keys that match only after a relaxation: transformed key → original ids. */
export interface RelaxedIndex {
  /** Every key relaxes to itself: a lookup here can only repeat the exact one. */
  identity: boolean;
  dict: StringDict;
  start: Int32Array;
  ids: Int32Array;
}

/** ASCII characters that may let one of `transforms` change a key. */
export function triggersOf(transforms: KeyTransform[]): Uint8Array {
  const trigger = new Uint8Array(128);
  for (const t of transforms) for (const ch of t.triggers) trigger[ch.charCodeAt(0)] = 1;
  return trigger;
}

/** A key holding no trigger character (nor any non-ASCII byte) relaxes to itself. */
export function isPlain(bytes: Uint8Array, trigger: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] >= 128 || trigger[bytes[i]] === 1) return false;
  return true;
}

/** True when relaxing every key of `source` by `transforms` leaves it as it is. */
export function keysUnchanged(source: StringDict, transforms: KeyTransform[]): boolean {
  const trigger = triggersOf(transforms);
  for (let id = 0; id < source.size; id++) {
    if (isPlain(source.bytesOf(id), trigger)) continue;
    const original = source.get(id);
    if (relax(transforms, original) !== original) return false;
  }
  return true;
}

/** Relaxed key → the ids of `source` whose keys relax to it. */
export function buildRelaxedIndex(source: StringDict, transforms: KeyTransform[]): RelaxedIndex {
  const dict = new StringDict(source.size);
  const relaxedOf = new Int32Array(source.size);
  // Keys holding none of the transforms' trigger characters relax to themselves: intern their
  // bytes as they are and skip the decode/transform/encode round trip (most keys, measured).
  const trigger = triggersOf(transforms);
  const onBytes = transforms.every((t) => t.dropsFrom);
  let identity = true;
  for (let id = 0; id < source.size; id++) {
    const bytes = source.bytesOf(id);
    if (isPlain(bytes, trigger)) {
      relaxedOf[id] = dict.intern(bytes, 0, bytes.length);
      continue;
    }
    // Transforms that drop leading bytes relax the key where it lies: 143,975 ChEBI ids
    // (`CHEBI:15377`) took 80–125 ms decoded, run through a regular expression and encoded.
    const dropped = onBytes ? droppedBytes(transforms, bytes) : -1;
    if (dropped >= 0) {
      if (dropped > 0) identity = false;
      relaxedOf[id] = dict.intern(bytes, dropped, bytes.length);
      continue;
    }
    const original = source.get(id);
    const relaxed = relax(transforms, original);
    if (relaxed !== original) identity = false;
    relaxedOf[id] = dict.internString(relaxed);
  }
  const start = new Int32Array(dict.size + 1);
  for (let id = 0; id < source.size; id++) start[relaxedOf[id] + 1]++;
  for (let k = 0; k < dict.size; k++) start[k + 1] += start[k];
  const fill = start.slice(0, dict.size);
  const ids = new Int32Array(source.size);
  for (let id = 0; id < source.size; id++) ids[fill[relaxedOf[id]]++] = id;
  dict.compact();
  return { identity, dict, start, ids };
}

/** How many leading bytes the transforms drop in turn, or -1 when one cannot tell on bytes. */
function droppedBytes(transforms: KeyTransform[], bytes: Uint8Array): number {
  let dropped = 0;
  for (const t of transforms) {
    const more = t.dropsFrom!(dropped === 0 ? bytes : bytes.subarray(dropped));
    if (more < 0) return -1;
    dropped += more;
  }
  return dropped;
}

/** `key` with each transform applied in turn. */
export function relax(transforms: KeyTransform[], key: string): string {
  let relaxed = key;
  for (const t of transforms) relaxed = t.apply(relaxed) ?? relaxed;
  return relaxed;
}
