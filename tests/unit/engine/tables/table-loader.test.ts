import { describe, expect, it } from 'vitest';
import { MemoryTableStore } from '../../../../workers/storage/memory-table-store';
import { fsReadBytes, loadFixtureEngine, rowsOf } from '../helpers';

const REQUEST = { text: 'P04637\nP0C0L4\nQ13072\nXYZ', source: 'uniprot', target: 'ensembl_gene' };
/** Reads the catalog only: any table file read fails. */
const catalogOnly = async (url: string): Promise<Uint8Array> => {
  if (url.endsWith('/catalog.json')) return fsReadBytes(url);
  throw new Error(`unexpected read of ${url}`);
};

describe('TableLoader with a persistent store', () => {
  it('stores parsed tables, and a fresh engine maps from the store without reading files', async () => {
    const store = new MemoryTableStore();
    const first = await loadFixtureEngine({ store });
    const parsed = await first.map(REQUEST);
    await first.loader.flushWrites();
    expect([...store.entries.values()].map((s) => s.name).sort()).toEqual([
      'ensembl_gene',
      'uniprot',
    ]);

    const second = await loadFixtureEngine({ store, readBytes: catalogOnly });
    const restored = await second.map(REQUEST);
    const loads = restored.timing.phases.filter((p) => p.kind === 'load');
    expect(loads.map((p) => [p.name, p.source])).toEqual([
      ['uniprot', 'persisted'],
      ['ensembl_gene', 'persisted'],
    ]);
    expect(rowsOf(restored)).toEqual(rowsOf(parsed));
  });

  it('discards a corrupt stored table, rebuilds it from its file and says so', async () => {
    const store = new MemoryTableStore();
    const first = await loadFixtureEngine({ store });
    const parsed = await first.map(REQUEST);
    await first.loader.flushWrites();
    const stored = [...store.entries.values()].find((s) => s.name === 'uniprot')!;
    stored.columns[0].pool[0] ^= 0xff;

    const second = await loadFixtureEngine({ store });
    const result = await second.map(REQUEST);
    const loads = result.timing.phases.filter((p) => p.kind === 'load');
    expect(loads.map((p) => [p.name, p.source])).toEqual([
      ['uniprot', 'parsed'],
      ['ensembl_gene', 'persisted'],
    ]);
    expect(result.notes.join('\n')).toMatch(/stored copy of table "uniprot" was discarded/);
    expect(rowsOf(result)).toEqual(rowsOf(parsed));
  });
});
