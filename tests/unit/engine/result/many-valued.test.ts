/**
 * Many-valued relations (#16): a column declared so lists several values for one id that are all
 * meant, so reaching them is `mapped`, with undivided confidence. Expectations come from the
 * files' rows: hpa-like.csv's organs per accession, and the bundled GO annotations' CSV source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../../../../workers/engine/tables/catalog';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import {
  fixtureCatalog,
  fsReadBytes,
  loadFixtureEngine,
  parseCsvText,
  PUBLIC_DATA_DIR,
  QUIRKS_DIR,
  readCsv,
  rowFor,
  rowsOf,
  SOURCE_DATA_DIR,
} from '../helpers';

/** hpa-like.csv: gene, uniprot (`, `-lists), organ (`, `-lists). */
function organsTable(manyValued: boolean): CatalogTable {
  return {
    ...fixtureCatalog().tables[0],
    name: 'organs',
    file: 'hpa-like.csv',
    hash: `organs-${manyValued}`,
    columns: [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot', separator: ', ' },
      { name: 'organ', type: 'organ', separator: ', ', ...(manyValued ? { manyValued } : {}) },
    ],
  };
}

/** The README's match weight: a value split out of a composite cell weighs 0.9. */
const weight = (match: string) => (match.includes('composite') ? 0.9 : 1);

/** Each accession's organs, split as the table declares. */
const organsOf = new Map<string, string[]>();
for (const [, accessions, organs] of readCsv('quirks/hpa-like.csv').rows)
  for (const accession of accessions.split(', '))
    organsOf.set(accession, [...(organsOf.get(accession) ?? []), ...organs.split(', ')]);

async function organsRun(manyValued: boolean, accessions: string[]) {
  const engine = await loadFixtureEngine();
  engine.register(organsTable(manyValued), pathToFileURL(join(QUIRKS_DIR, 'hpa-like.csv')).href);
  return rowsOf(
    await engine.map({ text: accessions.join('\n'), source: 'uniprot', target: 'organ' }),
  );
}

describe('a column declared many-valued', () => {
  const several = [...organsOf].filter(([, organs]) => new Set(organs).size > 1).map(([a]) => a);

  it('makes an id with several of its values mapped, each at full confidence', async () => {
    expect(several.length).toBeGreaterThan(0);
    const rows = await organsRun(true, several);
    for (const accession of several) {
      const row = rowFor(rows, accession);
      expect(row.pairs.map((p) => p.target).sort(), accession).toEqual(
        [...new Set(organsOf.get(accession))].sort(),
      );
      expect(row.status).toBe('mapped');
      for (const pair of row.pairs) expect(pair.confidence).toBeCloseTo(weight(pair.match), 3);
    }
  });

  it('leaves the same relation ambiguous when it is not declared so', async () => {
    const rows = await organsRun(false, several);
    for (const accession of several) {
      const row = rowFor(rows, accession);
      expect(row.status).toBe('ambiguous');
      const n = row.pairs.length;
      for (const pair of row.pairs) expect(pair.confidence).toBeCloseTo(weight(pair.match) / n, 3);
    }
  });
});

describe('the bundled GO annotations', () => {
  const go = parseCsvText(
    gunzipSync(readFileSync(join(SOURCE_DATA_DIR, 'go.csv.gz'))).toString('utf8'),
  );
  const termsOf = new Map<string, Set<string>>();
  for (const [entrez, term] of go.rows)
    termsOf.set(entrez, (termsOf.get(entrez) ?? new Set()).add(term));

  it('give a gene all its GO terms as mapped', async () => {
    const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
    await engine.init(pathToFileURL(join(PUBLIC_DATA_DIR, 'catalog.json')).href);
    const genes = ['7157', '672', '1956'];
    const rows = rowsOf(
      await engine.map({ text: genes.join('\n'), source: 'entrez', target: 'go' }),
    );
    for (const gene of genes) {
      const row = rowFor(rows, gene);
      expect(termsOf.get(gene)!.size, gene).toBeGreaterThan(1);
      expect(new Set(row.pairs.map((p) => p.target))).toEqual(termsOf.get(gene));
      expect(row.status).toBe('mapped');
      for (const pair of row.pairs) expect(pair.confidence).toBeCloseTo(1, 5);
    }
  });

  it('leave a name of several genes ambiguous: their terms are not one answer', async () => {
    const alias = parseCsvText(
      gunzipSync(readFileSync(join(SOURCE_DATA_DIR, 'alias.csv.gz'))).toString('utf8'),
    );
    const genes = new Set(alias.rows.filter(([name]) => name === 'BAR').map((row) => row[1]));
    const annotated = [...genes].filter((gene) => termsOf.has(gene));
    expect(annotated.length).toBeGreaterThan(1);
    const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
    await engine.init(pathToFileURL(join(PUBLIC_DATA_DIR, 'catalog.json')).href);
    const [row] = rowsOf(await engine.map({ text: 'BAR', source: 'symbol', target: 'go' }));
    expect(row.status).toBe('ambiguous');
    const terms = new Set(annotated.flatMap((gene) => [...termsOf.get(gene)!]));
    expect(new Set(row.pairs.map((p) => p.target))).toEqual(terms);
  });
});
