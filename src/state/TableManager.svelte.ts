/**
 * The user's own lookup tables: the file being added (its preview, the spec being edited, the
 * engine's report on it) and the options of the tables already in the catalog. Every change to
 * the catalog goes back to the mapping session, which owns it; every failure goes to its error
 * banner, and nothing here is reset by a failure.
 */
import type {
  CatalogInfo,
  IdTypeInfo,
  ImportProgress,
  PackInfo,
  TableInfo,
  TablePreview,
  UserTableSpec,
  ValidationReport,
} from '../../workers/api';
import { engine, type WorkerStamp } from '../worker-client/engine-client';
import { reportUnlessStopped } from '../worker-client/stopped';
import { defaultTableName } from '../../workers/common/table-name';
import {
  BY_PREFIX,
  buildSpec,
  columnType,
  draftColumns,
  draftProblems,
  type ColumnDraft,
  type TableDraft,
} from '../lib/table-spec';
import {
  draftIdTypes,
  formatProblems,
  formatSpec,
  newTypeProblems,
  type IdTypeDraft,
} from '../lib/format-draft';
import { tableNameProblem } from '../../workers/common/table-name';

/** What the table manager needs from the app: the catalog, and where results and errors go. */
export interface TableManagerOptions {
  /** The catalog the types and tables are listed from (owned by the session). */
  catalog: () => CatalogInfo | null;
  /** Takes the catalog the engine returned after a table was added, changed or removed. */
  setCatalog: (catalog: CatalogInfo) => void;
  /** Shows a failure in the app's error banner. */
  onError: (message: string) => void;
  /** The stored tables changed (added, removed, options): other tabs and panels follow. */
  onStoredChange?: () => void;
}

export type TableTask = 'preview' | 'check' | 'add';

export class TableManager {
  file = $state.raw<File | null>(null);
  preview = $state.raw<TablePreview | null>(null);

  name = $state('');
  priority = $state(0);
  delimiter = $state(',');
  /** What the engine detected when the file was picked (an override is sent only if it differs). */
  detectedDelimiter = $state(',');
  columns = $state<ColumnDraft[]>([]);
  /** A long-form file's ID types: which to keep, and as what (#14). */
  idTypes = $state<IdTypeDraft[]>([]);

  report = $state.raw<ValidationReport | null>(null);
  /** The spec (as JSON) the report was made with: a later edit makes the report out of date. */
  #reportSpec = $state<string | null>(null);
  /** The worker that made the report: a restarted one no longer holds the checked table. */
  #reportStamp: WorkerStamp | null = null;

  busy = $state<TableTask | null>(null);
  /** A big file's streamed read while it is checked (#19); null otherwise. */
  progress = $state.raw<ImportProgress | null>(null);
  /** The catalog table whose options or removal are being applied. */
  updating = $state<string | null>(null);
  notice = $state<string | null>(null);

  readonly #options: TableManagerOptions;
  #request = 0;

  constructor(options: TableManagerOptions) {
    this.#options = options;
  }

  types = $derived.by((): IdTypeInfo[] => this.#options.catalog()?.types ?? []);
  tables = $derived.by((): TableInfo[] => this.#options.catalog()?.tables ?? []);
  packs = $derived.by((): PackInfo[] => this.#options.catalog()?.packs ?? []);
  #typeIds = $derived(this.types.map((type) => type.id));

  #draft = $derived.by((): TableDraft => ({
    name: this.name,
    priority: this.priority,
    delimiter: this.delimiter,
    detectedDelimiter: this.detectedDelimiter,
    columns: this.columns,
  }));

  /** The standard file recognised, if any: its spec is the engine's proposal as edited. */
  format = $derived(this.preview?.format ?? null);

  spec = $derived.by((): UserTableSpec => {
    const format = this.format;
    if (!format) return buildSpec(this.#draft);
    const override = this.delimiter !== this.detectedDelimiter ? this.delimiter : undefined;
    return formatSpec(
      format,
      { name: this.name, priority: this.priority, delimiter: override },
      this.columns.map((column) => ({
        name: column.name,
        type: column.choice === BY_PREFIX ? BY_PREFIX : columnType(column),
        split: column.split,
        separator: column.separator,
        manyValued: column.manyValued,
      })),
      this.idTypes,
    );
  });

  /** What stops the table from being checked, in words; checked before any call to the worker. */
  problems = $derived.by((): string[] => {
    if (!this.preview) return [];
    const names = this.tables.map((table) => table.name);
    if (!this.format) return draftProblems(this.#draft, this.#typeIds, names);
    const problems = [tableNameProblem(this.name, names) ?? ''].filter(Boolean);
    problems.push(...newTypeProblems(this.columns, this.idTypes, this.#typeIds));
    return [...problems, ...formatProblems(this.spec)];
  });

  /** The report was made with the spec as it is now (so Add registers what the report shows). */
  reportCurrent = $derived(this.report !== null && this.#reportSpec === JSON.stringify(this.spec));
  canCheck = $derived(this.file !== null && this.busy === null && this.problems.length === 0);
  canAdd = $derived(this.reportCurrent && this.busy === null && this.problems.length === 0);

  /** Reads the start of a picked or dropped file and sets the spec to the engine's suggestions. */
  async pick(file: File): Promise<void> {
    this.#stopStreamedCheck();
    const request = ++this.#request;
    this.busy = 'preview';
    this.notice = null;
    try {
      const preview = await engine.previewTable(file, file.name);
      if (request !== this.#request) return;
      this.file = file;
      this.preview = preview;
      this.delimiter = preview.delimiter;
      this.detectedDelimiter = preview.delimiter;
      this.columns = draftColumns(preview, this.#typeIds);
      this.idTypes = preview.format ? draftIdTypes(preview.format) : [];
      this.name = defaultTableName(
        file.name,
        this.tables.map((table) => table.name),
      );
      this.priority = 0;
      this.report = null;
      this.#reportSpec = null;
    } catch (error) {
      if (request === this.#request) this.#fail('Could not read', file.name, error);
    } finally {
      if (request === this.#request) this.busy = null;
    }
  }

  /**
   * Overrides the delimiter: the preview is read again with it (the columns may change), and a
   * table already checked is checked again.
   */
  async setDelimiter(delimiter: string): Promise<void> {
    this.delimiter = delimiter;
    const file = this.file;
    if (!file) return;
    const request = ++this.#request;
    try {
      const preview = await engine.previewTable(file, file.name, delimiter);
      if (request !== this.#request) return;
      const sameHeader = preview.header.join('\u0000') === this.preview?.header.join('\u0000');
      this.preview = preview;
      if (!sameHeader) this.columns = draftColumns(preview, this.#typeIds);
    } catch (error) {
      if (request === this.#request) this.#fail('Could not read', file.name, error);
      return;
    }
    if (this.report && this.canCheck) void this.check();
  }

  /** Parses the whole file with the spec and shows the engine's report; registers nothing. */
  async check(): Promise<void> {
    const file = this.file;
    if (!file || this.busy !== null || this.problems.length > 0) return;
    const spec = $state.snapshot(this.spec);
    const request = ++this.#request;
    this.busy = 'check';
    this.notice = null;
    this.progress = null;
    const onProgress = this.preview?.streamed
      ? (progress: ImportProgress) => {
          if (request === this.#request) this.progress = progress;
        }
      : undefined;
    try {
      const report = await engine.checkTable(file, spec, onProgress);
      if (request !== this.#request) return;
      this.report = report;
      this.#reportSpec = JSON.stringify(spec);
      this.#reportStamp = engine.stamp();
    } catch (error) {
      if (request === this.#request) this.#fail('Could not check', file.name, error);
    } finally {
      if (request === this.#request) {
        this.busy = null;
        this.progress = null;
      }
    }
  }

  /**
   * Stops a check under way (a big file's long read): the worker is ended, so nothing it read is
   * kept anywhere, and the next call starts a fresh one. The file and its settings stay.
   */
  cancelCheck(): void {
    if (this.busy !== 'check') return;
    const file = this.file;
    this.#request++;
    engine.cancel();
    this.busy = null;
    this.progress = null;
    this.notice = `Cancelled reading ${file?.name ?? 'the file'}: nothing was kept.`;
  }

  /** A big file's read left running would go on for minutes beside the next: it is ended. */
  #stopStreamedCheck(): void {
    if (this.busy === 'check' && this.preview?.streamed) {
      engine.cancel();
      this.busy = null;
      this.progress = null;
    }
  }

  /** Registers the checked table; the catalog (types, tables, paths) then includes it. */
  async add(): Promise<void> {
    if (!this.canAdd) return;
    // The worker was restarted since the check (a cancelled run, a crash): check again first.
    if (!this.#reportStamp?.current) {
      await this.check();
      // A Cancel meanwhile leaves the old report, made by a worker that is gone.
      if (!this.canAdd || !this.#reportStamp?.current) return;
    }
    if (!this.report) return;
    const name = this.spec.name;
    const rows = this.report.rows;
    const request = ++this.#request;
    this.busy = 'add';
    try {
      const catalog = await engine.addTable(name);
      if (request !== this.#request) return;
      this.#options.setCatalog(catalog);
      this.#options.onStoredChange?.();
      this.discard();
      this.notice = `Added “${name}” (${rows.toLocaleString('en-US')} rows). ${keptNote(catalog, name)}`;
    } catch (error) {
      if (request === this.#request) this.#fail('Could not add', name, error);
    } finally {
      if (request === this.#request) this.busy = null;
    }
  }

  /** Forgets the file being added (nothing was registered); a big file's read is stopped. */
  discard(): void {
    this.#stopStreamedCheck();
    this.#request++;
    this.busy = null;
    this.file = null;
    this.preview = null;
    this.columns = [];
    this.idTypes = [];
    this.name = '';
    this.priority = 0;
    this.report = null;
    this.#reportSpec = null;
  }

  setEnabled(name: string, enabled: boolean): Promise<void> {
    return this.#update(name, () => engine.setTableOptions(name, { enabled }));
  }

  setPriority(name: string, priority: number): Promise<void> {
    if (!Number.isInteger(priority)) {
      this.#options.onError(`The priority of ${name} must be a whole number.`);
      return Promise.resolve();
    }
    return this.#update(name, () => engine.setTableOptions(name, { priority }));
  }

  remove(name: string): Promise<void> {
    return this.#update(name, () => engine.removeTable(name), `Removed “${name}”.`);
  }

  /** Another tab changed the stored tables: the list follows what storage holds now. */
  async sync(): Promise<void> {
    if (!this.#options.catalog()) return;
    try {
      this.#options.setCatalog(await engine.syncUserTables());
    } catch (error) {
      reportUnlessStopped(error, (message) =>
        this.#options.onError(`Could not read the tables another tab changed: ${message}`),
      );
    }
  }

  async #update(name: string, call: () => Promise<CatalogInfo>, done?: string): Promise<void> {
    this.updating = name;
    try {
      const catalog = await call();
      this.#options.setCatalog(catalog);
      this.#options.onStoredChange?.();
      // Another tab removed the table meanwhile: say so rather than what was asked.
      const notice = catalog.notice ?? done;
      if (notice) this.notice = notice;
    } catch (error) {
      this.#fail('Could not change', name, error);
    } finally {
      if (this.updating === name) this.updating = null;
    }
  }

  /** Shows a failure in the banner, naming `subject` (a file or table) if the message does not. */
  #fail(action: string, subject: string, error: unknown): void {
    reportUnlessStopped(error, (message) =>
      this.#options.onError(
        message.includes(subject) ? message : `${action} ${subject}: ${message}`,
      ),
    );
  }
}

/** Whether the new table outlives this visit, in words. */
function keptNote(catalog: CatalogInfo, name: string): string {
  if (catalog.tables.find((table) => table.name === name)?.kept !== false)
    return 'It is kept in this browser.';
  const why = catalog.storageProblem ? ` (${catalog.storageProblem})` : '';
  return `It works for this visit only: browser storage failed${why}, so it will be gone after a reload.`;
}
