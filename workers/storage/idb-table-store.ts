/**
 * TableStore on IndexedDB through idb-keyval: one record per table holding its typed arrays,
 * plus a small index record so listing never reads the big values. Two databases because an
 * idb-keyval store is one object store per database.
 */
import { clear, createStore, del, entries, get, keys, set, type UseStore } from 'idb-keyval';
import type { StoredTable } from '../engine/tables/stored-layout';
import type { StoredEntry, StoredTableInfo, TableStore } from '../engine/tables/table-store';

export class IdbTableStore implements TableStore {
  readonly #tables: UseStore;
  readonly #index: UseStore;

  constructor(prefix = 'crosswalk') {
    this.#tables = createStore(`${prefix}-tables`, 'tables');
    this.#index = createStore(`${prefix}-table-index`, 'index');
  }

  get(key: string): Promise<StoredTable | undefined> {
    return get<StoredTable>(key, this.#tables);
  }

  async put(stored: StoredTable): Promise<void> {
    await set(stored.key, stored, this.#tables);
    const info: StoredTableInfo = {
      key: stored.key,
      name: stored.name,
      bytes: stored.bytes,
      savedAt: Date.now(),
    };
    await set(stored.key, info, this.#index);
  }

  async delete(key: string): Promise<void> {
    await del(key, this.#tables);
    await del(key, this.#index);
  }

  async list(): Promise<StoredEntry[]> {
    return (await entries<IDBValidKey, unknown>(this.#index)).map(([key, value]) => ({
      key: String(key),
      value,
    }));
  }

  async keys(): Promise<string[]> {
    return (await keys(this.#tables)).map(String);
  }

  async clear(): Promise<void> {
    await clear(this.#tables);
    await clear(this.#index);
  }
}
