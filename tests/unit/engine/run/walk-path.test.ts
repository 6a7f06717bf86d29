import { beforeAll, describe, expect, it } from 'vitest';
import {
  INPUT_CONVERGENT,
  INPUT_DUPLICATE,
  PAIR_CONVERGENT,
} from '../../../../workers/common/codes';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import {
  columnOf,
  distinct,
  loadFixtureEngine,
  multiMap,
  readCsv,
  round3,
  rowFor,
  rowsOf,
  sorted,
  type InputRow,
} from '../helpers';

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

const uniprot = readCsv('org-hs-eg/uniprot.csv');
const entrezOfAccession = multiMap(uniprot, 'uniprot', 'entrez_id');
const ensemblOfEntrez = multiMap(
  readCsv('org-hs-eg/ensembl_gene.csv'),
  'entrez_id',
  'ensembl_gene',
);
const ensemblRows = new Set(readCsv('org-hs-eg/ensembl_gene.csv').rows.map((r) => r.join(' ')));
const uniprotRows = new Set(uniprot.rows.map((r) => r.join(' ')));
const genes = readCsv('org-hs-eg/genes.csv');
const entrezOfSymbol = multiMap(genes, 'symbol', 'entrez_id');
const entrezOfAlias = multiMap(readCsv('org-hs-eg/alias.csv'), 'alias', 'entrez_id');

/** uniprot.csv ⋈ ensembl_gene.csv on entrez_id, computed from the raw rows. */
function expectedEnsembl(accession: string): string[] {
  const out = new Set<string>();
  for (const entrez of entrezOfAccession.get(accession) ?? []) {
    for (const ensembl of ensemblOfEntrez.get(entrez) ?? []) out.add(ensembl);
  }
  return sorted(out);
}

const statusFor = (targets: number) =>
  targets === 1 ? 'mapped' : targets > 1 ? 'ambiguous' : 'unmapped';
const targetsOf = (row: InputRow) => sorted(row.pairs.map((p) => p.target));

describe('uniprot → entrez → ensembl_gene over every accession of the fixture', () => {
  const accessions = distinct(columnOf(uniprot, 'uniprot'));
  // Hand-classified extras: the first three fail the UniProt pattern even after relaxation
  // (invalid); Q99999 fits the pattern but is in no fixture table (unmapped).
  const garbage = {
    XYZ: 'invalid',
    'not-an-id': 'invalid',
    '12345': 'invalid',
    Q99999: 'unmapped',
  };
  const inputs = [...accessions, ...Object.keys(garbage)];
  let rows: InputRow[];
  beforeAll(async () => {
    const text = inputs.join('\n');
    rows = rowsOf(await engine.map({ text, source: 'uniprot', target: 'ensembl_gene' }));
  });

  it('keeps every input in order', () => {
    expect(rows.map((r) => r.input)).toEqual(inputs);
  });

  it('finds exactly the joined (input, target) pairs', () => {
    const actual = rows.flatMap((r) => r.pairs.map((p) => `${r.input} ${p.target}`));
    const expected = accessions.flatMap((a) => expectedEnsembl(a).map((e) => `${a} ${e}`));
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(actual.length).toBe(new Set(actual).size);
  });

  it('gives each input the status its number of distinct targets dictates', () => {
    const expected = inputs.map((input) =>
      input in garbage
        ? garbage[input as keyof typeof garbage]
        : statusFor(expectedEnsembl(input).length),
    );
    expect(rows.map((r) => r.status)).toEqual(expected);
    // The data do hold all three outcomes (e.g. Q13072 of BAGE has no Ensembl gene).
    expect(new Set(expected)).toEqual(new Set(['mapped', 'ambiguous', 'unmapped', 'invalid']));
  });

  it('records a real hop chain input > entrez > target for every pair', () => {
    for (const row of rows) {
      for (const pair of row.pairs) {
        const [source, entrez, target, ...extra] = pair.via.split(' > ');
        expect(extra).toEqual([]);
        expect(source).toBe(row.input);
        expect(target).toBe(pair.target);
        expect(uniprotRows.has(`${source} ${entrez}`), pair.via).toBe(true);
        expect(ensemblRows.has(`${target} ${entrez}`), pair.via).toBe(true);
      }
    }
  });

  it('flags targets reached from two distinct inputs as convergent', () => {
    const reachedBy = new Map<string, number>();
    for (const a of accessions) {
      for (const e of expectedEnsembl(a)) reachedBy.set(e, (reachedBy.get(e) ?? 0) + 1);
    }
    // e.g. P04637 and A0A087WT22 both reach ENSG00000141510 through 7157.
    expect([...reachedBy.values()].some((n) => n > 1)).toBe(true);
    for (const row of rows) {
      for (const pair of row.pairs) {
        const convergent = reachedBy.get(pair.target)! > 1;
        expect(Boolean(pair.flags & PAIR_CONVERGENT), pair.via).toBe(convergent);
      }
      const any = row.pairs.some((p) => reachedBy.get(p.target)! > 1);
      expect(Boolean(row.flags & INPUT_CONVERGENT), row.input).toBe(any);
    }
  });

  it('gives exact two-hop pairs confidence 0.95 / number of targets', () => {
    for (const row of rows) {
      for (const pair of row.pairs) {
        expect(pair.match).toBe('exact');
        expect(pair.confidence).toBeCloseTo(round3(0.95 / row.pairs.length), 5);
      }
    }
    expect(rowFor(rows, 'P04637').pairs[0].confidence).toBeCloseTo(0.95, 5);
    // P0C0L4 names C4A (720) and C4B (721), which have 4 + 5 Ensembl genes.
    expect(expectedEnsembl('P0C0L4')).toHaveLength(9);
    expect(rowFor(rows, 'P0C0L4').pairs[0].confidence).toBeCloseTo(round3(0.95 / 9), 5);
  });
});

describe('symbol → entrez: approved symbols first, aliases as fallback', () => {
  it('maps an approved symbol through genes with match exact', async () => {
    const rows = rowsOf(await engine.map({ text: 'TP53', source: 'symbol', target: 'entrez' }));
    expect(rows[0].pairs.map((p) => [p.target, p.via, p.match])).toEqual([
      [...(entrezOfSymbol.get('TP53') ?? []), 'TP53 > 7157', 'exact'],
    ]);
  });

  it('maps an alias-only symbol through alias, with alias in the match type', async () => {
    const upper = new Set(columnOf(genes, 'symbol').map((s) => s.toUpperCase()));
    for (const alias of ['P53', 'BAR']) expect(upper.has(alias)).toBe(false);
    const result = await engine.map({ text: 'P53 BAR', source: 'symbol', target: 'entrez' });
    const rows = rowsOf(result);
    expect(targetsOf(rows[0])).toEqual(sorted(entrezOfAlias.get('P53')!));
    expect(targetsOf(rows[1])).toEqual(sorted(entrezOfAlias.get('BAR')!));
    expect(rows[1].status).toBe('ambiguous'); // BAR names ADRB2, NR1H4 and BFAR
    for (const pair of rows.flatMap((r) => r.pairs)) expect(pair.match).toContain('alias');
    // alias weight 0.8, one hop, shared among the targets.
    expect(rows[0].pairs[0].confidence).toBeCloseTo(0.8, 5);
    expect(rows[1].pairs[0].confidence).toBeCloseTo(round3(0.8 / rows[1].pairs.length), 5);
  });

  it('gives a symbol that is approved for one gene and an alias of another only the approved gene', async () => {
    expect(entrezOfSymbol.get('ACAT2')).toEqual(['39']);
    expect(sorted(entrezOfAlias.get('ACAT2')!)).toEqual(['39', '8435']);
    const rows = rowsOf(await engine.map({ text: 'ACAT2', source: 'symbol', target: 'entrez' }));
    expect(rows[0].status).toBe('mapped');
    expect(rows[0].pairs.map((p) => [p.target, p.match])).toEqual([['39', 'exact']]);
  });
});

describe('relaxed matches and input clean-up', () => {
  const mapOne = async (text: string, source: string, target = 'entrez') =>
    rowsOf(await engine.map({ text, source, target }))[0];

  it('matches symbols case-insensitively and reports the table spelling', async () => {
    const row = await mapOne('tp53', 'symbol');
    expect(row.pairs.map((p) => [p.target, p.via, p.match])).toEqual([
      ['7157', 'TP53 > 7157', 'case-insensitive'],
    ]);
    expect(row.pairs[0].confidence).toBeCloseTo(0.9, 5);
  });

  it('strips an Ensembl version', async () => {
    const row = await mapOne('ENSG00000141510.17', 'ensembl_gene');
    expect(row.pairs.map((p) => [p.target, p.via, p.match])).toEqual([
      ['7157', 'ENSG00000141510 > 7157', 'version-stripped'],
    ]);
    expect(row.pairs[0].confidence).toBeCloseTo(0.95, 5);
  });

  it('strips a UniProt isoform suffix', async () => {
    const row = await mapOne('P04637-2', 'uniprot');
    expect(row.pairs.map((p) => [p.target, p.via, p.match])).toEqual([
      ['7157', 'P04637 > 7157', 'isoform-stripped'],
    ]);
    expect(row.pairs[0].confidence).toBeCloseTo(0.85, 5);
  });

  it('trims NBSP padding and surrounding quotes from pasted ids', async () => {
    for (const text of ['\u00a0EGFR\u00a0', '"EGFR"', '\u201CEGFR\u201D', 'EG\u200BFR']) {
      const row = await mapOne(text, 'symbol');
      expect(row.input, JSON.stringify(text)).toBe(text);
      expect(
        row.pairs.map((p) => [p.target, p.match]),
        JSON.stringify(text),
      ).toEqual([[entrezOfSymbol.get('EGFR')![0], 'trimmed']]);
    }
  });

  it('keeps duplicates in order with the same pairs, flagged as duplicates', async () => {
    const text = 'P04637\nP38398\nP04637\nP04637';
    const result = await engine.map({ text, source: 'uniprot', target: 'entrez' });
    const rows = rowsOf(result);
    expect(rows.map((r) => r.input)).toEqual(['P04637', 'P38398', 'P04637', 'P04637']);
    expect(rows.map((r) => r.flags & INPUT_DUPLICATE)).toEqual(
      [0, 0, 1, 1].map((f) => f * INPUT_DUPLICATE),
    );
    expect(rows[2].pairs).toEqual(rows[0].pairs);
    expect(rows[3].pairs).toEqual(rows[0].pairs);
    expect(result.summary).toMatchObject({ inputs: 4, distinct: 2, duplicates: 2 });
    // A duplicate is not a second distinct input: no convergence from repeating P04637.
    expect(rows[0].flags & INPUT_CONVERGENT).toBe(0);
  });

  it('ignores blank lines and white-space-only lines', async () => {
    const text = '\n\nP04637\n\n   \n\t\nP38398\n\n';
    const rows = rowsOf(await engine.map({ text, source: 'uniprot', target: 'entrez' }));
    expect(rows.map((r) => r.input)).toEqual(['P04637', 'P38398']);
  });
});
