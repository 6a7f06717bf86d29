/**
 * The engine's UserTableStore in a folder: the tables `crosswalk import` added (their record and
 * their file's bytes), kept for every later run. Two processes may import at once (shards of a
 * pipeline): a name is claimed by creating its record exclusively, so one of them wins and the
 * other is told the name is taken, as two tabs are in the browser.
 */
import { join } from 'node:path';
import type { StoredEntry } from '../../workers/engine/tables/table-store';
import { fileKeyOf } from '../../workers/engine/user-tables/stored-record';
import {
  claimOutcome,
  intactRecord,
  isDamaged,
  type AddOutcome,
  type UserTableRecord,
  type UserTableStore,
} from '../../workers/engine/user-tables/user-table-store';
import { FsRecords } from './fs-records';

export class FsUserTableStore implements UserTableStore {
  readonly #records: FsRecords;
  readonly #files: FsRecords;

  constructor(dir: string) {
    this.#records = new FsRecords(join(dir, 'user-tables'));
    this.#files = new FsRecords(join(dir, 'user-files'));
  }

  async list(): Promise<StoredEntry[]> {
    // A file that cannot be read is listed by its file name, to be deleted by it.
    return this.#records
      .entries()
      .map(({ key, value, file }) => ({ key: key ?? file, value, rawKey: key ?? { file } }));
  }

  async bytes(record: UserTableRecord): Promise<unknown> {
    return this.#files.get(fileKeyOf(record));
  }

  async add(record: UserTableRecord, bytes: Uint8Array): Promise<AddOutcome> {
    const name = record.spec.name;
    this.#files.set(fileKeyOf(record), bytes);
    const added = this.#records.create(name, record);
    const { outcome, sharesFile } = added
      ? { outcome: 'added' as const, sharesFile: true }
      : claimOutcome(this.#records.get(name), record);
    if (outcome !== 'added' && !sharesFile) this.#files.delete(fileKeyOf(record));
    return added ? 'added' : outcome === 'added' ? 'damaged' : outcome;
  }

  async update(
    name: string,
    change: (stored: UserTableRecord) => UserTableRecord,
  ): Promise<boolean> {
    const stored = intactRecord(name, this.#records.get(name));
    if (stored) this.#records.set(name, change(stored));
    return stored !== null;
  }

  async delete(name: string): Promise<void> {
    const held = intactRecord(name, this.#records.get(name));
    if (held) this.#files.delete(fileKeyOf(held));
    this.#records.delete(name);
  }

  /** Deletes every record and every file, a damaged record's included (`cache --clear`). */
  clear(): void {
    this.#records.clear();
    this.#files.clear();
  }

  async deleteDamaged(rawKey: unknown): Promise<void> {
    if (typeof rawKey === 'object' && rawKey !== null && 'file' in rawKey) {
      this.#records.deleteDamaged(String(rawKey.file));
      return;
    }
    if (typeof rawKey !== 'string' || !isDamaged(rawKey, this.#records.get(rawKey))) return;
    this.#records.delete(rawKey);
    this.#files.delete(rawKey);
  }
}
