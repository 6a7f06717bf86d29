import { describe, expect, it } from 'vitest';
import type { TablePreview } from '../../../../workers/api';
import {
  ATTRIBUTE,
  NEW_TYPE,
  buildSpec,
  columnExamples,
  columnType,
  draftColumns,
  draftProblems,
  type ColumnDraft,
  type TableDraft,
} from '../../../../src/lib/table-spec';

const KNOWN = ['uniprot', 'symbol', 'entrez'];

const preview: TablePreview = {
  fileName: 'panel.csv',
  bytes: 300,
  compressed: false,
  delimiter: ',',
  header: ['gene', 'uniprot', 'Organ', 'note'],
  rows: [['TP53', 'P04637', 'breast', '']],
  suggestions: [
    { column: 'gene', type: 'symbol', reason: 'looks like gene symbols' },
    { column: 'uniprot', type: 'uniprot', reason: '100% UniProt accessions' },
    { column: 'Organ', type: 'organ', reason: 'a type of an earlier table' },
    { column: 'note', reason: 'no recognisable ids' },
  ],
};

function column(name: string, choice: string, extra: Partial<ColumnDraft> = {}): ColumnDraft {
  return { name, choice, newType: '', split: false, reason: '', ...extra };
}

function draft(columns: ColumnDraft[], extra: Partial<TableDraft> = {}): TableDraft {
  return { name: 'panel', priority: 0, delimiter: ',', detectedDelimiter: ',', columns, ...extra };
}

describe('draftColumns', () => {
  it('starts from the suggestions, keeping their reasons', () => {
    const columns = draftColumns(preview, KNOWN);
    expect(columns.map((c) => c.choice)).toEqual(['symbol', 'uniprot', NEW_TYPE, ATTRIBUTE]);
    expect(columns[0].reason).toBe('looks like gene symbols');
    expect(columns.every((c) => !c.split)).toBe(true);
  });

  it('offers a suggested type the catalog does not know as a new type', () => {
    expect(draftColumns(preview, KNOWN)[2].newType).toBe('organ');
  });

  it('pre-fills the new type name of other columns from their names', () => {
    expect(draftColumns(preview, KNOWN)[3].newType).toBe('note');
  });
});

describe('buildSpec', () => {
  it('types the chosen columns, leaves attributes untyped and splits on request', () => {
    const spec = buildSpec(
      draft([
        column('gene', 'symbol'),
        column('uniprot', 'uniprot', { split: true }),
        column('organ', NEW_TYPE, { newType: ' organ ', split: true }),
        column('note', ATTRIBUTE, { split: true }),
      ]),
    );
    expect(spec).toEqual({
      name: 'panel',
      priority: 0,
      columns: [
        { name: 'gene', type: 'symbol' },
        { name: 'uniprot', type: 'uniprot', separator: ',' },
        { name: 'organ', type: 'organ', separator: ',' },
        { name: 'note' },
      ],
    });
  });

  it('splits on the separator a column declares (|, ;, a space)', () => {
    const spec = buildSpec(
      draft([
        column('gene', 'symbol', { split: true, separator: '|' }),
        column('uniprot', 'uniprot', { split: true, separator: ';' }),
      ]),
    );
    expect(spec.columns).toEqual([
      { name: 'gene', type: 'symbol', separator: '|' },
      { name: 'uniprot', type: 'uniprot', separator: ';' },
    ]);
  });

  it('sets the delimiter only when it overrides the detected one', () => {
    const columns = [column('a', 'symbol'), column('b', 'uniprot')];
    expect(buildSpec(draft(columns)).delimiter).toBeUndefined();
    expect(buildSpec(draft(columns, { delimiter: '\t' })).delimiter).toBe('\t');
  });

  it('trims the name and keeps the priority', () => {
    const spec = buildSpec(draft([], { name: '  organs ', priority: -2 }));
    expect(spec.name).toBe('organs');
    expect(spec.priority).toBe(-2);
  });
});

describe('columnType', () => {
  it('is undefined for an attribute and the typed id for a new type', () => {
    expect(columnType(column('x', ATTRIBUTE))).toBeUndefined();
    expect(columnType(column('x', NEW_TYPE, { newType: 'organ ' }))).toBe('organ');
    expect(columnType(column('x', 'entrez'))).toBe('entrez');
  });
});

describe('draftProblems', () => {
  const names = ['genes', 'uniprot'];

  it('finds nothing wrong with two typed columns and a new name', () => {
    const columns = [column('gene', 'symbol'), column('organ', NEW_TYPE, { newType: 'organ' })];
    expect(draftProblems(draft(columns), KNOWN, names)).toEqual([]);
  });

  it('needs at least two typed columns', () => {
    const one = [column('gene', 'symbol'), column('note', ATTRIBUTE)];
    expect(draftProblems(draft(one), KNOWN, names)).toEqual([
      expect.stringMatching(/At least two columns need an identifier type/),
    ]);
  });

  it('needs a different type for each typed column', () => {
    const same = [column('a', 'symbol'), column('b', 'entrez'), column('c', 'symbol')];
    expect(draftProblems(draft(same), KNOWN, names)).toEqual([
      'Columns “a” and “c” have the same type (symbol); each typed column needs its own type.',
    ]);
  });

  it('reports a taken or empty name, a bad priority and a bad new type together', () => {
    const columns = [column('gene', 'symbol'), column('Organ', NEW_TYPE, { newType: 'Organ' })];
    const problems = draftProblems(draft(columns, { name: 'Genes', priority: 1.5 }), KNOWN, names);
    expect(problems).toEqual([
      expect.stringMatching(/already exists/),
      expect.stringMatching(/whole number/),
      expect.stringMatching(/^Column “Organ”: .*lowercase/),
    ]);
    expect(draftProblems(draft(columns, { name: '' }), KNOWN, names)[0]).toMatch(/name/);
  });
});

describe('columnExamples', () => {
  it('gives the first distinct, non-blank values of a column', () => {
    const rows = [
      ['TP53', 'breast, lung'],
      ['BRCA1', ''],
      ['TP53', ' lung '],
      ['EGFR'],
      ['INS', 'pancreas'],
      ['GCG', 'liver'],
    ];
    expect(columnExamples(rows, 0)).toEqual(['TP53', 'BRCA1', 'EGFR']);
    expect(columnExamples(rows, 1)).toEqual(['breast, lung', 'lung', 'pancreas']);
    expect(columnExamples(rows, 1, 1)).toEqual(['breast, lung']);
    expect(columnExamples([], 0)).toEqual([]);
  });
});
