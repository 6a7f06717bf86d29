import { describe, expect, it } from 'vitest';
import { columnsByName, formatText, proposalFor, recognise, tsvRows } from './recognised';

/** The names of NCBI's `#` header line, read here by hand: `#tax_id\t…` or `#Format: tax_id …`. */
function hashHeader(text: string): string[] {
  const first = text.split('\n')[0];
  if (first.startsWith('#Format:')) return first.slice(8).split('(')[0].trim().split(' ');
  return first.slice(1).split('\t');
}

/** Every column not in `typed` is an attribute (no type, no separator). */
function expectColumns(text: string, typed: Record<string, object>): void {
  const proposal = proposalFor(text);
  const header = hashHeader(text);
  expect(proposal.spec.header).toEqual(header);
  expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
  const columns = columnsByName(proposal);
  for (const name of header) expect(columns.get(name), name).toEqual(typed[name] ?? {});
}

describe('NCBI gene_info', () => {
  const bacterial = formatText('ncbi_gene_info.tsv');
  const human = formatText('ncbi_gene_info_human.tsv');

  it('is recognised from its #tax_id header line, GeneID the hub', () => {
    const proposal = proposalFor(bacterial);
    expect(proposal.id).toBe('ncbi-gene-info');
    expect(proposal.label).toBe('NCBI gene_info');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.hub).toBe('GeneID');
    expect(hashHeader(bacterial)).toHaveLength(16);
  });

  it('types symbols by the rows’ taxon: a bacterium gets its own symbol type', () => {
    const taxa = new Set(tsvRows(bacterial).map((row) => row[0]));
    expect(taxa).toEqual(new Set(['208964']));
    const proposal = proposalFor(bacterial);
    expect(proposal.organism).toBe('taxon:208964');
    const columns = columnsByName(proposal);
    expect(columns.get('Symbol')).toEqual({ type: 'symbol_taxon_208964' });
    expect(columns.get('Synonyms')).toEqual({
      type: 'symbol_taxon_208964',
      tier: 'alias',
      separator: '|',
    });
  });

  it('human rows: GeneID, Symbol, Synonyms and dbXrefs by prefix; the rest attributes', () => {
    expect(new Set(tsvRows(human).map((row) => row[0]))).toEqual(new Set(['9606']));
    const proposal = proposalFor(human);
    expect(proposal.organism).toBe('human');
    const dbXrefs = columnsByName(proposal).get('dbXrefs')!;
    expectColumns(human, {
      GeneID: { type: 'entrez' },
      Symbol: { type: 'symbol' },
      Synonyms: { type: 'symbol', tier: 'alias', separator: '|' },
      dbXrefs,
    });
    expect(dbXrefs.separator).toBe('|');
    expect(dbXrefs.type).toBeUndefined();
    expect(dbXrefs.prefixes).toMatchObject({
      MIM: 'omim',
      HGNC: 'hgnc',
      Ensembl: 'ensembl_gene',
      MGI: 'mgi',
      RGD: 'rgd',
      miRBase: 'mirbase',
    });
    // The Alliance repeats the HGNC id: left out, so its values are dropped.
    expect(dbXrefs.prefixes).not.toHaveProperty('AllianceGenome');
  });

  it('routes every database the head’s dbXrefs name, but the Alliance, by the first `DB:`', () => {
    const header = hashHeader(bacterial);
    const databases = new Set(
      tsvRows(bacterial)
        .map((row) => row[header.indexOf('dbXrefs')])
        .filter((cell) => cell !== '-')
        .flatMap((cell) => cell.split('|').map((value) => value.split(':')[0])),
    );
    expect(databases).toEqual(new Set(['PseudoCap']));
    const prefixes = columnsByName(proposalFor(bacterial)).get('dbXrefs')!.prefixes!;
    expect(prefixes.PseudoCap).toBe('pseudocap');
  });
});

describe('NCBI gene2ensembl', () => {
  const names = [
    'tax_id',
    'GeneID',
    'Ensembl_gene_identifier',
    'RNA_nucleotide_accession.version',
    'Ensembl_rna_identifier',
    'protein_accession.version',
    'Ensembl_protein_identifier',
  ];
  const typed = {
    GeneID: { type: 'entrez' },
    Ensembl_gene_identifier: { type: 'ensembl_gene' },
    'RNA_nucleotide_accession.version': { type: 'refseq' },
    Ensembl_rna_identifier: { type: 'ensembl_transcript' },
    'protein_accession.version': { type: 'refseq' },
    Ensembl_protein_identifier: { type: 'ensembl_protein' },
  };

  it('legacy `#Format:` header line (space-separated names and a remark), no hub', () => {
    const text = formatText('ncbi_gene2ensembl.tsv');
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('ncbi-gene2ensembl');
    expect(proposal.label).toBe('NCBI gene2ensembl');
    expect(proposal.spec.header).toEqual(names);
    expect(proposal.spec.hub).toBeUndefined();
    expectColumns(text, typed);
    expect(new Set(tsvRows(text).map((row) => row[0]))).toEqual(new Set(['7227']));
    expect(proposal.organism).toBe('taxon:7227');
  });

  it('current `#tax_id` header line', () => {
    const text = formatText('ncbi_gene2ensembl_current.tsv');
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('ncbi-gene2ensembl');
    expect(proposal.spec.header).toEqual(names);
    expectColumns(text, typed);
    expect(proposal.organism).toBe('human');
  });
});

describe('NCBI gene2accession', () => {
  const text = formatText('ncbi_gene2accession.tsv');
  const typed = {
    GeneID: { type: 'entrez' },
    'RNA_nucleotide_accession.version': { type: 'refseq' },
    'protein_accession.version': { type: 'refseq' },
    Symbol: { type: 'symbol' },
  };

  it('is recognised from its 16 names, accessions typed as RefSeq, Symbol by organism', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('ncbi-gene2accession');
    expect(proposal.label).toBe('NCBI gene2accession');
    expect(hashHeader(text)).toHaveLength(16);
    expectColumns(text, typed);
    expect(proposal.organism).toBe('human');
  });

  it('in its legacy `#Format:` form too', () => {
    const [, ...rest] = text.split('\n');
    const legacy = [
      `#Format: ${hashHeader(text).join(' ')} (tab is used as a separator, pound sign - start of a comment)`,
      ...rest,
    ].join('\n');
    expect(proposalFor(legacy).id).toBe('ncbi-gene2accession');
    expectColumns(legacy, typed);
  });
});

describe('NCBI gene_history', () => {
  const text = formatText('ncbi_gene_history.tsv');

  it('is a history of NCBI Gene ids: discontinued ids, their successors and dates', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('ncbi-gene-history');
    expect(proposal.label).toBe('NCBI gene_history');
    expect(proposal.spec.header).toEqual([
      'tax_id',
      'GeneID',
      'Discontinued_GeneID',
      'Discontinued_Symbol',
      'Discontinue_Date',
    ]);
    expectColumns(text, {
      GeneID: { type: 'entrez' },
      Discontinued_GeneID: { type: 'entrez' },
    });
    expect(proposal.spec.history).toEqual({
      type: 'entrez',
      old: 'Discontinued_GeneID',
      new: 'GeneID',
      date: 'Discontinue_Date',
    });
    expect(proposal.organism).toBe('taxon:208964');
  });
});

describe('other NCBI Gene files', () => {
  it('are not recognised (gene2go has a #tax_id header too)', () => {
    const gene2go = '#tax_id\tGeneID\tGO_ID\tEvidence\tQualifier\tGO_term\tPubMed\tCategory\n';
    expect(
      recognise(`${gene2go}9606\t7157\tGO:0005634\tIDA\tlocated_in\tnucleus\t123\tComponent\n`),
    ).toBeUndefined();
  });
});
