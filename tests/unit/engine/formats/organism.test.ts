import { describe, expect, it } from 'vitest';
import { organismOfTaxon } from '../../../../workers/engine/formats/organism';
import { slug } from '../../../../workers/engine/formats/type-names';

// The table of organisms and symbol types, and its examples of slugs.
describe('organisms and their symbol types', () => {
  it.each([
    ['9606', 'human', 'symbol'],
    ['10090', 'mouse', 'mouse_symbol'],
    ['10116', 'rat', 'rat_symbol'],
    ['7227', 'taxon:7227', 'symbol_taxon_7227'],
    ['208964', 'taxon:208964', 'symbol_taxon_208964'],
  ])('taxon %s → %s, %s', (taxon, id, symbolType) => {
    expect(organismOfTaxon(taxon)).toEqual({ id, symbolType });
  });

  it('a value that is not a taxon id is no organism', () => {
    expect(organismOfTaxon('-')).toBeUndefined();
    expect(organismOfTaxon('Homo sapiens')).toBeUndefined();
  });
});

describe('slugs of ID type names', () => {
  it.each([
    ['KEGG COMPOUND accession', 'kegg_compound_accession'],
    ['UniRef100', 'uniref100'],
    ['EMBL-CDS', 'embl_cds'],
    ['Gene_ORFName', 'gene_orfname'],
    ['IMGT/GENE-DB', 'imgt_gene_db'],
    ['Réseau', 'reseau'],
  ])('%s → %s', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
});
