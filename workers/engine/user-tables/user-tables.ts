/**
 * The user's own lookup files: preview, check (parse + report, nothing registered yet), add
 * (register and keep bytes + column assignment in the store), remove. A bad file rejects with a
 * message naming it and changes nothing.
 */
import { sha256Hex } from '../checksum';
import type {
  DamagedEntryInfo,
  ImportProgressFn,
  TablePreview,
  UserTableSpec,
  ValidationReport,
} from '../../api';
import type { CatalogTable } from '../tables/catalog';
import { fail } from '../errors';
import { parseTable } from '../tables/parse-table';
import type { StoredEntry } from '../tables/table-store';
import {
  MAX_PACKED_BYTES,
  MAX_USER_FILE_BYTES,
  newFileKey,
  readUserTableRecord,
} from './stored-record';
import type { UserTableRecord, UserTableStore } from './user-table-store';
import type { PackedTable } from '../tables/packed-table';
import { previewTable } from './preview';
import { packedColumns } from '../tables/table-layout';
import { tableParts } from './table-parts';
import { bigFileProposal, identity, readingOf } from './table-reading';
import { validationReport } from './report';
import { checkStreamed, type CheckedTable } from './check-streamed';
import { namingFile, readFile, storedBytes } from './file-bytes';
import { noRoomMessage } from './no-room';
import { textSizeOf } from '../streamed/head-sample';

export { MAX_USER_FILE_BYTES };

/** What the engine offers the user tables: registration and the table cache. */
export interface TableHost {
  hasTable(name: string): boolean;
  registerUser(spec: CatalogTable, read: () => Promise<Uint8Array>, enabled: boolean): string;
  unregister(name: string): void;
  remember(key: string, name: string, table: PackedTable): Promise<void>;
  /** The user tables registered now, as their records say. */
  userTables(): UserTableRecord[];
  setOptions(name: string, enabled: boolean, priority: number): void;
}

export class UserTables {
  #checked: CheckedTable | null = null;
  /** Tables added or changed this visit that browser storage did not keep: gone after a reload. */
  readonly unsaved = new Set<string>();
  /** Stored records that could not be used, set aside for this visit (clearDamaged removes them). */
  readonly damaged: DamagedEntryInfo[] = [];
  /** The keys of `damaged` as stored (one may not be a string). */
  readonly #damagedKeys: unknown[] = [];

  constructor(
    readonly host: TableHost,
    readonly store: UserTableStore,
    /** Notes shown with the next result (a saved table that could not be restored). */
    readonly notices: string[],
    /** Storage failing altogether: reported once for the session, with the table store's. */
    readonly onStorageFailure: (error: unknown) => void,
  ) {}

  /**
   * Registers the tables kept from earlier visits; storage trouble becomes a notice, and a
   * damaged record is set aside and named, so every other table still works.
   */
  async restore(): Promise<void> {
    const stored = await this.#readStore(true);
    if (!stored) return;
    for (const record of stored.values()) {
      if (this.host.hasTable(record.spec.name)) {
        this.notices.push(
          `Your table "${record.spec.name}" has the name of a bundled table and was not loaded; add it again under another name.`,
        );
        continue;
      }
      this.#registerStored(record);
    }
  }

  /**
   * The start of a file (only its head is read). A file over the whole-file limit is read in a
   * stream when checked (#19): a recognised one's ID types Crosswalk knows are preselected, so
   * the user sees what it holds and decides before the long read.
   */
  async preview(file: Blob, fileName: string, delimiter?: string): Promise<TablePreview> {
    const preview = await previewTable(file, fileName, delimiter);
    const text = await textSizeOf(file, fileName);
    if (text <= MAX_USER_FILE_BYTES) return preview;
    const streamed = { maxPackedBytes: MAX_PACKED_BYTES };
    if (!preview.format) return { ...preview, streamed };
    return { ...preview, streamed, format: bigFileProposal(preview.format, file.size, text) };
  }

  async check(
    file: Blob,
    request: UserTableSpec,
    onProgress?: ImportProgressFn,
  ): Promise<ValidationReport> {
    // The table checked before goes first: a big one is not held beside the next read.
    this.#checked = null;
    const name = request.name.trim();
    if (!name) fail('bad-request', 'Give the table a name.');
    if (this.host.hasTable(name))
      fail('bad-request', `A table named "${name}" exists already; choose another name.`);
    const reading = readingOf(request);
    const typed = packedColumns(reading).filter((c) => c.type);
    if (typed.length < 2)
      fail(
        'bad-request',
        `Table "${name}" needs at least two columns with an identifier type to map between.`,
      );
    // A recognised file may give one type to several columns (gene2ensembl's RNA and protein
    // RefSeq accessions, HGNC's approved, previous and alias symbols); a generic one may not.
    if (!request.format && new Set(typed.map((c) => c.type)).size < typed.length)
      fail(
        'bad-request',
        `Table "${name}" gives the same type to two columns; each typed column needs its own type.`,
      );
    const fileName = file instanceof File ? file.name : name;
    if ((await textSizeOf(file, fileName)) > MAX_USER_FILE_BYTES) {
      const streamed = await checkStreamed(file, fileName, name, request, onProgress);
      this.#checked = streamed.checked;
      return streamed.report;
    }
    const bytes = await readFile(file, fileName);
    // The whole file, every tier included, for the report; a split file's rows are all counted.
    const { matchBy } = request;
    const { table, builder } = await namingFile(fileName, () =>
      parseTable(
        {
          ...reading,
          name,
          columns: reading.columns.map(({ tier: _tier, ...column }) => column),
          rowFilter: matchBy ? { column: matchBy.column, drop: [] } : undefined,
        },
        bytes,
      ),
    );
    const others = [...builder.filterValues.keys()].filter((v) => !matchBy?.primary.includes(v));
    const spec: CatalogTable = {
      ...reading,
      name,
      label: name,
      file: fileName,
      hash: await sha256Hex(bytes),
      bytes: bytes.length,
      rows: table.stats.rows,
      priority: request.priority ?? 0,
      ...(matchBy ? { matchBy: { ...matchBy, others } } : {}),
      source: `your file ${fileName}`,
      date: new Date().toISOString().slice(0, 10),
      licence: 'yours (kept in this browser only)',
    };
    // The whole-file table is the table itself only when the file is not split into tiers.
    const whole = tableParts(spec).length === 1 ? table : null;
    this.#checked = { spec, bytes, table: whole };
    return validationReport(table);
  }

  /**
   * Registers the checked table and files it. A name another tab filed meanwhile is refused
   * (nothing of theirs is overwritten); when storage fails the table works for this visit only,
   * and `unsaved` says so at once.
   */
  async add(name: string): Promise<void> {
    const checked = this.#checked;
    if (!checked || checked.spec.name !== name)
      fail('bad-request', `Table "${name}" has not been checked yet; load the file again.`);
    if (this.host.hasTable(name)) fail('bad-request', `A table named "${name}" exists already.`);
    await this.#assertRoom(name, checked.bytes.length);
    const record: UserTableRecord = {
      spec: checked.spec,
      enabled: true,
      fileKey: newFileKey(checked.spec),
    };
    const filed = await this.#save(name, 'add', () => this.store.add(record, checked.bytes));
    if (filed === 'taken') {
      fail(
        'bad-request',
        `A table named "${name}" was just added in another tab of this browser; give this one another name and check it again.`,
      );
    }
    if (filed === 'damaged') {
      fail(
        'bad-request',
        `A damaged stored entry holds the name "${name}"; use "Clear stored tables" first, or give this table another name.`,
      );
    }
    const key = this.#register(record, checked.bytes);
    if (checked.table) await this.host.remember(key, name, checked.table);
    this.#checked = null;
  }

  /**
   * Refuses, before writing, a table the browser's storage has no room for, naming what to free:
   * the user's largest tables. A store that cannot say is written to (a failure is then reported).
   */
  async #assertRoom(name: string, bytes: number): Promise<void> {
    const room = await this.store.room?.().catch(() => undefined);
    if (room !== undefined && bytes > room)
      fail('bad-request', noRoomMessage(name, bytes, room, this.host.userTables()));
  }

  async remove(name: string): Promise<void> {
    this.host.unregister(name);
    this.unsaved.delete(name);
    await this.#save(name, 'remove', () => this.store.delete(name));
  }

  /**
   * Changes a table's options here and in the store. False when another tab removed the table
   * meanwhile: it is then removed here too, never revived by this stale change.
   */
  async setOptions(name: string, enabled: boolean, priority: number): Promise<boolean> {
    const kept = await this.#save(name, 'change', () =>
      this.store.update(name, (stored) => ({
        ...stored,
        enabled,
        spec: { ...stored.spec, priority },
      })),
    );
    if (kept === false && !this.unsaved.has(name)) {
      this.host.unregister(name);
      return false;
    }
    this.host.setOptions(name, enabled, priority);
    return true;
  }

  /**
   * Brings the registered user tables in line with the store, after another tab changed it:
   * tables added there appear, removed or replaced ones go, options follow. Tables this visit
   * could not store are left alone. Returns whether anything changed.
   */
  async sync(): Promise<boolean> {
    const stored = await this.#readStore(false);
    if (!stored) return false;
    let changed = false;
    for (const { spec, enabled } of this.host.userTables()) {
      if (this.unsaved.has(spec.name)) continue;
      const now = stored.get(spec.name);
      if (!now || identity(now.spec) !== identity(spec)) {
        this.host.unregister(spec.name);
        changed = true;
      } else if (now.enabled !== enabled || (now.spec.priority ?? 0) !== (spec.priority ?? 0)) {
        this.host.setOptions(spec.name, now.enabled, now.spec.priority ?? 0);
        changed = true;
      }
    }
    for (const record of stored.values()) {
      if (this.host.hasTable(record.spec.name)) continue;
      changed = this.#registerStored(record) || changed;
    }
    return changed;
  }

  /**
   * The store's records, checked: the intact ones by name, the damaged ones set aside (named,
   * and kept by their raw key for clearDamaged). Null when the store cannot be read.
   */
  async #readStore(atStart: boolean): Promise<Map<string, UserTableRecord> | null> {
    let entries: StoredEntry[];
    try {
      entries = await this.store.list();
    } catch (error) {
      if (atStart) this.onStorageFailure(error);
      return null;
    }
    const records = new Map<string, UserTableRecord>();
    const known = new Set(this.damaged.map((entry) => entry.key));
    this.damaged.length = 0;
    this.#damagedKeys.length = 0;
    for (const entry of entries) {
      const record = readUserTableRecord(entry);
      if (typeof record !== 'string') {
        records.set(record.spec.name, record);
        continue;
      }
      this.damaged.push({ store: 'your tables', key: entry.key, problem: record });
      this.#damagedKeys.push(entry.rawKey ?? entry.key);
      if (known.has(entry.key)) continue;
      this.notices.push(
        `The stored record of your table "${entry.key}" is damaged (${record}) and was set aside; your other tables are unaffected. Add its file again to use it; "Clear stored tables" removes the damaged record.`,
      );
    }
    return records;
  }

  /** Registers a checked record; one the registry still refuses is set aside like a damaged one. */
  #registerStored(record: UserTableRecord): boolean {
    try {
      this.#register(record);
      return true;
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      this.damaged.push({ store: 'your tables', key: record.spec.name, problem });
      this.#damagedKeys.push(record.spec.name);
      this.notices.push(`Your table "${record.spec.name}" could not be restored: ${problem}.`);
      return false;
    }
  }

  /**
   * Runs a store write. When storage fails the change holds for this visit only, and a note
   * says so; a table whose adding was not stored is listed as not kept. Resolves with the
   * write's answer (undefined on failure).
   */
  async #save<T>(
    name: string,
    kind: 'add' | 'change' | 'remove',
    write: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      const answer = await write();
      if (kind === 'add') this.unsaved.delete(name);
      return answer;
    } catch (error) {
      this.onStorageFailure(error);
      if (kind === 'add') this.unsaved.add(name);
      this.notices.push(
        {
          add: `Table "${name}" works for this visit, but browser storage failed, so it will not be there after a reload.`,
          change: `The change to table "${name}" holds for this visit, but browser storage failed, so it is undone after a reload.`,
          remove: `Table "${name}" is removed for this visit, but browser storage failed, so it is back after a reload.`,
        }[kind],
      );
      return undefined;
    }
  }

  /**
   * Deletes the records set aside as damaged, each only if it is still damaged (another tab may
   * have put an intact table under that name since); intact tables are never touched.
   */
  async clearDamaged(): Promise<void> {
    for (const rawKey of [...this.#damagedKeys]) await this.store.deleteDamaged(rawKey);
    await this.#readStore(false);
  }

  #register(record: UserTableRecord, bytes?: Uint8Array): string {
    const name = record.spec.name;
    const read = async () => bytes ?? storedBytes(name, await this.store.bytes(record));
    return this.host.registerUser(record.spec, read, record.enabled);
  }
}
