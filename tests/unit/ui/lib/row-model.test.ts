import { describe, expect, it } from 'vitest';
import {
  INPUT_DUPLICATE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../../../workers/common/codes';
import {
  inputsWithStatus,
  pathLabelsOf,
  rowCells,
  selectRows,
  summaryLine,
  type StatusFilter,
} from '../../../../src/lib/row-model';
import { makeResult } from '../make-result';

const result = makeResult([
  { id: 'P04637', status: STATUS_MAPPED, pairs: [{ target: '7157', via: 'P04637 > 7157' }] },
  {
    id: 'P38398',
    status: STATUS_AMBIGUOUS,
    pairs: [
      { target: '672', path: 1, match: 1, confidence: 0.5, flags: PAIR_CONVERGENT },
      { target: '673', flags: PAIR_ROUND_TRIP | PAIR_CONFIRMED },
    ],
  },
  { id: 'XYZ', status: STATUS_INVALID },
  { id: 'Q99999', status: STATUS_UNMAPPED },
  { id: 'Q99999', status: STATUS_UNMAPPED, flags: INPUT_DUPLICATE },
]);

describe('row model', () => {
  it('selects rows by the status of their input, in row order', () => {
    // Rows: P04637>7157, P38398>672, P38398>673, XYZ, Q99999, Q99999 (see the spec above).
    const rowsOf = (filter: StatusFilter) => {
      const selection = selectRows(result.rows, filter);
      return Array.from({ length: selection.length }, (_, i) => selection.rowAt(i));
    };
    expect(rowsOf('all')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rowsOf('mapped')).toEqual([0]);
    expect(rowsOf('ambiguous')).toEqual([1, 2]);
    expect(rowsOf('unmapped')).toEqual([4, 5]);
    expect(rowsOf('invalid')).toEqual([3]);
  });

  it('decodes the cells of one row', () => {
    const labels = pathLabelsOf(result);
    const first = rowCells(result, 1, labels);
    expect(first).toMatchObject({
      number: 2,
      input: 'P38398',
      status: 'ambiguous',
      target: '672',
      path: 'UniProt → symbol → NCBI Gene',
      match: 'alias',
      confidence: '0.50',
    });
    expect(first.flags.map((flag) => flag.kind)).toEqual(['convergent']);
    expect(rowCells(result, 2, labels).flags.map((flag) => flag.kind)).toEqual(['confirmed']);
  });

  it('leaves pair cells empty for an input without pairs and marks duplicates', () => {
    const cells = rowCells(result, 5, pathLabelsOf(result));
    expect(cells).toMatchObject({ number: 5, input: 'Q99999', status: 'unmapped', target: '' });
    expect(cells.confidence).toBe('');
    expect(cells.flags.map((flag) => flag.kind)).toEqual(['duplicate']);
  });
});

describe('inputsWithStatus', () => {
  it('lists each input id with the status once', () => {
    expect(inputsWithStatus(result, 'unmapped')).toEqual(['Q99999']);
    expect(inputsWithStatus(result, 'ambiguous')).toEqual(['P38398']);
    expect(inputsWithStatus(result, 'mapped')).toEqual(['P04637']);
  });
});

describe('summaryLine', () => {
  it('reads like the issue asks, with duplicates only when there are some', () => {
    expect(summaryLine(result.summary)).toBe(
      '5 inputs · 1 mapped · 1 ambiguous · 2 unmapped · 1 invalid · 0 convergent · 1 duplicates',
    );
    expect(summaryLine({ ...result.summary, duplicates: 0, inputs: 12345 })).toBe(
      '12,345 inputs · 1 mapped · 1 ambiguous · 2 unmapped · 1 invalid · 0 convergent',
    );
  });

  it('names Excel-mangled symbols only when there are some', () => {
    expect(summaryLine({ ...result.summary, duplicates: 0, excelDates: 2 })).toBe(
      '5 inputs · 1 mapped · 1 ambiguous · 2 unmapped · 1 invalid · 0 convergent · 2 Excel-mangled symbols',
    );
  });
});
