import { describe, expect, it } from 'vitest';
import { columnsByName, formatText, proposalFor, recognise, tsvRows } from './recognised';

describe('Ensembl BioMart export', () => {
  it('human-readable headers; Gene name stays an attribute beside HGNC symbol; no hub', () => {
    const text = formatText('biomart.txt');
    const [header, ...rows] = tsvRows(text);
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('biomart');
    expect(proposal.label).toBe('Ensembl BioMart export');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.hub).toBeUndefined();
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    const columns = columnsByName(proposal);
    expect(columns.get('Gene stable ID')).toEqual({ type: 'ensembl_gene' });
    expect(columns.get('Transcript stable ID')).toEqual({ type: 'ensembl_transcript' });
    expect(columns.get('HGNC symbol')).toEqual({ type: 'symbol' });
    expect(columns.get('Gene name')).toEqual({});
    expect(columns.get('Gene description')).toEqual({});
    expect(rows.every((row) => row[0].startsWith('ENSG'))).toBe(true);
    expect(proposal.organism).toBe('human');
  });

  it('types the unversioned ids when both are exported, and Gene name as the organism’s symbols', () => {
    const text = formatText('biomart_versions.txt');
    const [header, ...rows] = tsvRows(text);
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('biomart');
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    const columns = columnsByName(proposal);
    expect(columns.get('Gene stable ID')).toEqual({ type: 'ensembl_gene' });
    expect(columns.get('Gene stable ID version')).toEqual({});
    expect(columns.get('Transcript stable ID')).toEqual({ type: 'ensembl_transcript' });
    expect(columns.get('Transcript stable ID version')).toEqual({});
    expect(columns.get('NCBI gene (formerly Entrezgene) ID')).toEqual({ type: 'entrez' });
    expect(columns.get('UniProtKB/Swiss-Prot ID')).toEqual({ type: 'uniprot' });
    expect(columns.get('RefSeq mRNA ID')).toEqual({ type: 'refseq' });
    // The fixture is mouse (ENSMUSG) and has no MGI symbol column.
    expect(rows.every((row) => row[0].startsWith('ENSMUSG'))).toBe(true);
    expect(proposal.organism).toBe('mouse');
    expect(columns.get('Gene name')).toEqual({ type: 'mouse_symbol' });
  });

  it('types a versioned column when it is the only one of its kind', () => {
    const rows = tsvRows(formatText('biomart_versions.txt'));
    const [header] = rows;
    const keep = header.flatMap((name, i) =>
      name === 'Gene stable ID' || name === 'Transcript stable ID' ? [] : [i],
    );
    const text = rows.map((row) => keep.map((i) => row[i]).join('\t')).join('\n');
    const columns = columnsByName(proposalFor(text));
    expect(columns.get('Gene stable ID version')).toEqual({ type: 'ensembl_gene' });
    expect(columns.get('Transcript stable ID version')).toEqual({ type: 'ensembl_transcript' });
  });

  it('reads a comma-separated export too', () => {
    const text = formatText('biomart.txt').split('\n').slice(0, 4).join('\n');
    const csv = text.replace(/\t/g, ',');
    const proposal = proposalFor(csv);
    expect(proposal.id).toBe('biomart');
    expect(proposal.spec.delimiter).toBe(',');
  });

  it('needs a gene id column and another BioMart column', () => {
    expect(recognise('Gene stable ID\tscore\nENSG00000141510\t3\n')).toBeUndefined();
    expect(recognise('Gene name\tHGNC symbol\nTP53\tTP53\n')).toBeUndefined();
  });
});
