/**
 * The field's files at scale (#14 Tests): synthetic files of the real shapes, large enough that a
 * product of list cells or an index per row would show, recognised from their head and imported as
 * proposed. Counts are what the generators wrote, tallied as they wrote it.
 */
import { describe, expect, it } from 'vitest';
import { recogniseFormat } from '../../../../workers/engine/formats/recognise';
import { parseTable } from '../../../../workers/engine/tables/parse-table';
import { edgeTargets } from '../helpers';

const encode = (text: string) => new TextEncoder().encode(text);

describe('a 120,000-row idmapping.dat of 20,000 accessions', () => {
  const lines: string[] = [];
  const tally = { GeneID: 0, Ensembl_TRS: 0, GO: 0, isoform: 0 };
  for (let a = 0; a < 20_000; a++) {
    const acc = `Q${String(a).padStart(5, '0')}`;
    lines.push(`${acc}\tUniProtKB-ID\t${acc}_HUMAN`, `${acc}\tGeneID\t${100_000 + a}`);
    lines.push(`${acc}\tNCBI_TaxID\t9606`, `${acc}\tGO\tGO:${String(a % 9000).padStart(7, '0')}`);
    lines.push(`${acc}-2\tEnsembl_TRS\tENST${String(a).padStart(11, '0')}`);
    lines.push(`${acc}\tGO\tGO:0005634`);
    tally.GeneID++;
    tally.Ensembl_TRS++;
    tally.GO += 2;
    tally.isoform++;
  }
  const text = `${lines.join('\n')}\n`;

  it('is recognised from its head and keeps one record per kept row, plus isoforms for entries', async () => {
    const format = recogniseFormat(text.slice(0, 256 * 1024), text.length);
    expect(format?.id).toBe('uniprot-idmapping');
    const long = format!.spec.long!;
    // Keep what a big file would: the types Crosswalk knows.
    const known = new Set(format!.idTypes!.filter((t) => t.known).map((t) => t.name));
    expect([...known].sort()).toEqual(['Ensembl_TRS', 'GO', 'GeneID']);
    const types = Object.fromEntries(Object.entries(long.types).filter(([n]) => known.has(n)));
    const { table, builder } = await parseTable(
      { ...format!.spec, name: 'idmapping', long: { ...long, types } },
      encode(text),
    );
    expect(table.records).toBe(tally.GeneID + tally.Ensembl_TRS + tally.GO + tally.isoform);
    expect(builder.skippedValues).toBe(lines.length - tally.GeneID - tally.Ensembl_TRS - tally.GO);
    expect(edgeTargets(table, 'GeneID', 'Ensembl_TRS', '100123')).toEqual(['ENST00000000123']);
    expect(edgeTargets(table, 'UniProtKB-AC', 'GO', 'Q00042').sort()).toEqual([
      'GO:0000042',
      'GO:0005634',
    ]);
  });
});

describe('a 50,000-row gene_info with list cells in two columns', () => {
  const header = [
    '#tax_id',
    'GeneID',
    'Symbol',
    'LocusTag',
    'Synonyms',
    'dbXrefs',
    'chromosome',
    'map_location',
    'description',
    'type_of_gene',
    'Symbol_from_nomenclature_authority',
    'Full_name_from_nomenclature_authority',
    'Nomenclature_status',
    'Other_designations',
    'Modification_date',
    'Feature_type',
  ];
  const rows: string[] = [];
  let synonyms = 0;
  let xrefs = 0;
  for (let g = 0; g < 50_000; g++) {
    const syn = Array.from({ length: g % 5 }, (_, i) => `S${g}_${i}`);
    const refs = [
      `MIM:${600_000 + g}`,
      `HGNC:HGNC:${g + 1}`,
      `Ensembl:ENSG${String(g).padStart(11, '0')}`,
    ];
    synonyms += syn.length;
    xrefs += refs.length;
    rows.push(
      [
        '9606',
        String(g + 1),
        `GENE${g}`,
        '-',
        syn.join('|') || '-',
        refs.join('|'),
        '1',
        '1p1',
        'd',
        'protein-coding',
        `GENE${g}`,
        'n',
        'O',
        '-',
        '20240101',
        '-',
      ].join('\t'),
    );
  }
  const text = `${header.join('\t')}\n${rows.join('\n')}\n`;

  it('never multiplies the lists: one record per value beside the GeneID', async () => {
    const format = recogniseFormat(text.slice(0, 256 * 1024), text.length);
    expect(format?.id).toBe('ncbi-gene-info');
    const columns = format!.spec.columns.map(({ tier: _tier, ...c }) => c);
    const { table } = await parseTable(
      { ...format!.spec, columns, name: 'gene_info' },
      encode(text),
    );
    // Symbol + each synonym + each routed xref; a product would be 1 × synonyms × xrefs per row.
    expect(table.records).toBe(rows.length + synonyms + xrefs);
    expect(edgeTargets(table, 'dbXrefs:hgnc', 'Synonyms', 'HGNC:5')).toEqual([
      'S4_0',
      'S4_1',
      'S4_2',
      'S4_3',
    ]);
  });
});
