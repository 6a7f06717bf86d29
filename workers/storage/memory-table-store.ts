/** TableStore in a Map: for Node tests and benchmarks, where there is no IndexedDB. */
import type { StoredTable } from '../engine/tables/stored-layout';
import type { StoredEntry, StoredTableInfo, TableStore } from '../engine/tables/table-store';

export class MemoryTableStore implements TableStore {
  readonly entries = new Map<string, StoredTable>();
  /** The index entries, apart as in IndexedDB (tests damage or drop them). */
  readonly index = new Map<string, unknown>();

  async get(key: string): Promise<StoredTable | undefined> {
    return this.entries.get(key);
  }

  async put(stored: StoredTable): Promise<void> {
    // Cloned like IndexedDB does, so the entry never shares arrays with a live table.
    this.entries.set(stored.key, structuredClone(stored));
    const info: StoredTableInfo = {
      key: stored.key,
      name: stored.name,
      bytes: stored.bytes,
      savedAt: 0,
    };
    this.index.set(stored.key, info);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
    this.index.delete(key);
  }

  async list(): Promise<StoredEntry[]> {
    return [...this.index].map(([key, value]) => ({ key, value }));
  }

  async keys(): Promise<string[]> {
    return [...this.entries.keys()];
  }

  async clear(): Promise<void> {
    this.entries.clear();
    this.index.clear();
  }
}
