import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../../src/lib/download';

describe('exportFileName', () => {
  it('names files after the mapping', () => {
    expect(exportFileName('uniprot', 'entrez', 'tsv')).toBe('crosswalk-uniprot-to-entrez.tsv');
    expect(exportFileName('symbol', 'ensembl_gene', 'json')).toBe(
      'crosswalk-symbol-to-ensembl_gene.json',
    );
  });

  it('names every target type of a run with several', () => {
    expect(exportFileName('symbol', ['entrez', 'uniprot'], 'tsv')).toBe(
      'crosswalk-symbol-to-entrez+uniprot.tsv',
    );
  });

  it('keeps user-given type names file-system safe', () => {
    expect(exportFileName('My Column/1', 'entrez', 'csv')).toBe(
      'crosswalk-my-column-1-to-entrez.csv',
    );
  });
});
