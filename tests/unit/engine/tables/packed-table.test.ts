import { describe, expect, it } from 'vitest';
import type { PackedTable } from '../../../../workers/engine/tables/packed-table';
import {
  columnOf,
  edgeTargets,
  fixtureCatalog,
  loadFixtureTable,
  multiMap,
  readCsv,
  sorted,
} from '../helpers';

const uniprotColumns = () => fixtureCatalog().tables.find((t) => t.name === 'uniprot')!.columns;

/** The key with the most values (ties: first in file order). */
function widest(map: Map<string, string[]>): [string, string[]] {
  let best: [string, string[]] = ['', []];
  for (const entry of map) if (entry[1].length > best[1].length) best = entry;
  return best;
}

/** Original strings a relaxed lookup returns. */
function relaxedHits(table: PackedTable, column: string, transform: string, key: string) {
  const col = table.columnIndex(column);
  const level = table.transformsOf(col).findIndex((t) => t.name === transform) + 1;
  expect(level).toBeGreaterThan(0);
  const hit = table.relaxedLookup(col, level, key);
  if (!hit) return [];
  const [ids, start, end] = hit;
  const out: string[] = [];
  for (let i = start; i < end; i++) out.push(table.columns[col].dict.get(ids[i]));
  return sorted(out);
}

describe('PackedTable.edges over uniprot.csv', () => {
  const csv = readCsv('org-hs-eg/uniprot.csv');
  const genesOf = multiMap(csv, 'uniprot', 'entrez_id');
  const accessionsOf = multiMap(csv, 'entrez_id', 'uniprot');

  it('gives an accession shared by several genes all of its genes', async () => {
    const [accession, genes] = widest(genesOf);
    expect(genes.length).toBeGreaterThan(1); // e.g. P04745: AMY1A, AMY1B, AMY1C
    const table = await loadFixtureTable('org-hs-eg/uniprot.csv', uniprotColumns());
    expect(edgeTargets(table, 'uniprot', 'entrez_id', accession)).toEqual(genes);
  });

  it('gives a gene with several accessions all of its accessions', async () => {
    const [gene, accessions] = widest(accessionsOf);
    expect(accessions.length).toBeGreaterThan(1); // e.g. 7157 (TP53): 7 accessions
    const table = await loadFixtureTable('org-hs-eg/uniprot.csv', uniprotColumns());
    expect(edgeTargets(table, 'entrez_id', 'uniprot', gene)).toEqual(accessions);
  });

  it('matches the raw rows for every key in both directions, in file order', async () => {
    const table = await loadFixtureTable('org-hs-eg/uniprot.csv', uniprotColumns());
    for (const [accession, genes] of genesOf) {
      expect(edgeTargets(table, 'uniprot', 'entrez_id', accession), accession).toEqual(genes);
    }
    for (const [gene, accessions] of accessionsOf) {
      expect(edgeTargets(table, 'entrez_id', 'uniprot', gene), gene).toEqual(accessions);
    }
    const pairs = new Set(csv.rows.map(([u, e]) => `${u} ${e}`));
    const csr = table.edges(0, 1);
    expect(csr.target.length).toBe(pairs.size);
  });

  it('summarises the relation with the counts of the raw rows', async () => {
    const table = await loadFixtureTable('org-hs-eg/uniprot.csv', uniprotColumns());
    const several = (map: Map<string, string[]>) => [...map.values()].filter((v) => v.length > 1);
    const pairs = new Set(csv.rows.map(([u, e]) => `${u} ${e}`));
    const u = table.columnIndex('uniprot');
    const e = table.columnIndex('entrez_id');
    expect(table.relation(u, e)).toEqual({
      from: 'uniprot',
      to: 'entrez_id',
      pairs: pairs.size,
      duplicatePairs: csv.rows.length - pairs.size,
      fromWithSeveral: several(genesOf).length,
      toWithSeveral: several(accessionsOf).length,
    });
  });
});

describe('PackedTable.edges over the quirk files', () => {
  it('collapses repeated rows into one edge (qin-like.csv: FABP4 and TTR appear twice)', async () => {
    const csv = readCsv('quirks/qin-like.csv');
    const genes = columnOf(csv, 'gene');
    const rows = (gene: string) => genes.filter((g) => g === gene).length;
    expect(rows('FABP4')).toBe(2);
    expect(rows('TTR')).toBe(2);
    const table = await loadFixtureTable('quirks/qin-like.csv', [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
    ]);
    expect(edgeTargets(table, 'gene', 'uniprot', 'FABP4')).toEqual(['P15090']);
    expect(edgeTargets(table, 'gene', 'uniprot', 'TTR')).toEqual(['P02766']);
    expect(edgeTargets(table, 'uniprot', 'gene', 'P15090')).toEqual(['FABP4']);
    // P56470 names LGALS4 and Lgals4: two distinct keys, so two edges.
    expect(edgeTargets(table, 'uniprot', 'gene', 'P56470')).toEqual(['LGALS4', 'Lgals4']);
    // Placeholder cells give no edge.
    expect(edgeTargets(table, 'gene', 'uniprot', 'GSTT4')).toEqual([]);
    const uniprots = columnOf(csv, 'uniprot');
    const usable = genes
      .map((g, i) => `${g} ${uniprots[i].trim()}`)
      .filter((_, i) => uniprots[i] !== 'no ID' && uniprots[i] !== 'noUniprot ID');
    const distinctPairs = new Set(usable);
    expect(usable.length - distinctPairs.size).toBe(2); // FABP4/P15090 and TTR/P02766
    const relation = table.relation(table.columnIndex('gene'), table.columnIndex('uniprot'));
    expect(relation.pairs).toBe(distinctPairs.size);
    expect(relation.duplicatePairs).toBe(usable.length - distinctPairs.size);
  });

  it('finds every case variant of a symbol through the case-insensitive relaxation', async () => {
    const table = await loadFixtureTable('quirks/qin-like.csv', [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
    ]);
    const genes = columnOf(readCsv('quirks/qin-like.csv'), 'gene');
    const variants = (key: string) => sorted(new Set(genes.filter((g) => g.toUpperCase() === key)));
    expect(variants('LGALS4')).toEqual(['LGALS4', 'Lgals4']);
    expect(relaxedHits(table, 'gene', 'case-insensitive', 'LGALS4')).toEqual(variants('LGALS4'));
    expect(relaxedHits(table, 'gene', 'case-insensitive', 'AQP7')).toEqual(variants('AQP7'));
    expect(relaxedHits(table, 'gene', 'case-insensitive', 'NOPE')).toEqual([]);
  });

  it('finds every version of an Ensembl gene through the version relaxation', async () => {
    const csv = readCsv('quirks/ensembl-versions.csv');
    const ids = columnOf(csv, 'ensembl_gene');
    const versionsOf = (base: string) =>
      sorted(new Set(ids.filter((id) => id.replace(/\.\d+$/, '') === base)));
    expect(versionsOf('ENSG00000141510')).toHaveLength(3);
    const table = await loadFixtureTable('quirks/ensembl-versions.csv', [
      { name: 'ensembl_gene', type: 'ensembl_gene' },
      { name: 'symbol', type: 'symbol' },
    ]);
    for (const base of ['ENSG00000141510', 'ENSG00000012048']) {
      expect(relaxedHits(table, 'ensembl_gene', 'version-stripped', base)).toEqual(
        versionsOf(base),
      );
    }
    const g = table.columnIndex('ensembl_gene');
    expect(table.relaxedLookup(g, 1, 'ENSG00000012048')).toBeNull(); // exact-ish levels miss
  });
});

describe('relaxed lookups over keys no relaxation changes', () => {
  it('find the key without building an index (uniprot: upper case, no prefix, no isoform)', async () => {
    const csv = readCsv('org-hs-eg/uniprot.csv');
    const accession = columnOf(csv, 'uniprot')[0];
    // The file's accessions are upper case with no suffix: every relaxation leaves them as they are.
    expect(columnOf(csv, 'uniprot').every((a) => /^[A-Z0-9]+$/.test(a))).toBe(true);
    const table = await loadFixtureTable('org-hs-eg/uniprot.csv', uniprotColumns());
    const col = table.columnIndex('uniprot');
    const levels = table.transformsOf(col).length;
    for (let level = 1; level <= levels; level++)
      expect(table.relaxationIsIdentity(col, level)).toBe(true);
    // The input relaxed to upper case (the walk relaxes the input) is the stored accession.
    expect(relaxedHits(table, 'uniprot', 'case-insensitive', accession)).toEqual([accession]);
    expect(relaxedHits(table, 'uniprot', 'case-insensitive', 'Q0NOPE')).toEqual([]);
    expect(table.builtRelaxed()).toEqual([]);
    // A miss with no character any relaxation acts on needs no relaxed lookup at all.
    const bytes = (key: string) => new TextEncoder().encode(key);
    expect(table.cannotRelax(col, bytes('Q0NOPE1'))).toBe(true);
    for (const key of ['q0nope1', 'UniProtKB:Q0NOPE1', 'Q0NOPE1-2', 'Q0NOPÉ1'])
      expect(table.cannotRelax(col, bytes(key)), key).toBe(false);
  });

  it('still build one where some key changes (Ensembl ids with versions)', async () => {
    const table = await loadFixtureTable('quirks/ensembl-versions.csv', [
      { name: 'ensembl_gene', type: 'ensembl_gene' },
      { name: 'symbol', type: 'symbol' },
    ]);
    const g = table.columnIndex('ensembl_gene');
    const version = table.transformsOf(g).findIndex((t) => t.name === 'version-stripped') + 1;
    expect(table.relaxationIsIdentity(g, version)).toBe(false);
    expect(table.relaxationIsIdentity(g, version - 1)).toBe(true);
    // Some key relaxes to another: any input may match through it.
    expect(table.cannotRelax(g, new TextEncoder().encode('ENSG00000141510'))).toBe(false);
    table.relaxedLookup(g, version, 'ENSG00000141510');
    expect(table.builtRelaxed().map(([key]) => key)).toEqual([`${g}:${version}`]);
  });
});
