import type { PackedStrings } from '../../api';

/** The strings of `a`, then those of `b`, as one PackedStrings (a's indexes stay as they were). */
export function concatStrings(a: PackedStrings, b: PackedStrings): PackedStrings {
  return concatAll([a, b]);
}

/** The strings of each list in turn, as one PackedStrings: list j's string s is at `base[j] + s`. */
export function concatAll(lists: PackedStrings[]): PackedStrings {
  let byteCount = 0;
  let count = 0;
  for (const { offsets } of lists) {
    const n = offsets.length - 1;
    byteCount += offsets[n] - offsets[0];
    count += n;
  }
  const bytes = new Uint8Array(byteCount);
  const offsets = new Int32Array(count + 1);
  let at = 0;
  let row = 0;
  for (const list of lists) {
    const n = list.offsets.length - 1;
    const from = list.offsets[0];
    bytes.set(list.bytes.subarray(from, list.offsets[n]), at);
    const shift = at - from;
    for (let r = 1; r <= n; r++) offsets[row + r] = list.offsets[r] + shift;
    row += n;
    at += list.offsets[n] - from;
  }
  return { bytes, offsets };
}

/** `count` empty strings. */
export function emptyStrings(count: number): PackedStrings {
  return { bytes: new Uint8Array(0), offsets: new Int32Array(count + 1) };
}
