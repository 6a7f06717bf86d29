/**
 * A recognised file's proposal as the user edits it (#14): ID types ticked as proposed, a type
 * changed or a column left as an attribute, prefix routes kept, and what stops a check.
 */
import { describe, expect, it } from 'vitest';
import type { FormatProposal } from '../../../../workers/api';
import { BY_PREFIX } from '../../../../src/lib/table-spec';
import { draftIdTypes, formatProblems, formatSpec } from '../../../../src/lib/format-draft';

const idmapping: FormatProposal = {
  id: 'uniprot-idmapping',
  label: 'UniProt idmapping.dat',
  spec: {
    columns: [],
    delimiter: '\t',
    header: ['UniProtKB-AC', 'ID_type', 'ID'],
    long: {
      key: 'UniProtKB-AC',
      keyType: 'uniprot',
      typeColumn: 'ID_type',
      value: 'ID',
      types: { GeneID: 'entrez', PDB: 'pdb' },
    },
  },
  idTypes: [
    { name: 'GeneID', rows: 4, type: 'entrez', known: true },
    { name: 'PDB', rows: 9, type: 'pdb', known: false },
    { name: 'EMBL-CDS', rows: 12, type: 'embl_cds', known: false },
  ],
};

const geneInfo: FormatProposal = {
  id: 'ncbi-gene-info',
  label: 'NCBI gene_info',
  spec: {
    delimiter: '\t',
    hub: 'GeneID',
    columns: [
      { name: 'GeneID', type: 'entrez' },
      { name: 'Symbol', type: 'symbol' },
      { name: 'Synonyms', type: 'symbol', separator: '|', tier: 'alias' },
      { name: 'dbXrefs', separator: '|', prefixes: { MIM: 'omim', HGNC: 'hgnc' } },
      { name: 'description' },
    ],
  },
};

describe('a long-form file', () => {
  it('ticks the ID types the proposal keeps, and keeps only the ticked ones', () => {
    const drafts = draftIdTypes(idmapping);
    expect(drafts.map((d) => [d.name, d.keep, d.type])).toEqual([
      ['GeneID', true, 'entrez'],
      ['PDB', true, 'pdb'],
      ['EMBL-CDS', false, 'embl_cds'],
    ]);
    drafts[1].keep = false;
    drafts[2].keep = true;
    const spec = formatSpec(idmapping, { name: ' mine ', priority: 2 }, [], drafts);
    expect(spec).toMatchObject({ name: 'mine', priority: 2, format: 'uniprot-idmapping' });
    expect(spec.long?.types).toEqual({ GeneID: 'entrez', 'EMBL-CDS': 'embl_cds' });
    expect(formatProblems(spec)).toEqual([]);
  });

  it('cannot be checked with no ID type kept', () => {
    const drafts = draftIdTypes(idmapping).map((d) => ({ ...d, keep: false }));
    const spec = formatSpec(idmapping, { name: 'mine', priority: 0 }, [], drafts);
    expect(formatProblems(spec)).toHaveLength(1);
  });
});

describe('a file of columns', () => {
  it('keeps the proposal’s reading unless the user changed a column', () => {
    const spec = formatSpec(
      geneInfo,
      { name: 'gi', priority: 0 },
      [
        { name: 'GeneID', type: 'entrez', split: false },
        { name: 'Symbol', type: 'symbol', split: false },
        { name: 'Synonyms', type: undefined, split: true },
        { name: 'dbXrefs', type: BY_PREFIX, split: true },
        { name: 'description', type: 'description', split: false },
      ],
      [],
    );
    expect(spec.hub).toBe('GeneID');
    expect(spec.columns).toEqual([
      { name: 'GeneID', type: 'entrez' },
      { name: 'Symbol', type: 'symbol' },
      { name: 'Synonyms' },
      { name: 'dbXrefs', separator: '|', prefixes: { MIM: 'omim', HGNC: 'hgnc' } },
      { name: 'description', type: 'description' },
    ]);
  });

  it('keeps a tier and its separator when the type stays', () => {
    const spec = formatSpec(
      geneInfo,
      { name: 'gi', priority: 0 },
      [{ name: 'Synonyms', type: 'symbol', split: true }],
      [],
    );
    expect(spec.columns[2]).toEqual({
      name: 'Synonyms',
      type: 'symbol',
      separator: '|',
      tier: 'alias',
    });
  });

  it('needs two typed columns, a prefix column counting as one', () => {
    const only = formatSpec(
      geneInfo,
      { name: 'gi', priority: 0 },
      ['GeneID', 'Symbol', 'Synonyms', 'dbXrefs'].map((name) => ({
        name,
        type: undefined,
        split: false,
      })),
      [],
    );
    expect(formatProblems(only)).toHaveLength(1);
  });
});
