import { describe, expect, it } from 'vitest';
import {
  INPUT_DUPLICATE,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../../../workers/common/codes';
import { selectRows, type RowSelection } from '../../../../src/lib/row-model';
import { reasonOptionsOf, reasonPhrase, selectByReason } from '../../../../src/lib/reason-filter';
import { makeResult } from '../make-result';

const REASONS = [
  '',
  'not in any table (close to TP53)',
  'not in any table',
  'decoy',
  'not in any table (close to BRCA1)',
  'only reached by a fallback path',
  'shaped like ensembl_gene',
];

// Rows, one per pair or per input without pairs:
//  0 TP53>7157 (no reason)  1 TP53X (reason 1)  2 REV__P12345 (3)  3 BRCA1>672 (5)
//  4 BRCA1>673 (5)  5 BRCAI (4)  6 TP53X duplicate (1)  7 XYZ (2)  8 ENSG… (6)
const result = makeResult(
  [
    { id: 'TP53', status: STATUS_MAPPED, pairs: [{ target: '7157' }] },
    { id: 'TP53X', status: STATUS_UNMAPPED, reason: 1 },
    { id: 'REV__P12345', status: STATUS_UNMAPPED, reason: 3 },
    {
      id: 'BRCA1',
      status: STATUS_MAPPED,
      reason: 5,
      pairs: [{ target: '672' }, { target: '673' }],
    },
    { id: 'BRCAI', status: STATUS_UNMAPPED, reason: 4 },
    { id: 'TP53X', status: STATUS_UNMAPPED, reason: 1, flags: INPUT_DUPLICATE },
    { id: 'XYZ', status: STATUS_INVALID, reason: 2 },
    { id: 'ENSG00000141510', status: STATUS_INVALID, reason: 6 },
  ],
  [],
  { reasons: REASONS },
);

const rowsOf = (selection: RowSelection) =>
  Array.from({ length: selection.length }, (_, index) => selection.rowAt(index));

describe('reasonPhrase', () => {
  it('drops a parenthesised detail at the end, and only that', () => {
    expect(reasonPhrase('not in any table (close to TP53)')).toBe('not in any table');
    expect(reasonPhrase('decoy')).toBe('decoy');
    expect(reasonPhrase('found in genbank (no path) to entrez')).toBe(
      'found in genbank (no path) to entrez',
    );
  });

  it('drops each target type’s own detail in a run of several', () => {
    expect(
      reasonPhrase(
        'entrez: not in any table (close to TP5); uniprot: not in any table (close to X)',
      ),
    ).toBe('entrez: not in any table; uniprot: not in any table');
    expect(reasonPhrase('ensembl_gene: not in any table; uniprot: decoy')).toBe(
      'ensembl_gene: not in any table; uniprot: decoy',
    );
  });
});

describe('reasonOptionsOf', () => {
  it('groups reasons by phrase and counts their inputs, duplicates included, most first', () => {
    // not in any table: TP53X twice, BRCAI, XYZ = 4; the rest one input each.
    expect(reasonOptionsOf(result)).toEqual([
      { phrase: 'not in any table', inputs: 4 },
      { phrase: 'decoy', inputs: 1 },
      { phrase: 'only reached by a fallback path', inputs: 1 },
      { phrase: 'shaped like ensembl_gene', inputs: 1 },
    ]);
  });

  it('leaves out reasons no input has, and lists none for a run without reasons', () => {
    const unused = makeResult([{ id: 'TP53', status: STATUS_MAPPED, reason: 1 }], [], {
      reasons: ['', 'decoy', 'not in any table'],
    });
    expect(reasonOptionsOf(unused)).toEqual([{ phrase: 'decoy', inputs: 1 }]);
    expect(reasonOptionsOf(makeResult([{ id: 'TP53', status: STATUS_MAPPED }]))).toEqual([]);
  });
});

describe('selectByReason', () => {
  it('keeps the rows of inputs whose reason has the phrase, in row order', () => {
    const all = selectRows(result.rows, 'all');
    expect(rowsOf(selectByReason(result, all, 'not in any table'))).toEqual([1, 5, 6, 7]);
    expect(rowsOf(selectByReason(result, all, 'only reached by a fallback path'))).toEqual([3, 4]);
    expect(rowsOf(selectByReason(result, all, 'no such phrase'))).toEqual([]);
  });

  it('narrows the status filter’s rows (both must hold)', () => {
    const invalid = selectRows(result.rows, 'invalid');
    expect(rowsOf(selectByReason(result, invalid, 'not in any table'))).toEqual([7]);
    const mapped = selectRows(result.rows, 'mapped');
    expect(rowsOf(selectByReason(result, mapped, 'decoy'))).toEqual([]);
  });
});
