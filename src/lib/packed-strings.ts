import type { IndexedStrings, PackedStrings } from '../../workers/api';

// One decoder for the whole app: decoding is per visible cell, so creating one each time would add up.
const utf8 = new TextDecoder();

/** Number of strings in a pool. */
export function packedCount(packed: PackedStrings): number {
  return Math.max(0, packed.offsets.length - 1);
}

/** String `index` of a pool, decoded on demand (never decode a whole 1M-string pool up front). */
export function decodeAt(packed: PackedStrings, index: number): string {
  const start = packed.offsets[index];
  const end = packed.offsets[index + 1];
  if (start === undefined || end === undefined || end <= start) return '';
  return utf8.decode(packed.bytes.subarray(start, end));
}

/** Row `index`'s string of an indexed column. */
export function decodeIndexed(column: IndexedStrings, index: number): string {
  return decodeAt(column.strings, column.index[index]);
}

/** Packs strings the way the worker does; used by tests and small UI-side pools. */
export function packStrings(strings: readonly string[]): PackedStrings {
  const encoder = new TextEncoder();
  const encoded = strings.map((value) => encoder.encode(value));
  const offsets = new Int32Array(strings.length + 1);
  let total = 0;
  encoded.forEach((bytes, index) => {
    offsets[index] = total;
    total += bytes.length;
  });
  offsets[strings.length] = total;
  const bytes = new Uint8Array(total);
  encoded.forEach((part, index) => bytes.set(part, offsets[index]));
  return { bytes, offsets };
}
