/**
 * UserTableStore on IndexedDB: the small records (spec, enabled) apart from the file bytes, so
 * listing the tables at start-up never reads the files.
 */
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { UserTableRecord, UserTableStore } from '../engine/user-tables/user-table-store';

export class IdbUserTableStore implements UserTableStore {
  readonly #records: UseStore;
  readonly #files: UseStore;

  constructor(prefix = 'crosswalk') {
    this.#records = createStore(`${prefix}-user-tables`, 'records');
    this.#files = createStore(`${prefix}-user-files`, 'files');
  }

  list(): Promise<UserTableRecord[]> {
    return values<UserTableRecord>(this.#records);
  }

  bytes(name: string): Promise<Uint8Array | undefined> {
    return get<Uint8Array>(name, this.#files);
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
