/**
 * The ambiguity policies (#16), applied to a finished run of gene symbols → UniProt accessions
 * over the fixture tables. Expectations come from the fixture rows: a symbol's accessions are
 * those uniprot.csv lists for its gene (genes.csv), in file order; the reviewed ones are those
 * uniprot_reviewed.csv lists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapResult } from '../../../../workers/api';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import { REVIEWED, REVIEW_UNKNOWN } from '../../../../workers/common/codes';
import {
  columnOf,
  expectCrosswalkError,
  loadFixtureEngine,
  multiMap,
  parseCsvText,
  readCsv,
  rowFor,
  rowsOf,
} from '../helpers';

const entrezOf = multiMap(readCsv('org-hs-eg/genes.csv'), 'symbol', 'entrez_id');
const accessionsOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'entrez_id', 'uniprot');
const reviewedSet = new Set(columnOf(readCsv('org-hs-eg/uniprot_reviewed.csv'), 'uniprot'));
const SYMBOLS = ['TP53', 'EGFR', 'ADIPOQ', 'LEP', 'FABP4', 'BRCA1', 'NOTAGENE', 'TP53'];

const accessions = (symbol: string) =>
  (entrezOf.get(symbol) ?? []).flatMap((entrez) => accessionsOf.get(entrez) ?? []);
const reviewedOf = (symbol: string) => accessions(symbol).filter((a) => reviewedSet.has(a));
const ambiguous = SYMBOLS.filter((s) => accessions(s).length > 1);
/** Ambiguous inputs with some reviewed accessions but not only reviewed ones. */
const preferable = ambiguous.filter((s) => {
  const reviewed = reviewedOf(s).length;
  return reviewed > 0 && reviewed < accessions(s).length;
});

let engine: CrosswalkEngine;
let run: MapResult;

beforeAll(async () => {
  engine = await loadFixtureEngine();
  run = await engine.map({ text: SYMBOLS.join('\n'), source: 'symbol', target: 'uniprot' });
});

describe('the run as it comes (keep)', () => {
  it('keeps every accession and says which are reviewed', () => {
    expect(run.policy).toBe('keep');
    // The fixture's genes must exercise the policies.
    expect(accessions('TP53')).toHaveLength(7);
    expect(reviewedOf('TP53')).toEqual(['P04637']);
    for (const row of rowsOf(run)) {
      const expected = accessions(row.input);
      expect(
        row.pairs.map((p) => p.target),
        row.input,
      ).toEqual(expected);
    }
    const { strings, index } = run.pairs.target;
    for (let p = 0; p < run.pairs.count; p++) {
      const t = index[p];
      const accession = new TextDecoder().decode(
        strings.bytes.subarray(strings.offsets[t], strings.offsets[t + 1]),
      );
      expect(run.reviewed![t], accession).toBe(
        reviewedSet.has(accession) ? REVIEWED : REVIEW_UNKNOWN,
      );
    }
  });

  it('counts the inputs each policy would change', () => {
    expect(ambiguous.length).toBeGreaterThan(2);
    expect(run.policyEffects).toEqual({
      keep: 0,
      first: ambiguous.length,
      drop: ambiguous.length,
      'prefer-reviewed': preferable.length,
    });
  });

  it('says nothing of reviewed entries for a target no table reviews', async () => {
    const result = await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(result.reviewed).toBeNull();
    expect(result.policyEffects['prefer-reviewed']).toBe(0);
  });
});

describe('a policy chosen after the run', () => {
  it('prefer-reviewed keeps the reviewed accessions of a gene that has some', () => {
    const rows = rowsOf(engine.applyPolicy(run.runId, 'prefer-reviewed'));
    const before = rowsOf(run);
    for (const symbol of SYMBOLS) {
      const row = rowFor(rows, symbol);
      const all = accessions(symbol);
      const expected = preferable.includes(symbol) ? reviewedOf(symbol) : all;
      expect(
        row.pairs.map((p) => p.target),
        symbol,
      ).toEqual(expected);
      if (preferable.includes(symbol) && expected.length === 1) {
        expect(row.status).toBe('mapped');
        // The run's confidence: two hops, exact, one of n accessions (0.95 / n).
        expect(row.pairs[0].confidence).toBeCloseTo(0.95 / all.length, 3);
        const kept = rowFor(before, symbol).pairs.find((p) => p.target === expected[0]);
        expect(row.pairs[0]).toEqual(kept);
      }
    }
  });

  it('first keeps the first accession in table order; drop keeps none', () => {
    const first = engine.applyPolicy(run.runId, 'first');
    const dropped = engine.applyPolicy(run.runId, 'drop');
    const firstRows = rowsOf(first);
    const dropRows = rowsOf(dropped);
    for (const symbol of SYMBOLS) {
      const all = accessions(symbol);
      const several = all.length > 1;
      expect(rowFor(firstRows, symbol).pairs.map((p) => p.target)).toEqual(
        several ? [all[0]] : all,
      );
      expect(rowFor(firstRows, symbol).status).toBe(all.length === 0 ? 'unmapped' : 'mapped');
      expect(rowFor(dropRows, symbol).pairs.map((p) => p.target)).toEqual(several ? [] : all);
    }
    expect(first.summary.ambiguous).toBe(0);
    expect(first.summary.mapped).toBe(run.summary.mapped + run.summary.ambiguous);
    expect(dropped.summary.ambiguous).toBe(run.summary.ambiguous);
    const reason = (result: MapResult, input: number) =>
      result.reasons[result.keys.reason[result.inputs.key[input]]];
    const tp53 = SYMBOLS.indexOf('TP53');
    expect(reason(dropped, tp53)).toBe('dropped by policy (7 targets)');
    expect(reason(first, tp53)).toBe('first target kept by policy (of 7)');
    // The run itself is kept as it came: a policy is applied to it, not to the last policy.
    expect(rowsOf(engine.applyPolicy(run.runId, 'keep'))).toEqual(rowsOf(run));
  });

  it('is what the export writes from then on, in a policy column', async () => {
    engine.applyPolicy(run.runId, 'prefer-reviewed');
    const csv = parseCsvText(await engine.exportResult(run.runId, 'tsv').text(), '\t');
    expect(columnOf(csv, 'policy').every((p) => p === 'prefer-reviewed')).toBe(true);
    const inputs = columnOf(csv, 'input');
    const targets = columnOf(csv, 'target');
    expect(targets.filter((_, i) => inputs[i] === 'TP53')).toEqual(['P04637', 'P04637']);
    const reviewedColumn = columnOf(csv, 'reviewed');
    targets.forEach((target, i) =>
      expect(reviewedColumn[i], target).toBe(
        target === '' ? '' : reviewedSet.has(target) ? 'yes' : '',
      ),
    );
  });

  it('refuses a policy it does not know', async () => {
    await expectCrosswalkError(
      (async () => engine.applyPolicy(run.runId, 'random' as never))(),
      'bad-request',
      'random',
    );
  });
});
