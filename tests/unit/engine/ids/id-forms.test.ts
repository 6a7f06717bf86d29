import { describe, expect, it } from 'vitest';
import { readForm } from '../../../../workers/engine/ids/id-forms';
import {
  MATCH_CONTAMINANT,
  MATCH_FASTA,
  MATCH_PAR_Y,
  MATCH_PREFIX,
  MATCH_VERSION,
} from '../../../../workers/engine/ids/id-types';

// Expected values are the forms as the issue and the file formats define them (UniProt FASTA
// headers `db|accession|entry name`, MaxQuant's CON__/REV__, GENCODE's _PAR_Y), not the code's output.
describe('readForm', () => {
  it('takes the accession of a UniProt FASTA header, Swiss-Prot or TrEMBL', () => {
    expect(readForm('sp|P68871|HBB_HUMAN')).toMatchObject({
      id: 'P68871',
      bits: MATCH_FASTA,
      named: ['uniprot'],
      decoy: false,
    });
    expect(readForm('tr|A0A024R161|A0A024R161_HUMAN').id).toBe('A0A024R161');
    expect(readForm('sp|P04637-2|P53_HUMAN').id).toBe('P04637-2');
  });

  it('reads MaxQuant contaminants as their accession, flagged, and decoys as decoys', () => {
    expect(readForm('CON__P02768')).toMatchObject({ id: 'P02768', bits: MATCH_CONTAMINANT });
    expect(readForm('REV__P12345')).toMatchObject({ id: 'P12345', decoy: true, bits: 0 });
    const both = readForm('REV__CON__P02768');
    expect(both.decoy).toBe(true);
    expect(both.bits).toBe(MATCH_CONTAMINANT);
  });

  it('drops GENCODE _PAR_Y and UniProt entry versions', () => {
    expect(readForm('ENSG00000182378.14_PAR_Y')).toMatchObject({
      id: 'ENSG00000182378.14',
      bits: MATCH_PAR_Y,
    });
    expect(readForm('P04637.2')).toMatchObject({
      id: 'P04637',
      bits: MATCH_VERSION,
      named: ['uniprot'],
    });
    // A RefSeq or Ensembl version is not a UniProt entry version: left for the table's relaxation.
    expect(readForm('NM_000546.6')).toMatchObject({ id: 'NM_000546.6', bits: 0, named: null });
    expect(readForm('ENSG00000141510.17').id).toBe('ENSG00000141510.17');
  });

  it('reads CURIEs and database prefixes case-insensitively, naming their type', () => {
    for (const [raw, id, type] of [
      ['uniprot:P04637', 'P04637', 'uniprot'],
      ['UniProtKB:P04637', 'P04637', 'uniprot'],
      ['NCBIGene:7157', '7157', 'entrez'],
      ['ncbigene:7157', '7157', 'entrez'],
      ['EntrezGene:7157', '7157', 'entrez'],
      ['MIM:191170', '191170', 'omim'],
    ]) {
      const form = readForm(raw);
      expect(form.id, raw).toBe(id);
      expect(form.named, raw).toEqual([type]);
      expect(form.bits, raw).toBe(MATCH_PREFIX);
    }
    expect(readForm('ensembl:ENSG00000141510').named).toEqual([
      'ensembl_gene',
      'ensembl_transcript',
      'ensembl_protein',
    ]);
  });

  it('keeps the prefix of a type whose ids carry it, spelled as the type spells it', () => {
    expect(readForm('GO:0005634')).toMatchObject({ id: 'GO:0005634', bits: 0, named: ['go'] });
    expect(readForm('go:0005634')).toMatchObject({ id: 'GO:0005634', bits: MATCH_PREFIX });
  });

  it('leaves names and unknown prefixes as they are', () => {
    for (const raw of ['HSF 5', 'CaMK IV', 'apoptotic process', 'TP53', 'foo:bar', 'P04637']) {
      expect(readForm(raw)).toMatchObject({ id: raw, bits: 0, named: null, decoy: false });
    }
  });
});
