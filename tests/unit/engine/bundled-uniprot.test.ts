import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackedTable } from '../../../workers/engine/tables/packed-table';
import { readShipped } from '../../../workers/engine/tables/shipped-table';
import { parseCsvText, PUBLIC_DATA_DIR, SOURCE_DATA_DIR } from './helpers';

// Published in public/data/PROVENANCE.md for uniprot.csv.gz: "32,265 rows; 256 accessions map to
// >1 gene; 8,488 genes have >1 accession". The app loads the table shipped packed
// (public/data/uniprot.packed); its CSV source is data/uniprot.csv.gz.
const PUBLISHED = {
  rows: 32_265,
  accessionsWithSeveralGenes: 256,
  genesWithSeveralAccessions: 8_488,
};

const file = join(SOURCE_DATA_DIR, 'uniprot.csv.gz');
let table: PackedTable;

beforeAll(async () => {
  const shipped = new Uint8Array(readFileSync(join(PUBLIC_DATA_DIR, 'uniprot.packed')));
  ({ table } = await readShipped('uniprot', shipped, false));
});

/** Keys of column `from` with more than one distinct target in the engine's edges. */
function keysWithSeveral(from: string, to: string): number {
  const f = table.columnIndex(from);
  const csr = table.edges(f, table.columnIndex(to));
  let count = 0;
  for (let k = 0; k < table.columns[f].dict.size; k++)
    if (csr.start[k + 1] - csr.start[k] > 1) count++;
  return count;
}

describe('the bundled uniprot table, as shipped', () => {
  it('has the published number of rows', () => {
    expect(table.stats.rows).toBe(PUBLISHED.rows);
    expect(table.stats.raggedRows).toBe(0);
  });

  it('has the published one-to-many counts in both directions', () => {
    expect(keysWithSeveral('uniprot', 'entrez_id')).toBe(PUBLISHED.accessionsWithSeveralGenes);
    expect(keysWithSeveral('entrez_id', 'uniprot')).toBe(PUBLISHED.genesWithSeveralAccessions);
    const relation = table.relation(table.columnIndex('uniprot'), table.columnIndex('entrez_id'));
    expect(relation.fromWithSeveral).toBe(PUBLISHED.accessionsWithSeveralGenes);
    expect(relation.toWithSeveral).toBe(PUBLISHED.genesWithSeveralAccessions);
  });

  it('agrees with a plain reading of the gzipped file', () => {
    const { header, rows } = parseCsvText(gunzipSync(readFileSync(file)).toString('utf8'));
    expect(header).toEqual(['uniprot', 'entrez_id']);
    const several = (key: number) => {
      const values = new Map<string, Set<string>>();
      for (const row of rows) {
        const set = values.get(row[key]) ?? new Set<string>();
        set.add(row[1 - key]);
        values.set(row[key], set);
      }
      return [...values.values()].filter((s) => s.size > 1).length;
    };
    expect(rows.length).toBe(table.stats.rows);
    expect(several(0)).toBe(keysWithSeveral('uniprot', 'entrez_id'));
    expect(several(1)).toBe(keysWithSeveral('entrez_id', 'uniprot'));
    // Every row's pair, read back from the shipped arrays.
    const [u, e] = [table.columns[0], table.columns[1]];
    const shippedPairs = new Set<string>();
    for (let r = 0; r < table.records; r++)
      shippedPairs.add(`${u.dict.get(u.ids[r])},${e.dict.get(e.ids[r])}`);
    expect(shippedPairs).toEqual(new Set(rows.map((row) => row.join(','))));
  });
});
