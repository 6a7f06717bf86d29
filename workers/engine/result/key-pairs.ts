/**
 * The pairs of each distinct input: those of the key it is looked up as, or for a protein group
 * the union of its members' pairs (each target once: the first member to reach it gives the
 * pair). Laid out as one CSR over the row keys, so assembly reads every input the same way.
 */
import type { IdReading } from '../ids/read-ids';
import type { PairSink } from '../run/walk-path';

export interface KeyPairs {
  /** Sink pairs of row key k are `pairs[start[k] .. start[k + 1]]`. */
  start: Int32Array;
  pairs: Int32Array;
  /** The member (index into `reading.members`) each pair came from; null when each key is its own. */
  member: Int32Array | null;
}

export function keyPairs(reading: IdReading, sink: PairSink, rowKeys: number): KeyPairs {
  const { start: memberStart, members } = reading;
  const start = new Int32Array(rowKeys + 1);
  let total = 0;
  for (let k = 0; k < rowKeys; k++) {
    start[k] = total;
    if (!memberStart) total += sink.keyCount[k];
    else
      for (let m = memberStart[k]; m < memberStart[k + 1]; m++) total += sink.keyCount[members![m]];
  }
  start[rowKeys] = total;
  const pairs = new Int32Array(total);
  const member = memberStart ? new Int32Array(total) : null;
  // The key that last took each target, so a target two members reach is taken once.
  const takenBy = memberStart ? new Int32Array(sink.targets.size).fill(-1) : null;
  let out = 0;
  for (let k = 0; k < rowKeys; k++) {
    start[k] = out;
    if (!memberStart) {
      for (let p = sink.keyFirst[k], end = p + sink.keyCount[k]; p < end; p++) pairs[out++] = p;
      continue;
    }
    const several = memberStart[k + 1] - memberStart[k] > 1;
    for (let m = memberStart[k]; m < memberStart[k + 1]; m++) {
      const g = members![m];
      for (let p = sink.keyFirst[g], end = p + sink.keyCount[g]; p < end; p++) {
        if (several) {
          const t = sink.target.data[p];
          if (takenBy![t] === k) continue;
          takenBy![t] = k;
        }
        if (member) member[out] = m;
        pairs[out++] = p;
      }
    }
  }
  start[rowKeys] = out;
  const trim = <T extends Int32Array>(a: T): T => (out === total ? a : (a.slice(0, out) as T));
  return { start, pairs: trim(pairs), member: member && trim(member) };
}

/** The text a lookup key `g` holds, from its type's dictionary. */
export function lookupText(reading: IdReading, g: number): string {
  for (let t = reading.spaces.length - 1; t >= 0; t--) {
    const { dict, base } = reading.spaces[t];
    if (g >= base) return dict.get(g - base);
  }
  return '';
}
