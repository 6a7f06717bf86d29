/**
 * The engine's TableStore in a folder (the command line's cache, like IndexedDB in the browser):
 * a parsed table is written once in its packed form and read back with no parsing. An index
 * folder holds the small records naming each table, so listing never reads the big ones.
 */
import { join } from 'node:path';
import type { StoredTable } from '../../workers/engine/tables/stored-layout';
import type {
  StoredEntry,
  StoredTableInfo,
  TableStore,
} from '../../workers/engine/tables/table-store';
import { FsRecords } from './fs-records';

export class FsTableStore implements TableStore {
  readonly #tables: FsRecords;
  readonly #index: FsRecords;

  constructor(dir: string) {
    this.#tables = new FsRecords(join(dir, 'tables'));
    this.#index = new FsRecords(join(dir, 'table-index'));
  }

  async get(key: string): Promise<StoredTable | undefined> {
    return this.#tables.get(key) as StoredTable | undefined;
  }

  async put(stored: StoredTable): Promise<void> {
    this.#tables.set(stored.key, stored);
    const info: StoredTableInfo = {
      key: stored.key,
      name: stored.name,
      bytes: stored.bytes,
      savedAt: Date.now(),
    };
    this.#index.set(stored.key, info);
  }

  async delete(key: string): Promise<void> {
    this.#tables.delete(key);
    this.#index.delete(key);
  }

  async list(): Promise<StoredEntry[]> {
    return this.#index.entries().map(({ key, value, file }) => ({ key: key ?? file, value }));
  }

  /** The stored tables' keys: from the small index records, each checked to have its table. */
  async keys(): Promise<string[]> {
    return this.#index.keys().filter((key) => this.#tables.has(key));
  }

  async clear(): Promise<void> {
    this.#tables.clear();
    this.#index.clear();
  }
}
