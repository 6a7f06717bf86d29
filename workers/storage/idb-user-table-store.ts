/**
 * UserTableStore on IndexedDB: the small records (spec, enabled) apart from the file bytes, so
 * listing the tables at start-up never reads the files.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { StoredEntry } from '../engine/tables/table-store';
import { readUserTableRecord } from '../engine/user-tables/stored-record';
import type { UserTableRecord, UserTableStore } from '../engine/user-tables/user-table-store';

/**
 * Reads `key` and lets `decide` write in the same readwrite transaction, so no other tab can
 * write between the read and the write; resolves with the decision once the transaction commits.
 */
function inTransaction<T>(
  store: IDBObjectStore,
  decide: (read: unknown) => T,
  key: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let decision: T;
    const read = store.get(key);
    read.onsuccess = () => {
      decision = decide(read.result);
    };
    const { transaction } = store;
    transaction.oncomplete = () => resolve(decision);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
}

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

  async add(record: UserTableRecord, bytes: Uint8Array): Promise<boolean> {
    const name = record.spec.name;
    const added = await this.#records('readwrite', (store) =>
      inTransaction(
        store,
        (read) => {
          if (read !== undefined) return false;
          store.put(record, name);
          return true;
        },
        name,
      ),
    );
    if (!added) return false;
    try {
      await set(name, bytes, this.#files);
    } catch (error) {
      // A record without its file is no table: take it back, and say why.
      await del(name, this.#records).catch(() => undefined);
      throw error;
    }
    return true;
  }

  update(name: string, change: (stored: UserTableRecord) => UserTableRecord): Promise<boolean> {
    return this.#records('readwrite', (store) =>
      inTransaction(
        store,
        (read) => {
          const stored = readUserTableRecord({ key: name, value: read });
          if (typeof stored === 'string') return false;
          store.put(change(stored), name);
          return true;
        },
        name,
      ),
    );
  }

  async delete(name: string): Promise<void> {
    await del(name, this.#records);
    await del(name, this.#files);
  }
}
