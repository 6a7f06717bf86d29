/**
 * UserTableStore on IndexedDB: the small records (spec, enabled) apart from the file bytes, so
 * listing the tables at start-up never reads the files. Every decision that depends on what
 * another tab may have written (is the name free, is the record still there, still damaged) is
 * read and acted on in one readwrite transaction.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { StoredEntry } from '../engine/tables/table-store';
import { fileKeyOf } from '../engine/user-tables/stored-record';
import {
  claimOutcome,
  intactRecord,
  isDamaged,
  type AddOutcome,
  type UserTableRecord,
  type UserTableStore,
} from '../engine/user-tables/user-table-store';

/**
 * Reads `key` and lets `decide` write in the same readwrite transaction, so no other tab can
 * write between the read and the write; resolves with the decision once the transaction commits.
 */
function inTransaction<T>(
  store: IDBObjectStore,
  key: IDBValidKey,
  decide: (read: unknown) => T,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let decision: T;
    const read = store.get(key);
    read.onsuccess = () => {
      decision = decide(read.result);
    };
    const { transaction } = store;
    transaction.oncomplete = () => resolve(decision);
    // The request's error arrives before the transaction's is set: report the first one known.
    transaction.onerror = transaction.onabort = () =>
      reject(read.error ?? transaction.error ?? new DOMException('aborted', 'AbortError'));
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
    return (await entries<IDBValidKey, unknown>(this.#records)).map(([rawKey, value]) => ({
      key: String(rawKey),
      value,
      rawKey,
    }));
  }

  bytes(record: UserTableRecord): Promise<unknown> {
    return get<unknown>(fileKeyOf(record), this.#files);
  }

  async add(record: UserTableRecord, bytes: Uint8Array): Promise<AddOutcome> {
    const name = record.spec.name;
    // The file first, under a key of its own: a claimed name then always has its file.
    await set(fileKeyOf(record), bytes, this.#files);
    const { outcome, sharesFile } = await this.#records('readwrite', (store) =>
      inTransaction(store, name, (held) => {
        const claim = claimOutcome(held, record);
        if (claim.outcome === 'added') store.put(record, name);
        return claim;
      }),
    );
    if (outcome !== 'added' && !sharesFile)
      await del(fileKeyOf(record), this.#files).catch(() => undefined);
    return outcome;
  }

  update(name: string, change: (stored: UserTableRecord) => UserTableRecord): Promise<boolean> {
    return this.#records('readwrite', (store) =>
      inTransaction(store, name, (read) => {
        const stored = intactRecord(name, read);
        if (stored) store.put(change(stored), name);
        return stored !== null;
      }),
    );
  }

  async delete(name: string): Promise<void> {
    const held = intactRecord(name, await get<unknown>(name, this.#records));
    if (held) await del(fileKeyOf(held), this.#files);
    await del(name, this.#records);
  }

  async room(): Promise<number | undefined> {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    if (estimate?.quota === undefined || estimate.usage === undefined) return undefined;
    return Math.max(0, estimate.quota - estimate.usage);
  }

  async deleteDamaged(rawKey: unknown): Promise<void> {
    const key = rawKey as IDBValidKey;
    const deleted = await this.#records('readwrite', (store) =>
      inTransaction(store, key, (value) => {
        const damaged = isDamaged(rawKey, value);
        if (damaged) store.delete(key);
        return damaged;
      }),
    );
    // A damaged record names no file of its own; an older one's file is under its name.
    if (deleted && typeof rawKey === 'string') await del(rawKey, this.#files);
  }
}
