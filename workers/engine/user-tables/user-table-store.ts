/**
 * Where the user's own tables (their bytes and column assignment) are kept between visits. Reads
 * return raw values: the engine checks every record (stored-record.ts) before trusting it. Other
 * tabs of the same browser share the store, so writes are made so as never to clobber theirs:
 * adding never overwrites a name, and an update never revives a removed table.
 */
import type { StoredEntry } from '../tables/table-store';
import { readUserTableRecord, type UserTableRecord } from './stored-record';

export type { UserTableRecord };

export interface UserTableStore {
  /** Every record, unchecked, with the key it is filed under. */
  list(): Promise<StoredEntry[]>;
  /** The file's bytes as stored, unchecked (undefined when absent). */
  bytes(name: string): Promise<unknown>;
  /** Files a new table unless that name is taken (by another tab): false then, nothing written. */
  add(record: UserTableRecord, bytes: Uint8Array): Promise<boolean>;
  /**
   * Changes a stored record in one step, `change` getting the record as stored; false (nothing
   * written) when the record is gone (removed in another tab) or is not a record.
   */
  update(name: string, change: (stored: UserTableRecord) => UserTableRecord): Promise<boolean>;
  delete(name: string): Promise<void>;
}

/** In a Map: for Node tests, and where IndexedDB is unavailable (tables last for the visit). */
export class MemoryUserTableStore implements UserTableStore {
  readonly records = new Map<string, unknown>();
  readonly files = new Map<string, unknown>();

  async list(): Promise<StoredEntry[]> {
    return [...this.records].map(([key, value]) => ({ key, value }));
  }

  async bytes(name: string): Promise<unknown> {
    return this.files.get(name);
  }

  async add(record: UserTableRecord, bytes: Uint8Array): Promise<boolean> {
    if (this.records.has(record.spec.name)) return false;
    this.records.set(record.spec.name, record);
    this.files.set(record.spec.name, bytes);
    return true;
  }

  async update(
    name: string,
    change: (stored: UserTableRecord) => UserTableRecord,
  ): Promise<boolean> {
    const stored = readUserTableRecord({ key: name, value: this.records.get(name) });
    if (typeof stored === 'string') return false;
    this.records.set(name, change(stored));
    return true;
  }

  async delete(name: string): Promise<void> {
    this.records.delete(name);
    this.files.delete(name);
  }
}
