/** TableStore in a Map: for Node tests and benchmarks, where there is no IndexedDB. */
import type { StoredTable } from '../engine/tables/stored-layout';
import type { StoredTableInfo, TableStore } from '../engine/tables/table-store';

export class MemoryTableStore implements TableStore {
  readonly entries = new Map<string, StoredTable>();

  async get(key: string): Promise<StoredTable | undefined> {
    return this.entries.get(key);
  }

  async put(stored: StoredTable): Promise<void> {
    // Cloned like IndexedDB does, so the entry never shares arrays with a live table.
    this.entries.set(stored.key, structuredClone(stored));
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async list(): Promise<StoredTableInfo[]> {
    return [...this.entries.values()].map((s) => ({
      key: s.key,
      name: s.name,
      bytes: s.bytes,
      savedAt: 0,
    }));
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}
