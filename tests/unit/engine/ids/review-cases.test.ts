/**
 * Cases a review of #12 found wrong, kept as regressions: ids already of the target type looked
 * up in the wrong table, a type "settled" by whichever tables happened to be in memory, a
 * contaminant flag spread over a group's clean members, a group member whose prefix names another
 * type, and two forms of one id counted as converging. Expectations from the fixture CSVs.
 */
import { describe, expect, it } from 'vitest';
import { IdReader } from '../../../../workers/engine/ids/id-reader';
import { PAIR_CONVERGENT } from '../../../../workers/common/codes';
import {
  columnOf,
  keyInfoOf,
  loadFixtureEngine,
  multiMap,
  readCsv,
  rowsOf,
  sorted,
} from '../helpers';

const genes = readCsv('org-hs-eg/genes.csv');
const ensemblEntrez = new Set(columnOf(readCsv('org-hs-eg/ensembl_gene.csv'), 'entrez_id'));
const aliases = multiMap(readCsv('org-hs-eg/alias.csv'), 'alias', 'entrez_id');
const entrezToSymbol = multiMap(genes, 'entrez_id', 'symbol');
const symbols = new Set(columnOf(genes, 'symbol'));

describe('ids already of the target type', () => {
  it('are found in any current table of the type, not only the first by name', async () => {
    const engine = await loadFixtureEngine();
    // BAGE's NCBI Gene id: in genes, not in ensembl_gene (it has no Ensembl gene).
    const bage = genes.rows.find((r) => r[1] === 'BAGE')![0];
    expect(ensemblEntrez.has(bage)).toBe(false);
    const result = await engine.map({ text: `${bage}\nP04637`, source: 'auto', target: 'entrez' });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual([bage]);
    expect(keyInfoOf(result, 0)).toMatchObject({ sourceType: 'entrez', reason: '' });
  });

  it('come back as the approved symbol when they are aliases', async () => {
    const engine = await loadFixtureEngine();
    const [alias, ids] = [...aliases].find(([a, ids]) => !symbols.has(a) && ids.length === 1)!;
    const result = await engine.map({ text: `${alias}\nP04637`, source: 'auto', target: 'symbol' });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(entrezToSymbol.get(ids[0]));
    expect(rowsOf(result)[0].pairs[0].match).toContain('alias');
  });
});

describe('settling a bare number by the tables in memory', () => {
  it('needs every other type ruled out, not one type holding it', () => {
    const available = new Set(['entrez', 'omim']);
    // OMIM's table holds it; NCBI Gene's tables are not in memory: still ambiguous.
    const unsure = new IdReader(available, (type) => (type === 'omim' ? true : undefined));
    expect(unsure.candidates('114182')).toMatchObject({ ambiguous: true });
    // Every NCBI Gene table is in memory and none holds it: OMIM.
    const sure = new IdReader(available, (type) => type === 'omim');
    expect(sure.candidates('114182')).toMatchObject({ ambiguous: false, types: ['omim'] });
  });
});

describe('groups', () => {
  it('flag only the member that is a contaminant', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P02768;CON__P07550\nP04637',
      source: 'uniprot',
      target: 'entrez',
    });
    const group = rowsOf(result)[0];
    const byMember = Object.fromEntries(group.pairs.map((p) => [p.via.split(' > ')[0], p.match]));
    expect(byMember.P02768.split('+').sort()).toEqual(['group']);
    expect(byMember.P07550.split('+').sort()).toEqual(['contaminant', 'group']);
  });

  it('are not made of members whose prefix names another type', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'NCBIGene:7157;mim:191170\n672',
      source: 'entrez',
      target: 'symbol',
    });
    expect(rowsOf(result)[0].status).toBe('invalid');
    expect(result.notes.some((n) => n.includes('read as a group'))).toBe(false);
  });
});

describe('two forms of one id', () => {
  it('do not converge on their shared target', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P04637\nsp|P04637|P53_HUMAN\nCON__P04637',
      source: 'uniprot',
      target: 'entrez',
    });
    for (const row of rowsOf(result)) {
      expect(sorted(row.pairs.map((p) => p.target))).toEqual(['7157']);
      expect(row.pairs[0].flags & PAIR_CONVERGENT).toBe(0);
    }
    expect(result.summary.convergent).toBe(0);
  });
});
