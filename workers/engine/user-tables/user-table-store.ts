/**
 * Where the user's own tables (their bytes and column assignment) are kept between visits. Reads
 * return raw values: the engine checks every record (stored-record.ts) before trusting it.
 */
import type { CatalogTable } from '../tables/catalog';
import type { StoredEntry } from '../tables/table-store';

export interface UserTableRecord {
  spec: CatalogTable;
  enabled: boolean;
}

export interface UserTableStore {
  /** Every record, unchecked, with the key it is filed under. */
  list(): Promise<StoredEntry[]>;
  /** The file's bytes as stored, unchecked (undefined when absent). */
  bytes(name: string): Promise<unknown>;
  put(record: UserTableRecord, bytes?: Uint8Array): Promise<void>;
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

  async put(record: UserTableRecord, bytes?: Uint8Array): Promise<void> {
    this.records.set(record.spec.name, record);
    if (bytes) this.files.set(record.spec.name, bytes);
  }

  async delete(name: string): Promise<void> {
    this.records.delete(name);
    this.files.delete(name);
  }
}
