/**
 * UserTableStore on IndexedDB: the small records (spec, enabled) apart from the file bytes, so
 * listing the tables at start-up never reads the files.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { StoredEntry } from '../engine/tables/table-store';
import type { UserTableRecord, UserTableStore } from '../engine/user-tables/user-table-store';

export class IdbUserTableStore implements UserTableStore {
  readonly #records: UseStore;
  readonly #files: UseStore;

  constructor(prefix = 'crosswalk') {
    this.#records = createStore(`${prefix}-user-tables`, 'records');
    this.#files = createStore(`${prefix}-user-files`, 'files');
  }

  async list(): Promise<StoredEntry[]> {
    return (await entries<IDBValidKey, unknown>(this.#records)).map(([key, value]) => ({
      key: String(key),
      value,
    }));
  }

  bytes(name: string): Promise<unknown> {
    return get<unknown>(name, this.#files);
  }

  async put(record: UserTableRecord, bytes?: Uint8Array): Promise<void> {
    if (bytes) await set(record.spec.name, bytes, this.#files);
    await set(record.spec.name, record, this.#records);
  }

  async delete(name: string): Promise<void> {
    await del(name, this.#records);
    await del(name, this.#files);
  }
}
