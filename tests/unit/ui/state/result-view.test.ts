import { describe, expect, it } from 'vitest';
import {
  NO_TYPE,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../../../workers/common/codes';
import type { RowSelection } from '../../../../src/lib/row-model';
import { ResultView } from '../../../../src/state/ResultView.svelte';
import { makeResult } from '../make-result';

// Rows: 0 TP53>7157  1 P04637 (decoy)  2 TP53X (not in any table …)  3 #@! (not in any table)
const result = makeResult(
  [
    { id: 'TP53', status: STATUS_MAPPED, pairs: [{ target: '7157' }] },
    { id: 'P04637', status: STATUS_UNMAPPED, type: 1, reason: 1 },
    { id: 'TP53X', status: STATUS_UNMAPPED, reason: 2 },
    { id: '#@!', status: STATUS_INVALID, type: NO_TYPE, reason: 3 },
  ],
  [],
  {
    sourceTypes: ['symbol', 'uniprot'],
    reasons: ['', 'decoy', 'not in any table (close to TP53)', 'not in any table'],
  },
);

const rowsOf = (selection: RowSelection) =>
  Array.from({ length: selection.length }, (_, index) => selection.rowAt(index));

function viewOf() {
  return new ResultView({
    result: () => result,
    typeLabel: (type) => ({ symbol: 'Gene symbol', uniprot: 'UniProt' })[type] ?? type,
  });
}

describe('ResultView', () => {
  it('offers the run’s reason phrases with their inputs', () => {
    expect(viewOf().reasonOptions).toEqual([
      { phrase: 'not in any table', inputs: 2 },
      { phrase: 'decoy', inputs: 1 },
    ]);
  });

  it('shows the rows both the status and the reason filter let through', () => {
    const view = viewOf();
    view.setReasonFilter('not in any table');
    expect(rowsOf(view.visibleRows)).toEqual([2, 3]);
    view.setFilter('unmapped');
    expect(rowsOf(view.visibleRows)).toEqual([2]);
    view.setReasonFilter('all');
    expect(rowsOf(view.visibleRows)).toEqual([1, 2]);
  });

  it('falls back to all reasons when the result has no input with the chosen one', () => {
    const view = viewOf();
    view.setReasonFilter('shaped like entrez');
    expect(view.reasonFilter).toBe('all');
    expect(view.visibleRows.length).toBe(4);
  });

  it('decodes a row’s source type by its label, and its reason', () => {
    const view = viewOf();
    expect(view.cells(1)).toMatchObject({ sourceType: 'UniProt', reason: 'decoy' });
    expect(view.cells(3)).toMatchObject({
      sourceType: 'not recognised',
      reason: 'not in any table',
    });
  });
});
