import { describe, expect, it } from 'vitest';
import type { ColumnReport, RelationReport, ValidationReport } from '../../../../workers/api';
import {
  columnHasProblems,
  columnLines,
  plural,
  raggedLine,
  relationLines,
  tableLine,
} from '../../../../src/lib/table-report';

const clean: ColumnReport = {
  name: 'gene',
  type: 'symbol',
  distinct: 12,
  blank: 0,
  placeholder: 0,
  placeholderExamples: [],
  repaired: 0,
  compositeCells: 0,
  invalid: 0,
  invalidExamples: [],
};

function report(extra: Partial<ValidationReport> = {}): ValidationReport {
  return {
    table: 'panel',
    rows: 14,
    duplicateRows: 0,
    raggedRows: 0,
    raggedExamples: [],
    columns: [clean],
    relations: [],
    findings: [],
    ...extra,
  };
}

describe('plural', () => {
  it('uses the singular for one only, with thousands separators', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(12345, 'row')).toBe('12,345 rows');
    expect(plural(2, 'row has', 'rows have')).toBe('2 rows have');
  });
});

describe('tableLine', () => {
  it('gives rows and duplicate rows', () => {
    expect(tableLine(report())).toBe('14 rows, no duplicate rows');
    expect(tableLine(report({ rows: 1, duplicateRows: 1 }))).toBe(
      '1 row, 1 duplicate row (kept once)',
    );
  });
});

describe('raggedLine', () => {
  it('is null when every row fits the header', () => {
    expect(raggedLine(report())).toBeNull();
  });

  it('names the row numbers, and says when there are more', () => {
    expect(raggedLine(report({ raggedRows: 1, raggedExamples: [9] }))).toBe(
      '1 row has more or fewer fields than the header (data row 9).',
    );
    expect(raggedLine(report({ raggedRows: 2, raggedExamples: [4, 7] }))).toBe(
      '2 rows have more or fewer fields than the header (data rows 4, 7).',
    );
    expect(raggedLine(report({ raggedRows: 30, raggedExamples: [3] }))).toBe(
      '30 rows have more or fewer fields than the header (data rows 3, …).',
    );
  });
});

describe('columnLines', () => {
  it('says only the distinct count for a clean column', () => {
    expect(columnLines(clean, 'Gene symbol')).toEqual(['12 distinct ids']);
    expect(columnHasProblems(clean)).toBe(false);
  });

  it('lists blanks, placeholders, repairs, malformed ids and composite cells with examples', () => {
    const column: ColumnReport = {
      ...clean,
      name: 'uniprot',
      type: 'uniprot',
      blank: 2,
      placeholder: 1,
      placeholderExamples: ['no ID'],
      repaired: 1,
      invalid: 2,
      invalidExamples: ['P0463', 'X1', 'Y2', 'Z3'],
      compositeCells: 3,
    };
    expect(columnLines(column, 'UniProt accession')).toEqual([
      '12 distinct ids',
      '2 blank cells',
      '1 placeholder cell (e.g. “no ID”)',
      '1 cell repaired (stray spaces, invisible characters or quotes removed)',
      '2 ids not shaped like a UniProt accession (e.g. “P0463”, “X1”, “Y2”)',
      '3 composite cells split into several ids',
    ]);
    expect(columnHasProblems(column)).toBe(true);
  });
});

describe('relationLines', () => {
  const relation: RelationReport = {
    from: 'uniprot',
    to: 'gene',
    pairs: 13,
    fromWithSeveral: 2,
    fromExample: 'P12532 (CKMT1A, CKMT1B)',
    toWithSeveral: 0,
  };

  it('says how many of each side have several of the other, with an example', () => {
    expect(relationLines(relation)).toEqual([
      '13 pairs of uniprot and gene',
      '2 uniprot with several gene, e.g. P12532 (CKMT1A, CKMT1B)',
      'each gene has one uniprot',
    ]);
  });

  it('leaves the example out when the engine gave none', () => {
    expect(relationLines({ ...relation, fromExample: undefined })[1]).toBe(
      '2 uniprot with several gene',
    );
  });
});
