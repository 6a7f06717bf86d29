import { describe, expect, it } from 'vitest';
import {
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../../../workers/common/codes';
import { flowOf, selectByFirstPath } from '../../../../src/lib/flow';
import { layoutFlow } from '../../../../src/lib/flow-layout';
import { selectRows } from '../../../../src/lib/row-model';
import { makeResult } from '../make-result';

// Reasons: 1 `not in any table (close to TP53)`, 2 `not in any table (close to EGFR)`, 3 `decoy`.
const result = makeResult(
  [
    { id: 'A', status: STATUS_MAPPED, pairs: [{ target: '1' }] },
    { id: 'B', status: STATUS_AMBIGUOUS, pairs: [{ target: '2', path: 1 }, { target: '3' }] },
    { id: 'C', status: STATUS_UNMAPPED, reason: 1 },
    { id: 'D', status: STATUS_UNMAPPED, reason: 2 },
    { id: 'E', status: STATUS_INVALID, reason: 3 },
    { id: 'A', status: STATUS_MAPPED, pairs: [{ target: '1' }], flags: 1 },
    { id: 'F', status: STATUS_MAPPED, pairs: [{ target: '4', path: 1 }] },
  ],
  [],
  {
    reasons: ['', 'not in any table (close to TP53)', 'not in any table (close to EGFR)', 'decoy'],
  },
);
const labels = ['first path', 'second path'];

describe('flowOf', () => {
  const flow = flowOf(result, (path) => labels[path]);
  const node = (id: string) => flow.nodes.find((n) => n.id === id)?.count;
  const band = (from: string, to: string) =>
    flow.bands.find((b) => b.from === from && b.to === to)?.count;

  it('counts the inputs by the path that first answered each, or their reason, then status', () => {
    expect(node('inputs')).toBe(7);
    // A twice (duplicates count, as in the summary); B and F first answered by path 1.
    expect(node('path:0')).toBe(2);
    expect(node('path:1')).toBe(2);
    expect(node('reason:not in any table')).toBe(2);
    expect(node('reason:decoy')).toBe(1);
    expect(band('path:1', 'status:ambiguous')).toBe(1);
    expect(band('path:1', 'status:mapped')).toBe(1);
    expect(band('reason:decoy', 'status:invalid')).toBe(1);
  });

  it('has the summary’s counts in its status column', () => {
    const { summary } = result;
    expect(node('status:mapped')).toBe(summary.mapped);
    expect(node('status:ambiguous')).toBe(summary.ambiguous);
    expect(node('status:unmapped')).toBe(summary.unmapped);
    expect(node('status:invalid')).toBe(summary.invalid);
  });

  it('lays out bars as tall as their counts, in three columns', () => {
    const { nodes, bands } = layoutFlow(flow, 600, 200);
    expect(new Set(nodes.map((n) => n.x)).size).toBe(3);
    const inputs = nodes.find((n) => n.id === 'inputs')!;
    const mapped = nodes.find((n) => n.id === 'status:mapped')!;
    expect(mapped.height / inputs.height).toBeCloseTo(3 / 7, 5);
    expect(bands.every((b) => b.d.startsWith('M') && b.width > 0)).toBe(true);
  });
});

describe('selectByFirstPath', () => {
  it('keeps the rows of the inputs a path first answered, in order', () => {
    const all = selectRows(result.rows, 'all');
    const picked = selectByFirstPath(result, all, 1);
    const inputs = Array.from(
      { length: picked.length },
      (_, i) => result.rows.input[picked.rowAt(i)],
    );
    // B's two rows (its first pair came through path 1), then F's.
    expect(inputs).toEqual([1, 1, 6]);
  });
});
