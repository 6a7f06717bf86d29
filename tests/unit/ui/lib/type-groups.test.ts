import { describe, expect, it } from 'vitest';
import type { IdTypeInfo } from '../../../../workers/api';
import { groupTypes } from '../../../../src/lib/type-groups';

function type(id: string, group?: string): IdTypeInfo {
  return { id, label: id, caseInsensitive: false, ...(group ? { group } : {}) };
}

const ids = (groups: ReturnType<typeof groupTypes>) =>
  groups.map((group) => [group.label, group.types.map((t) => t.id)]);

describe('groupTypes', () => {
  it('lists the groups in the fixed order, whatever order the catalog gives the types in', () => {
    const types = [
      type('go', 'Gene Ontology'),
      type('chebi', 'Metabolites'),
      type('organ'),
      type('rgd', 'Rat'),
      type('symbol', 'Human genes and proteins'),
      type('mgi', 'Mouse'),
      type('entrez', 'Human genes and proteins'),
      type('cas', 'Metabolites'),
      type('mouse_symbol', 'Mouse'),
    ];
    expect(ids(groupTypes(types))).toEqual([
      ['Human genes and proteins', ['symbol', 'entrez']],
      ['Mouse', ['mgi', 'mouse_symbol']],
      ['Rat', ['rgd']],
      ['Metabolites', ['chebi', 'cas']],
      ['Gene Ontology', ['go']],
      ['Your types', ['organ']],
    ]);
  });

  it('leaves out groups with no types and keeps every type exactly once', () => {
    const types = [type('cell_line'), type('uniprot', 'Human genes and proteins'), type('organ')];
    const groups = groupTypes(types);
    expect(ids(groups)).toEqual([
      ['Human genes and proteins', ['uniprot']],
      ['Your types', ['cell_line', 'organ']],
    ]);
    expect(groups.flatMap((g) => g.types)).toHaveLength(types.length);
  });

  it('puts a group it does not know after the known ones and before your types', () => {
    const types = [type('organ'), type('zfin', 'Zebrafish'), type('go', 'Gene Ontology')];
    expect(ids(groupTypes(types))).toEqual([
      ['Gene Ontology', ['go']],
      ['Zebrafish', ['zfin']],
      ['Your types', ['organ']],
    ]);
  });

  it('gives no groups for no types', () => {
    expect(groupTypes([])).toEqual([]);
  });
});
