import { describe, expect, it } from 'vitest';
import { StringDict } from '../../../../workers/engine/packed/string-dict';
import { lookalikes } from '../../../../workers/engine/user-tables/lookalikes';

const dictOf = (values: string[]) => {
  const dict = new StringDict(16);
  for (const value of values) dict.internString(value);
  return dict;
};

describe('lookalikes', () => {
  it('holds a symbols column only to prefixed types: real symbols that fit UniProt’s pattern pass', () => {
    // HGNC-approved symbols that UniProt's accession pattern also fits, and a bare number.
    const symbols = ['H2BC12', 'H2AC20', 'B3GAT1', 'B3GNT2', 'P2RY12', 'TP53', '7157'];
    expect(lookalikes(dictOf(symbols), 'symbol')).toBeUndefined();
    expect(lookalikes(dictOf([...symbols, 'ENSG00000141510', 'HGNC:11998']), 'symbol')).toEqual({
      type: 'ensembl_gene',
      ids: 1,
      examples: ['ENSG00000141510'],
      sampled: symbols.length + 2,
    });
  });

  it('names the type of the ids a patterned column does not fit', () => {
    const column = ['P04637', 'Q9P2S2', 'ENSG00000141510', 'ENSG00000012048', '7157'];
    expect(lookalikes(dictOf(column), 'uniprot')).toEqual({
      type: 'ensembl_gene',
      ids: 2,
      examples: ['ENSG00000141510', 'ENSG00000012048'],
      sampled: column.length,
    });
  });
});
