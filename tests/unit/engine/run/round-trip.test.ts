import { beforeAll, describe, expect, it } from 'vitest';
import { PAIR_CONFIRMED, PAIR_ROUND_TRIP } from '../../../../workers/common/codes';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import { loadFixtureEngine, multiMap, readCsv, rowsOf } from '../helpers';

const symbolsOf = multiMap(readCsv('org-hs-eg/genes.csv'), 'entrez_id', 'symbol');
const uniprot = readCsv('org-hs-eg/uniprot.csv');
const entrezOfAccession = multiMap(uniprot, 'uniprot', 'entrez_id');
const accessionsOfEntrez = multiMap(uniprot, 'entrez_id', 'uniprot');
const ensembl = readCsv('org-hs-eg/ensembl_gene.csv');
const ensemblOfEntrez = multiMap(ensembl, 'entrez_id', 'ensembl_gene');
const entrezOfEnsembl = multiMap(ensembl, 'ensembl_gene', 'entrez_id');

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

describe('round trip', () => {
  it('marks no pair when the round trip is not requested', async () => {
    const result = await engine.map({ text: 'TP53 P53', source: 'symbol', target: 'entrez' });
    for (const pair of rowsOf(result).flatMap((r) => r.pairs)) {
      expect(pair.flags & (PAIR_ROUND_TRIP | PAIR_CONFIRMED)).toBe(0);
    }
  });

  it('confirms symbol → entrez pairs whose gene maps back to the same approved symbol', async () => {
    // TP53 and ACAT2 are approved symbols; P53 and BAR are aliases only, so their genes come
    // back under other (approved) symbols and the pairs are not confirmed.
    const text = 'TP53 P53 ACAT2 BAR';
    const result = await engine.map({ text, source: 'symbol', target: 'entrez', roundTrip: true });
    const rows = rowsOf(result);
    let confirmed = 0;
    for (const row of rows) {
      for (const pair of row.pairs) {
        expect(pair.flags & PAIR_ROUND_TRIP, pair.via).toBe(PAIR_ROUND_TRIP);
        const sourceSpelling = pair.via.split(' > ')[0];
        const back = symbolsOf.get(pair.target) ?? [];
        const expected = back.includes(sourceSpelling);
        expect(Boolean(pair.flags & PAIR_CONFIRMED), pair.via).toBe(expected);
        if (expected) confirmed++;
      }
    }
    expect(confirmed).toBe(2);
    expect(rows.find((r) => r.input === 'P53')!.pairs[0].flags & PAIR_CONFIRMED).toBe(0);
    expect(rows.find((r) => r.input === 'TP53')!.pairs[0].flags & PAIR_CONFIRMED).toBe(
      PAIR_CONFIRMED,
    );
  });

  it('confirms a case-insensitive match through the table spelling', async () => {
    const result = await engine.map({
      text: 'tp53',
      source: 'symbol',
      target: 'entrez',
      roundTrip: true,
    });
    const [pair] = rowsOf(result)[0].pairs;
    expect(pair.flags & (PAIR_ROUND_TRIP | PAIR_CONFIRMED)).toBe(PAIR_ROUND_TRIP | PAIR_CONFIRMED);
  });

  it('follows the data for uniprot → ensembl_gene: back through entrez to the accessions', async () => {
    const accessions = ['P04637', 'A0A087WT22', 'P0C0L4', 'P04745', 'Q13072'];
    const result = await engine.map({
      text: accessions.join('\n'),
      source: 'uniprot',
      target: 'ensembl_gene',
      roundTrip: true,
    });
    let pairs = 0;
    for (const row of rowsOf(result)) {
      for (const pair of row.pairs) {
        const back = new Set(
          (entrezOfEnsembl.get(pair.target) ?? []).flatMap((e) => accessionsOfEntrez.get(e) ?? []),
        );
        expect(Boolean(pair.flags & PAIR_CONFIRMED), pair.via).toBe(back.has(row.input));
        expect(pair.flags & PAIR_ROUND_TRIP).toBe(PAIR_ROUND_TRIP);
        pairs++;
      }
    }
    const expectedPairs = accessions
      .map(
        (a) =>
          new Set((entrezOfAccession.get(a) ?? []).flatMap((e) => ensemblOfEntrez.get(e) ?? []))
            .size,
      )
      .reduce((x, y) => x + y, 0);
    expect(pairs).toBe(expectedPairs);
  });
});
