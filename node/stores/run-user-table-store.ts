/**
 * The user's tables as a `map` run sees them: those `crosswalk import` kept (read from the cache
 * folder, never changed by the run) plus those given with `--table` for this run only (in memory,
 * gone when the process ends: a run never adds to the user's imported tables; the packed form it
 * parsed from such a file is cached, like any parsed table, so the same file is not parsed again).
 */
import type { StoredEntry } from '../../workers/engine/tables/table-store';
import {
  MemoryUserTableStore,
  type AddOutcome,
  type UserTableRecord,
  type UserTableStore,
} from '../../workers/engine/user-tables/user-table-store';

export class RunUserTableStore implements UserTableStore {
  readonly #thisRun = new MemoryUserTableStore();

  constructor(readonly kept: UserTableStore) {}

  async list(): Promise<StoredEntry[]> {
    return [...(await this.kept.list()), ...(await this.#thisRun.list())];
  }

  async bytes(record: UserTableRecord): Promise<unknown> {
    return (await this.#thisRun.bytes(record)) ?? this.kept.bytes(record);
  }

  async add(record: UserTableRecord, bytes: Uint8Array): Promise<AddOutcome> {
    return this.#thisRun.add(record, bytes);
  }

  async update(
    name: string,
    change: (stored: UserTableRecord) => UserTableRecord,
  ): Promise<boolean> {
    // A kept table's options (enabled, priority) change for this run only.
    const mine = await this.#thisRun.update(name, change);
    return mine || (await this.kept.list()).some((entry) => entry.key === name);
  }

  async delete(name: string): Promise<void> {
    await this.#thisRun.delete(name);
  }

  async deleteDamaged(rawKey: unknown): Promise<void> {
    await this.#thisRun.deleteDamaged(rawKey);
  }
}
