/** Where the user's own tables (their bytes and column assignment) are kept between visits. */
import type { CatalogTable } from '../tables/catalog';

export interface UserTableRecord {
  spec: CatalogTable;
  enabled: boolean;
}

export interface UserTableStore {
  list(): Promise<UserTableRecord[]>;
  bytes(name: string): Promise<Uint8Array | undefined>;
  put(record: UserTableRecord, bytes?: Uint8Array): Promise<void>;
  delete(name: string): Promise<void>;
}

/** In a Map: for Node tests, and where IndexedDB is unavailable (tables last for the visit). */
export class MemoryUserTableStore implements UserTableStore {
  readonly records = new Map<string, UserTableRecord>();
  readonly files = new Map<string, Uint8Array>();

  async list(): Promise<UserTableRecord[]> {
    return [...this.records.values()];
  }

  async bytes(name: string): Promise<Uint8Array | undefined> {
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
