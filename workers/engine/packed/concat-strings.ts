import type { PackedStrings } from '../../api';

/** The strings of `a`, then those of `b`, as one PackedStrings (a's indexes stay as they were). */
export function concatStrings(a: PackedStrings, b: PackedStrings): PackedStrings {
  const aCount = a.offsets.length - 1;
  const bCount = b.offsets.length - 1;
  const bytes = new Uint8Array(a.bytes.length + b.bytes.length);
  bytes.set(a.bytes);
  bytes.set(b.bytes, a.bytes.length);
  const offsets = new Int32Array(aCount + bCount + 1);
  offsets.set(a.offsets);
  const shift = a.offsets[aCount] - b.offsets[0];
  for (let r = 1; r <= bCount; r++) offsets[aCount + r] = b.offsets[r] + shift;
  return { bytes, offsets };
}
