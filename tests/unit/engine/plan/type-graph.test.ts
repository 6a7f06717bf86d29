import { describe, expect, it } from 'vitest';
import {
  findPaths,
  typesOf,
  type RegisteredTable,
} from '../../../../workers/engine/plan/type-graph';
import { fixtureCatalog } from '../helpers';

/** The fixture catalog as the engine registers it. */
function fixtureTables(): RegisteredTable[] {
  return fixtureCatalog().tables.map((t) => ({
    name: t.name,
    columns: t.columns,
    priority: t.priority ?? 0,
    matchLabel: t.matchLabel,
    enabled: true,
  }));
}

const chain = (...types: string[]): RegisteredTable[] =>
  types.slice(1).map((to, i) => ({
    name: `t${i}`,
    columns: [
      { name: types[i], type: types[i] },
      { name: to, type: to },
    ],
    priority: 0,
    enabled: true,
  }));

describe('findPaths over the fixture catalog', () => {
  it('maps uniprot to ensembl_gene in two hops through entrez', () => {
    const [best, ...rest] = findPaths(fixtureTables(), 'uniprot', 'ensembl_gene');
    expect(best.types).toEqual(['uniprot', 'entrez', 'ensembl_gene']);
    expect(best.steps).toEqual([
      { table: 'uniprot', from: 'uniprot', to: 'entrez_id', fromType: 'uniprot', toType: 'entrez' },
      {
        table: 'ensembl_gene',
        from: 'entrez_id',
        to: 'ensembl_gene',
        fromType: 'entrez',
        toType: 'ensembl_gene',
      },
    ]);
    expect(best.index).toBe(0);
    // entrez is the only hub: no other route within three hops.
    expect(rest).toEqual([]);
  });

  it('ranks the genes path before the alias path for symbol → uniprot (alias has priority 1)', () => {
    const alias = fixtureCatalog().tables.find((t) => t.name === 'alias')!;
    expect(alias.priority).toBe(1);
    const paths = findPaths(fixtureTables(), 'symbol', 'uniprot');
    expect(paths.map((p) => p.steps.map((s) => s.table))).toEqual([
      ['genes', 'uniprot'],
      ['alias', 'uniprot'],
    ]);
    expect(paths.map((p) => p.index)).toEqual([0, 1]);
    expect(paths[0].cost).toBeLessThan(paths[1].cost);
  });

  it('prefers the cheaper path whatever order the tables are registered in', () => {
    const reversed = fixtureTables().reverse();
    const paths = findPaths(reversed, 'symbol', 'entrez');
    expect(paths.map((p) => p.steps[0].table)).toEqual(['genes', 'alias']);
  });

  it('respects maxHops', () => {
    expect(findPaths(fixtureTables(), 'uniprot', 'ensembl_gene', 1)).toEqual([]);
    expect(findPaths(fixtureTables(), 'uniprot', 'ensembl_gene', 2)).toHaveLength(1);
    const tables = chain('a', 'b', 'c', 'd', 'e');
    expect(findPaths(tables, 'a', 'e', 3)).toEqual([]);
    expect(findPaths(tables, 'a', 'd', 3).map((p) => p.types)).toEqual([['a', 'b', 'c', 'd']]);
    expect(findPaths(tables, 'a', 'e', 4)[0].steps).toHaveLength(4);
  });

  it('returns no path for unconnected or unknown types, nor from a type to itself', () => {
    const tables = [...fixtureTables(), ...chain('organ', 'tissue')];
    expect(findPaths(tables, 'uniprot', 'organ')).toEqual([]);
    expect(findPaths(tables, 'uniprot', 'go')).toEqual([]);
    expect(findPaths(tables, 'uniprot', 'uniprot')).toEqual([]);
  });

  it('ignores disabled tables', () => {
    const tables = fixtureTables().map((t) => ({ ...t, enabled: t.name !== 'genes' }));
    const paths = findPaths(tables, 'symbol', 'entrez');
    expect(paths.map((p) => p.steps[0].table)).toEqual(['alias']);
  });

  it('never repeats a type within a path and chains its steps', () => {
    const tables = fixtureTables();
    const types = [...typesOf(tables)];
    let checked = 0;
    for (const source of types) {
      for (const target of types) {
        for (const path of findPaths(tables, source, target, 3)) {
          expect(new Set(path.types).size, path.label).toBe(path.types.length);
          expect(path.types[0]).toBe(source);
          expect(path.types.at(-1)).toBe(target);
          path.steps.forEach((step, i) => {
            expect(step.fromType).toBe(path.types[i]);
            expect(step.toType).toBe(path.types[i + 1]);
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(types.length);
  });

  it('also avoids revisiting a type in a graph with a cycle', () => {
    const tables = [...chain('a', 'b', 'c'), ...chain('c', 'a')];
    const paths = findPaths(tables, 'a', 'c', 5);
    expect(paths.map((p) => p.types)).toEqual([
      ['a', 'c'],
      ['a', 'b', 'c'],
    ]);
  });
});
