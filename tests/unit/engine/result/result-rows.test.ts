import { describe, expect, it } from 'vitest';
import {
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../../../workers/common/codes';
import { buildRows } from '../../../../workers/engine/result/result-rows';

/** Inputs as the engine lays them out, from each input's status and number of pairs. */
function inputsOf(spec: [status: number, pairs: number][]) {
  const pairStart = new Int32Array(spec.length + 1);
  spec.forEach(([, pairs], i) => (pairStart[i + 1] = pairStart[i] + pairs));
  return {
    count: spec.length,
    // Rows never read the ids' text.
    text: { bytes: new Uint8Array(0), offsets: new Int32Array(spec.length + 1) },
    status: Uint8Array.from(spec.map(([status]) => status)),
    flags: new Uint8Array(spec.length),
    pairStart,
  };
}

describe('result rows', () => {
  const inputs = inputsOf([
    [STATUS_MAPPED, 1], // row 0, pair 0
    [STATUS_AMBIGUOUS, 2], // rows 1-2, pairs 1-2
    [STATUS_INVALID, 0], // row 3
    [STATUS_UNMAPPED, 0], // row 4
    [STATUS_MAPPED, 1], // row 5, pair 3
    [STATUS_UNMAPPED, 0], // row 6
  ]);

  it('makes one row per pair and one per input without pairs, in input order', () => {
    const rows = buildRows(inputs);
    expect(rows.count).toBe(7);
    expect([...rows.input]).toEqual([0, 1, 1, 2, 3, 4, 5]);
    expect([...rows.pair]).toEqual([0, 1, 2, -1, -1, 3, -1]);
  });

  it('groups rows by status in row order, so a filter is a slice', () => {
    const { byStatus, statusStart } = buildRows(inputs);
    const of = (status: number) => [
      ...byStatus.subarray(statusStart[status], statusStart[status + 1]),
    ];
    expect(of(STATUS_MAPPED)).toEqual([0, 5]);
    expect(of(STATUS_AMBIGUOUS)).toEqual([1, 2]);
    expect(of(STATUS_UNMAPPED)).toEqual([4, 6]);
    expect(of(STATUS_INVALID)).toEqual([3]);
    expect([...statusStart]).toEqual([0, 2, 4, 6, 7]);
  });

  it('has no rows for no inputs', () => {
    const rows = buildRows(inputsOf([]));
    expect(rows.count).toBe(0);
    expect([...rows.statusStart]).toEqual([0, 0, 0, 0, 0]);
  });
});
