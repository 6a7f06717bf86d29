import { describe, expect, it } from 'vitest';
import { columnsByName, formatText, proposalFor, recognise, tsvRows } from './recognised';

describe('HGNC complete set', () => {
  const text = formatText('hgnc_complete_set.txt');
  const [header] = tsvRows(text);

  it('is recognised from its header, hgnc_id the hub, of human genes', () => {
    expect(header).toHaveLength(54);
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('hgnc-complete-set');
    expect(proposal.label).toBe('HGNC complete set');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.hub).toBe('hgnc_id');
    expect(proposal.spec.header).toBeUndefined();
    expect(proposal.organism).toBe('human');
  });

  it('types its id columns, `|` lists and previous/alias tiers; every other column an attribute', () => {
    const typed: Record<string, object> = {
      hgnc_id: { type: 'hgnc' },
      symbol: { type: 'symbol' },
      prev_symbol: { type: 'symbol', tier: 'previous', separator: '|' },
      alias_symbol: { type: 'symbol', tier: 'alias', separator: '|' },
      entrez_id: { type: 'entrez' },
      ensembl_gene_id: { type: 'ensembl_gene' },
      uniprot_ids: { type: 'uniprot', separator: '|' },
      refseq_accession: { type: 'refseq', separator: '|' },
      omim_id: { type: 'omim', separator: '|' },
      mgd_id: { type: 'mgi', separator: '|' },
      rgd_id: { type: 'rgd', separator: '|' },
    };
    const proposal = proposalFor(text);
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    const columns = columnsByName(proposal);
    for (const name of header) expect(columns.get(name), name).toEqual(typed[name] ?? {});
  });

  it('is not any table whose first column is called hgnc_id', () => {
    expect(recognise('hgnc_id\tsymbol\n5\tA1BG\n37133\tA1BG-AS1\n')).toBeUndefined();
  });
});
