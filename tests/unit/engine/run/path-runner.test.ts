import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import {
  columnOf,
  expectCrosswalkError,
  fixtureCatalog,
  loadFixtureEngine,
  multiMap,
  QUIRKS_DIR,
  readCsv,
  round3,
  rowsOf,
  sorted,
} from '../helpers';

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
  // hpa-like.csv as a third kind of table: gene names of its own type, composite UniProt cells.
  engine.register(
    {
      ...fixtureCatalog().tables[0],
      name: 'hpa',
      file: 'hpa-like.csv',
      hash: 'hpa',
      columns: [
        { name: 'gene', type: 'hpa_gene' },
        { name: 'uniprot', type: 'uniprot', separator: ',' },
        { name: 'organ' },
      ],
    },
    pathToFileURL(join(QUIRKS_DIR, 'hpa-like.csv')).href,
  );
});

describe('a three-hop path: hpa_gene → uniprot → entrez → ensembl_gene', () => {
  const hpa = readCsv('quirks/hpa-like.csv');
  const entrezOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'uniprot', 'entrez_id');
  const ensemblOf = multiMap(readCsv('org-hs-eg/ensembl_gene.csv'), 'entrez_id', 'ensembl_gene');
  /** gene → [accession, from a composite cell?] for every hpa-like row of the gene. */
  function accessionsOf(gene: string): [string, boolean][] {
    const cells = columnOf(hpa, 'uniprot').filter((_, i) => columnOf(hpa, 'gene')[i] === gene);
    return cells.flatMap((cell) => {
      const parts = cell.split(',').map((p) => p.trim());
      return parts.map((p): [string, boolean] => [p, parts.length > 1]);
    });
  }
  function expected(gene: string): string[] {
    const out = new Set<string>();
    for (const [accession] of accessionsOf(gene)) {
      for (const entrez of entrezOf.get(accession) ?? []) {
        for (const ensembl of ensemblOf.get(entrez) ?? []) out.add(ensembl);
      }
    }
    return sorted(out);
  }
  const genes = ['TP53', 'C4A', 'AMY1B', 'EGFR', 'KRT8'];

  it('finds the joined targets with a four-element hop chain', async () => {
    const result = await engine.map({
      text: genes.join(' '),
      source: 'hpa_gene',
      target: 'ensembl_gene',
    });
    expect(result.paths.map((p) => p.types)).toEqual([
      ['hpa_gene', 'uniprot', 'entrez', 'ensembl_gene'],
    ]);
    const rows = rowsOf(result);
    for (const row of rows) {
      expect(sorted(row.pairs.map((p) => p.target)), row.input).toEqual(expected(row.input));
      for (const pair of row.pairs) {
        const chain = pair.via.split(' > ');
        expect(chain).toHaveLength(4);
        expect(chain[0]).toBe(row.input);
        expect(accessionsOf(row.input).map(([a]) => a)).toContain(chain[1]);
        expect(entrezOf.get(chain[1])).toContain(chain[2]);
        expect(ensemblOf.get(chain[2])).toContain(chain[3]);
      }
    }
    // KRT8's accession P05787 is not in the UniProt fixture: a valid id left unmapped.
    expect(rows.find((r) => r.input === 'KRT8')!.status).toBe('unmapped');
  });

  it('carries the composite flag of the first hop into the match type and confidence', async () => {
    // EGFR's only row is the composite cell "P00533, Q504U8"; C4A's is the plain cell P0C0L4.
    expect(accessionsOf('EGFR').every(([, composite]) => composite)).toBe(true);
    expect(accessionsOf('C4A').some(([, composite]) => composite)).toBe(false);
    const result = await engine.map({
      text: 'EGFR C4A',
      source: 'hpa_gene',
      target: 'ensembl_gene',
    });
    const [egfr, c4a] = rowsOf(result);
    const hops3 = 0.95 ** 2;
    for (const pair of egfr.pairs) {
      expect(pair.match).toBe('composite');
      expect(pair.confidence).toBeCloseTo(round3((0.9 * hops3) / egfr.pairs.length), 5);
    }
    for (const pair of c4a.pairs) {
      expect(pair.match).toBe('exact');
      expect(pair.confidence).toBeCloseTo(round3(hops3 / expected('C4A').length), 5);
    }
  });
});

describe('pinned paths', () => {
  const entrezOfAlias = multiMap(readCsv('org-hs-eg/alias.csv'), 'alias', 'entrez_id');

  it('runs only the pinned path, with no fallback', async () => {
    const paths = engine.paths('symbol', 'entrez');
    const alias = paths.findIndex((p) => p.steps[0].table === 'alias');
    expect(alias).toBeGreaterThan(0);
    const result = await engine.map({
      text: 'ACAT2 TP53 FXR',
      source: 'symbol',
      target: 'entrez',
      pinnedPath: alias,
    });
    expect(result.paths.map((p) => p.steps[0].table)).toEqual(['alias']);
    const rows = rowsOf(result);
    for (const row of rows) {
      expect(sorted(row.pairs.map((p) => p.target)), row.input).toEqual(
        sorted(entrezOfAlias.get(row.input) ?? []),
      );
      for (const pair of row.pairs) expect(pair.match).toBe('alias');
    }
    expect(rows[0].status).toBe('ambiguous'); // ACAT2 is an alias of 39 and 8435

    const genesOnly = await engine.map({
      text: 'FXR',
      source: 'symbol',
      target: 'entrez',
      pinnedPath: 0,
    });
    expect(rowsOf(genesOnly)[0].status).toBe('unmapped'); // FXR is an alias only
  });

  it('rejects a pinned path that does not exist', async () => {
    await expectCrosswalkError(
      engine.map({ text: 'TP53', source: 'symbol', target: 'entrez', pinnedPath: 7 }),
      'bad-request',
      'Path 8',
    );
  });
});
