/**
 * Several target types in one run (#16): gene symbols → NCBI Gene, Ensembl gene and UniProt over
 * the fixture tables. Expected targets come from the fixture rows: a symbol's gene is genes.csv's,
 * its Ensembl genes and accessions those ensembl_gene.csv and uniprot.csv list for that gene.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapResult } from '../../../../workers/api';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import { exportRows } from '../../../../workers/engine/result/export';
import {
  columnOf,
  decodeRow,
  expectCrosswalkError,
  keyInfoOf,
  loadFixtureEngine,
  multiMap,
  parseCsvText,
  readCsv,
} from '../helpers';

const entrezOf = multiMap(readCsv('org-hs-eg/genes.csv'), 'symbol', 'entrez_id');
const viaGene = (file: string, column: string) => {
  const byGene = multiMap(readCsv(`org-hs-eg/${file}`), 'entrez_id', column);
  return (symbol: string) =>
    (entrezOf.get(symbol) ?? []).flatMap((entrez) => byGene.get(entrez) ?? []);
};
const TARGETS = ['entrez', 'ensembl_gene', 'uniprot'];
const expected: Record<string, (symbol: string) => string[]> = {
  entrez: (symbol) => entrezOf.get(symbol) ?? [],
  ensembl_gene: viaGene('ensembl_gene.csv', 'ensembl_gene'),
  uniprot: viaGene('uniprot.csv', 'uniprot'),
};
// BAGE has a gene and an accession but no Ensembl gene in the fixtures; C4A several Ensembl genes.
const SYMBOLS = ['TP53', 'BAGE', 'NOTAGENE', 'C4A', 'EGFR', 'TP53'];

/** The status the issue asks for: the best any type gave (several of one type: ambiguous). */
function expectedStatus(symbol: string): string {
  const counts = TARGETS.map((type) => expected[type](symbol).length);
  if (counts.some((n) => n > 1)) return 'ambiguous';
  return counts.some((n) => n === 1) ? 'mapped' : 'unmapped';
}

let engine: CrosswalkEngine;
let result: MapResult;

beforeAll(async () => {
  engine = await loadFixtureEngine();
  result = await engine.map({
    text: SYMBOLS.join('\n'),
    source: 'symbol',
    target: 'entrez',
    alsoTargets: ['ensembl_gene', 'uniprot'],
  });
});

/** Input i's targets of each type, in pair order. */
function targetsByType(run: MapResult, i: number): Record<string, string[]> {
  const byType: Record<string, string[]> = Object.fromEntries(run.targets.map((t) => [t, []]));
  for (let p = run.inputs.pairStart[i]; p < run.inputs.pairStart[i + 1]; p++)
    byType[run.targets[run.pairs.targetType[p]]].push(decodeRow(run.pairs.target, p));
  return byType;
}

describe('several target types in one run', () => {
  it('finds each type’s targets for every input, in input order, first type first', () => {
    expect(result.targets).toEqual(TARGETS);
    expect(result.target).toBe('entrez');
    SYMBOLS.forEach((symbol, i) => {
      const byType = targetsByType(result, i);
      for (const type of TARGETS)
        expect(byType[type], `${symbol} ${type}`).toEqual(expected[type](symbol));
      // Pairs come grouped by type, in the request's order.
      const types = [];
      for (let p = result.inputs.pairStart[i]; p < result.inputs.pairStart[i + 1]; p++)
        types.push(result.pairs.targetType[p]);
      expect(types).toEqual([...types].sort((a, b) => a - b));
    });
  });

  it('gives each input the best status of its types, and names the types that missed', () => {
    const statuses = SYMBOLS.map(
      (_, i) => ['mapped', 'ambiguous', 'unmapped', 'invalid'][result.inputs.status[i]],
    );
    expect(statuses).toEqual(SYMBOLS.map(expectedStatus));
    expect(result.summary.ambiguous).toBe(
      SYMBOLS.filter((s) => expectedStatus(s) === 'ambiguous').length,
    );
    expect(result.summary.pairs).toBe(
      SYMBOLS.reduce((n, s) => n + TARGETS.reduce((m, t) => m + expected[t](s).length, 0), 0),
    );
    const bage = keyInfoOf(result, SYMBOLS.indexOf('BAGE')).reason;
    expect(bage).toMatch(/^ensembl_gene: /);
    expect(bage).not.toContain('entrez:');
    // A miss of every type has the one reason they agree on, not three.
    expect(keyInfoOf(result, SYMBOLS.indexOf('NOTAGENE')).reason).not.toContain(':');
  });

  it('gives the first type the pairs a run to it alone gives', async () => {
    const alone = await engine.map({
      text: SYMBOLS.join('\n'),
      source: 'symbol',
      target: 'entrez',
    });
    SYMBOLS.forEach((_, i) =>
      expect(targetsByType(result, i).entrez).toEqual(targetsByType(alone, i).entrez),
    );
    expect(alone.targets).toEqual(['entrez']);
  });

  it('exports a target_type per pair (long) and a column per type (wide)', async () => {
    const long = parseCsvText(await exportRows(result, 'tsv').text(), '\t');
    const rowsOfTp53 = long.rows.filter((row) => row[long.header.indexOf('input_index')] === '1');
    expect(rowsOfTp53.map((row) => row[long.header.indexOf('target_type')])).toEqual(
      TARGETS.flatMap((type) => expected[type]('TP53').map(() => type)),
    );
    const wide = parseCsvText(await exportRows(result, 'csv', undefined, 'wide').text());
    expect(wide.header.slice(0, 6)).toEqual(['input_index', 'input', 'status', ...TARGETS]);
    expect(wide.rows).toHaveLength(SYMBOLS.length);
    for (const type of TARGETS)
      expect(columnOf(wide, type)).toEqual(SYMBOLS.map((s) => expected[type](s).join('|')));
  });

  it('applies a policy to each type on its own', async () => {
    const first = await engine.applyPolicy(result.runId, 'first');
    SYMBOLS.forEach((symbol, i) => {
      const byType = targetsByType(first, i);
      for (const type of TARGETS) expect(byType[type]).toEqual(expected[type](symbol).slice(0, 1));
    });
    expect(first.policyEffects.first).toBe(
      SYMBOLS.filter((s) => expectedStatus(s) === 'ambiguous').length,
    );
    const wide = parseCsvText(await engine.exportResult(result.runId, 'csv', 'wide').text());
    expect(columnOf(wide, 'ensembl_gene')).toEqual(
      SYMBOLS.map((s) => expected.ensembl_gene(s)[0] ?? ''),
    );
    expect(columnOf(wide, 'policy')).toEqual(SYMBOLS.map(() => 'first'));
  });

  it('pins a path for the first type only: the others take their ranked paths', async () => {
    const request = { text: SYMBOLS.join('\n'), source: 'symbol', target: 'entrez' };
    // Path 1 of symbol → entrez is through the alias table (which lists approved symbols too).
    const pinned = { ...request, pinnedPath: 1 };
    const alone = await engine.map(pinned);
    expect(alone.paths.map((path) => path.steps.map((step) => step.table))).toEqual([['alias']]);
    const both = await engine.map({ ...pinned, alsoTargets: ['ensembl_gene'] });
    const unpinned = await engine.map({ ...request, alsoTargets: ['ensembl_gene'] });
    /** Input i's pairs of `type`, each as its target and the tables of its path. */
    const pairsOf = (run: MapResult, i: number, type: string) => {
      const found: string[] = [];
      for (let p = run.inputs.pairStart[i]; p < run.inputs.pairStart[i + 1]; p++) {
        if (run.targets[run.pairs.targetType[p]] !== type) continue;
        const tables = run.paths[run.pairs.path[p]].steps.map((step) => step.table);
        found.push(`${decodeRow(run.pairs.target, p)} via ${tables.join('+')}`);
      }
      return found;
    };
    SYMBOLS.forEach((_, i) => {
      expect(pairsOf(both, i, 'entrez')).toEqual(pairsOf(alone, i, 'entrez'));
      expect(pairsOf(both, i, 'ensembl_gene')).toEqual(pairsOf(unpinned, i, 'ensembl_gene'));
    });
    expect(pairsOf(both, 0, 'ensembl_gene')).toEqual(
      expected.ensembl_gene('TP53').map((id) => `${id} via genes+ensembl_gene`),
    );
  });

  it('refuses a target type no table has, or the source type as a target', async () => {
    await expectCrosswalkError(
      engine.map({ text: 'TP53', source: 'symbol', target: 'entrez', alsoTargets: ['kegg_gene'] }),
      'unknown-type',
      'kegg_gene',
    );
    await expectCrosswalkError(
      engine.map({ text: 'TP53', source: 'symbol', target: 'entrez', alsoTargets: ['symbol'] }),
      'bad-request',
      'both symbol',
    );
  });
});
