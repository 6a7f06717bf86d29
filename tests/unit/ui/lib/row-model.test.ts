import { describe, expect, it } from 'vitest';
import {
  INPUT_DUPLICATE,
  NO_TYPE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../../../workers/common/codes';
import {
  distinctTargets,
  inputsWithStatus,
  pathLabelsOf,
  rowCells,
  rowLabelsOf,
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
    expect(pathLabelsOf(result)).toEqual(['UniProt → NCBI Gene', 'UniProt → symbol → NCBI Gene']);
    const labels = rowLabelsOf(result, (type) => type);
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
    const cells = rowCells(
      result,
      5,
      rowLabelsOf(result, (type) => type),
    );
    expect(cells).toMatchObject({ number: 5, input: 'Q99999', status: 'unmapped', target: '' });
    expect(cells.confidence).toBe('');
    expect(cells.flags.map((flag) => flag.kind)).toEqual(['duplicate']);
  });
});

describe('row source type and reason', () => {
  // A mixed run: source types 0 symbol, 1 uniprot; reasons 1 and 2 share a phrase.
  const mixed = makeResult(
    [
      { id: 'TP53', status: STATUS_MAPPED, type: 0, pairs: [{ target: '7157' }] },
      {
        id: 'P38398',
        status: STATUS_AMBIGUOUS,
        type: 1,
        reason: 3,
        pairs: [{ target: '672' }, { target: '673' }],
      },
      { id: 'TP53X', status: STATUS_UNMAPPED, type: 0, reason: 1 },
      { id: '#@!', status: STATUS_INVALID, type: NO_TYPE, reason: 2 },
      { id: 'TP53X', status: STATUS_UNMAPPED, type: 0, reason: 1, flags: INPUT_DUPLICATE },
    ],
    [],
    {
      sourceTypes: ['symbol', 'uniprot'],
      reasons: ['', 'not in any table (close to TP53)', 'not in any table', 'ambiguous in alias'],
    },
  );
  const labels = rowLabelsOf(
    mixed,
    (type) => ({ symbol: 'Gene symbol', uniprot: 'UniProt' })[type] ?? type,
  );
  // Rows: TP53>7157, P38398>672, P38398>673, TP53X, #@!, TP53X.
  const cellsOf = (row: number) => {
    const { sourceType, reason } = rowCells(mixed, row, labels);
    return { sourceType, reason };
  };

  it('shows the label of the type each input was read as, and its reason', () => {
    expect(cellsOf(0)).toEqual({ sourceType: 'Gene symbol', reason: '' });
    expect(cellsOf(1)).toEqual({ sourceType: 'UniProt', reason: 'ambiguous in alias' });
    expect(cellsOf(2)).toEqual({ sourceType: 'UniProt', reason: 'ambiguous in alias' });
    expect(cellsOf(3)).toEqual({
      sourceType: 'Gene symbol',
      reason: 'not in any table (close to TP53)',
    });
  });

  it('says not recognised for an id of no known type', () => {
    expect(cellsOf(4)).toEqual({ sourceType: 'not recognised', reason: 'not in any table' });
  });

  it('gives a duplicate the type and reason of its id', () => {
    expect(cellsOf(5)).toEqual({
      sourceType: 'Gene symbol',
      reason: 'not in any table (close to TP53)',
    });
  });
});

describe('inputsWithStatus', () => {
  it('lists each input id with the status once', () => {
    expect(inputsWithStatus(result, 'unmapped')).toEqual(['Q99999']);
    expect(inputsWithStatus(result, 'ambiguous')).toEqual(['P38398']);
    expect(inputsWithStatus(result, 'mapped')).toEqual(['P04637']);
  });
});

describe('distinctTargets', () => {
  it('lists each target once, in the order of the rows', () => {
    const repeated = makeResult([
      { id: 'A', status: STATUS_AMBIGUOUS, pairs: [{ target: '672' }, { target: '7157' }] },
      { id: 'B', status: STATUS_MAPPED, pairs: [{ target: '7157' }] },
      { id: 'C', status: STATUS_UNMAPPED },
      { id: 'D', status: STATUS_MAPPED, pairs: [{ target: '1956' }] },
    ]);
    expect(distinctTargets(repeated)).toEqual(['672', '7157', '1956']);
    expect(distinctTargets(result)).toEqual(['7157', '672', '673']);
  });

  it('lists the first target type’s before the next’s in a run of several', () => {
    const several = makeResult(
      [
        {
          id: 'A',
          status: STATUS_MAPPED,
          pairs: [{ target: '7157' }, { target: 'P04637', targetType: 1 }],
        },
        {
          id: 'B',
          status: STATUS_MAPPED,
          pairs: [{ target: '672' }, { target: 'P38398', targetType: 1 }],
        },
      ],
      [],
      { targets: ['entrez', 'uniprot'] },
    );
    expect(distinctTargets(several)).toEqual(['7157', '672', 'P04637', 'P38398']);
    const labels = rowLabelsOf(several, (type) => type.toUpperCase());
    expect(rowCells(several, 1, labels).targetType).toBe('uniprot');
    expect(rowCells(several, 2, labels).targetType).toBe('entrez');
    // One target type: no label on each row.
    expect(
      rowCells(
        result,
        0,
        rowLabelsOf(result, (type) => type),
      ).targetType,
    ).toBe('');
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
