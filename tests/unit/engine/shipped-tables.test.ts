/**
 * Bundled tables as the engine meets them shipped packed (#15): a run reads them from their
 * packed files, never parses or stores them, and the parsed copies an earlier version stored in
 * browser storage are deleted (they would never be read again).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CrosswalkEngine } from '../../../workers/engine/engine';
import { toStored } from '../../../workers/engine/tables/stored-layout';
import { MemoryTableStore } from '../../../workers/storage/memory-table-store';
import { fsReadBytes, loadFixtureTable, PUBLIC_DATA_DIR } from './helpers';

async function storedCopy(store: MemoryTableStore, name: string, key: string): Promise<void> {
  const table = await loadFixtureTable('org-hs-eg/uniprot.csv', [
    { name: 'uniprot', type: 'uniprot' },
    { name: 'entrez_id', type: 'entrez' },
  ]);
  await store.put({ ...toStored(key, table), name });
}

describe('bundled tables shipped packed', () => {
  it('are read from their files, never stored, and old stored copies of them go', async () => {
    const store = new MemoryTableStore();
    // What an earlier version stored after parsing the bundled uniprot.csv.gz, and a table of
    // the user's own (a name no bundled table has).
    await storedCopy(store, 'uniprot', 'an-old-uniprot-key');
    await storedCopy(store, 'organs', 'a-user-table-key');
    const engine = new CrosswalkEngine({ readBytes: fsReadBytes, store });
    await engine.init(pathToFileURL(join(PUBLIC_DATA_DIR, 'catalog.json')).href);
    const result = await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    const load = result.timing.phases.find((p) => p.kind === 'load' && p.name === 'uniprot')!;
    expect(load.source).toBe('shipped');
    expect(load.children?.map((c) => c.name)).toEqual(['read', 'decompress', 'wrap', 'index']);
    await engine.loader.flushWrites();
    expect([...store.entries.values()].map((t) => t.name)).toEqual(['organs']);
  });
});
