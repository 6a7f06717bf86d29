/**
 * Where the user's own tables (their bytes and column assignment) are kept between visits. Reads
 * return raw values: the engine checks every record (stored-record.ts) before trusting it. Other
 * tabs of the same browser share the store, so writes never clobber theirs: a file is kept under
 * its table's name and content hash (two tabs' files never share a key), a new table claims its
 * name only if it is free, an update never revives a removed table, and only a record that is
 * still damaged is deleted as damaged.
 */
import type { StoredEntry } from '../tables/table-store';
import { fileKeyOf, readUserTableRecord, type UserTableRecord } from './stored-record';

export type { UserTableRecord };

/** What `add` found: the name claimed, taken by an intact table, or held by a damaged record. */
export type AddOutcome = 'added' | 'taken' | 'damaged';

export interface UserTableStore {
  /** Every record, unchecked, with the key it is filed under. */
  list(): Promise<StoredEntry[]>;
  /** The file's bytes as stored for this record, unchecked (undefined when absent). */
  bytes(record: UserTableRecord): Promise<unknown>;
  /** Files the bytes, then claims the name if it is free (nothing of another tab is touched). */
  add(record: UserTableRecord, bytes: Uint8Array): Promise<AddOutcome>;
  /**
   * Changes a stored record in one step, `change` getting the record as stored; false (nothing
   * written) when the record is gone (removed in another tab) or is not a record.
   */
  update(name: string, change: (stored: UserTableRecord) => UserTableRecord): Promise<boolean>;
  /** Deletes a table's file, then its record. */
  delete(name: string): Promise<void>;
  /** Deletes the entry under `rawKey` if it is still damaged (another tab may have re-added it). */
  deleteDamaged(rawKey: unknown): Promise<void>;
  /**
   * Bytes the store may still take (the browser's quota less its usage); undefined when it
   * cannot say. Asked before a table is written, so a failure can say what to free (#19).
   */
  room?(): Promise<number | undefined>;
}

/**
 * What adding `record` meets under its name, given what is held there now (both stores decide
 * so): the name is free, taken by an intact table (`sharesFile` when that table is the very same
 * file, whose bytes must then stay), or held by a damaged record.
 */
export function claimOutcome(
  held: unknown,
  record: UserTableRecord,
): { outcome: AddOutcome; sharesFile: boolean } {
  if (held === undefined) return { outcome: 'added', sharesFile: false };
  const name = record.spec.name;
  const stored = readUserTableRecord({ key: name, value: held, rawKey: name });
  if (typeof stored === 'string') return { outcome: 'damaged', sharesFile: false };
  return { outcome: 'taken', sharesFile: fileKeyOf(stored) === fileKeyOf(record) };
}

/** Whether the entry under `rawKey` holding `value` is damaged (checked again before deleting). */
export function isDamaged(rawKey: unknown, value: unknown): boolean {
  return typeof readUserTableRecord({ key: String(rawKey), value, rawKey }) === 'string';
}

/** The intact record held under `name`, or null (absent or damaged). */
export function intactRecord(name: string, value: unknown): UserTableRecord | null {
  const stored = readUserTableRecord({ key: name, value, rawKey: name });
  return typeof stored === 'string' ? null : stored;
}

/** In a Map: for Node tests, and where IndexedDB is unavailable (tables last for the visit). */
export class MemoryUserTableStore implements UserTableStore {
  readonly records = new Map<unknown, unknown>();
  readonly files = new Map<string, unknown>();
  /** Unlimited unless a test says otherwise. */
  room?: () => Promise<number | undefined>;

  async list(): Promise<StoredEntry[]> {
    return [...this.records].map(([rawKey, value]) => ({ key: String(rawKey), value, rawKey }));
  }

  async bytes(record: UserTableRecord): Promise<unknown> {
    return this.files.get(fileKeyOf(record));
  }

  async add(record: UserTableRecord, bytes: Uint8Array): Promise<AddOutcome> {
    const name = record.spec.name;
    const { outcome } = claimOutcome(this.records.get(name), record);
    if (outcome !== 'added') return outcome;
    this.files.set(fileKeyOf(record), bytes);
    this.records.set(name, record);
    return 'added';
  }

  async update(
    name: string,
    change: (stored: UserTableRecord) => UserTableRecord,
  ): Promise<boolean> {
    const stored = intactRecord(name, this.records.get(name));
    if (!stored) return false;
    this.records.set(name, change(stored));
    return true;
  }

  async delete(name: string): Promise<void> {
    const stored = intactRecord(name, this.records.get(name));
    if (stored) this.files.delete(fileKeyOf(stored));
    this.records.delete(name);
  }

  async deleteDamaged(rawKey: unknown): Promise<void> {
    if (!isDamaged(rawKey, this.records.get(rawKey))) return;
    this.records.delete(rawKey);
    if (typeof rawKey === 'string') this.files.delete(rawKey);
  }
}
