import { describe, expect, it } from 'vitest';
import { newTypeIdProblem, suggestTypeId } from '../../../../src/lib/type-id';

const KNOWN = ['uniprot', 'symbol', 'entrez'];

describe('suggestTypeId', () => {
  it('makes a lowercase id from a column name', () => {
    expect(suggestTypeId('organ')).toBe('organ');
    expect(suggestTypeId('Cell line')).toBe('cell_line');
    expect(suggestTypeId('Tissue (HPA)')).toBe('tissue_hpa');
    expect(suggestTypeId('Gewebe-Typ')).toBe('gewebe_typ');
  });

  it('drops accents, leading digits and underscores', () => {
    expect(suggestTypeId('Pâté')).toBe('pate');
    expect(suggestTypeId('2nd organ')).toBe('nd_organ');
    expect(suggestTypeId('__x__')).toBe('x');
  });

  it('gives an empty id when nothing usable is left', () => {
    expect(suggestTypeId('123')).toBe('');
    expect(suggestTypeId('—')).toBe('');
  });
});

describe('newTypeIdProblem', () => {
  it('accepts lowercase ids that are not known types', () => {
    expect(newTypeIdProblem('organ', KNOWN)).toBeNull();
    expect(newTypeIdProblem('cell_line2', KNOWN)).toBeNull();
  });

  it('asks for a name when there is none', () => {
    expect(newTypeIdProblem('', KNOWN)).toMatch(/Name the new type/);
  });

  it('rejects capitals, spaces, punctuation and a leading digit or underscore', () => {
    for (const id of ['Organ', 'cell line', 'organ-type', '2organ', '_organ', 'orgán']) {
      expect(newTypeIdProblem(id, KNOWN), id).toMatch(/lowercase letters/);
    }
  });

  it('points to the list for a type that already exists', () => {
    expect(newTypeIdProblem('uniprot', KNOWN)).toMatch(/already a known type/);
  });

  it('rejects a very long id', () => {
    expect(newTypeIdProblem('a'.repeat(41), KNOWN)).toMatch(/too long/);
  });
});
