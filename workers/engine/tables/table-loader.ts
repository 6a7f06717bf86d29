/**
 * Gets a table ready for a path: from memory (the cache), else from the persistent store, else by
 * reading its file — a bundled table's shipped packed form is wrapped as it is (shipped-table.ts),
 * anything else is parsed and its parsed form stored in the background. Storage trouble never
 * fails a run: the table is parsed instead and one notice says why.
 */
import type { Phase, ProgressFn } from '../../api';
import { withAttributes, type Loaded, type TableCache } from './table-cache';
import type { CatalogTable } from './catalog';
import { CrosswalkError, fail } from '../errors';
import { parseTable } from './parse-table';
import { isShipped, readShipped, type Inflate } from './shipped-table';
import { fromStored, toStored, type StoredTable } from './stored-layout';
import { readStoredIndex } from './stored-index';
import type { TableStore } from './table-store';
import type { PackedTable } from './packed-table';

export interface LoadableTable {
  name: string;
  /** Table identity: content hash and parse settings (the store's key too). */
  key: string;
  /** Where the bytes come from, for messages (a URL, or "your file x.csv"). */
  location: string;
  /** The file's bytes; a read with steps of its own (a pack's download) adds them to `steps`. */
  read(steps?: Phase[]): Promise<Uint8Array>;
  spec: CatalogTable;
  /**
   * A bundled table shipped packed: its attribute columns load only when asked for, and it is
   * never written to the store (the service worker's precache already keeps it in packed form).
   */
  shipped?: boolean;
}

/**
 * How long after a run the background writes start: the page is drawing the result then, and on
 * a two-core machine serialising a large table beside it doubled that frame (measured with the
 * long-task tests in tests/e2e/hardening.e2e.ts).
 */
export const WRITE_DELAY_MS = 1000;

export class TableLoader {
  /** Plain-language notices for the next result (storage fell back, an entry was rebuilt). */
  readonly notices: string[] = [];
  readonly #writes = new Set<Promise<void>>();
  readonly #queued: (() => Promise<void>)[] = [];
  #storageBroken = false;
  /** The first storage failure, in words. */
  storageProblem?: string;

  constructor(
    readonly cache: TableCache,
    readonly store?: TableStore,
    readonly inflate?: Inflate,
  ) {}

  /**
   * Loads `table` and builds the edge list `edge` (column names) if given, recording phases. A
   * shipped table comes without its attribute (untyped) columns unless `attributes` is set.
   */
  async load(
    table: LoadableTable,
    phase: Phase,
    onProgress?: ProgressFn,
    edge?: [string, string],
    attributes = false,
  ): Promise<PackedTable> {
    const children = phase.children ?? (phase.children = []);
    const whole = withAttributes(table.key);
    const key = table.shipped && (attributes || this.cache.peek(whole)) ? whole : table.key;
    const { table: packed, source } = await this.cache.get(key, table.name, async () => {
      // The file is read while the store is asked: a first visit then never waits for IndexedDB
      // to open and miss (measured 0.1–0.75 s in a fresh browser profile) before fetching.
      const reading = this.#read(table);
      reading.catch(() => undefined);
      const stored = table.shipped ? null : await this.#fromStore(table, children);
      if (stored) return { table: stored, source: 'persisted' as const };
      return this.#build(table, reading, children, attributes, onProgress);
    });
    if (edge) {
      const start = performance.now();
      packed.edges(packed.columnIndex(edge[0]), packed.columnIndex(edge[1]));
      children.push({ name: 'index', kind: 'load', ms: performance.now() - start });
    }
    phase.source = source;
    if (source === 'parsed' && !this.#storageBroken) this.#persist(table, packed);
    return packed;
  }

  /**
   * Deletes, in the background, the stored parsed copies of the tables `shipped` names: written
   * before bundled tables shipped packed (#15), they are never read again, yet filled the
   * _Stored tables_ panel and the quota. Storage trouble here is only reported.
   */
  dropStoredCopies(shipped: Set<string>): void {
    const store = this.store;
    if (!store || shipped.size === 0) return;
    const drop = (async () => {
      try {
        for (const old of readStoredIndex(await store.list(), []).tables)
          if (shipped.has(old.name)) await store.delete(old.key);
      } catch (error) {
        this.reportStorageFailure(error);
      }
    })();
    this.#writes.add(drop);
    void drop.finally(() => this.#writes.delete(drop));
  }

  /** Resolves once every background write has finished (benchmarks, tests, before clearing). */
  async flushWrites(): Promise<void> {
    this.startWrites(0);
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes]);
  }

  async #fromStore(table: LoadableTable, children: Phase[]): Promise<PackedTable | null> {
    if (!this.store || this.#storageBroken) return null;
    const start = performance.now();
    try {
      const stored = await this.store.get(table.key);
      if (!stored) return null;
      const restored = restore(table.key, stored);
      children.push({
        name: 'read stored',
        kind: 'load',
        ms: performance.now() - start,
        detail: `${stored.bytes} bytes`,
      });
      if ('table' in restored) return restored.table;
      this.notices.push(
        `The stored copy of table "${table.name}" was discarded (${restored.problem}) and rebuilt from its file.`,
      );
      await this.store.delete(table.key).catch(() => undefined);
      return null;
    } catch (error) {
      this.reportStorageFailure(error);
      return null;
    }
  }

  /** The table from its file's bytes: wrapped when shipped packed, else parsed. */
  async #build(
    table: LoadableTable,
    reading: Promise<{ bytes: Uint8Array; ms: number; steps: Phase[] }>,
    children: Phase[],
    attributes: boolean,
    onProgress?: ProgressFn,
  ): Promise<Loaded> {
    onProgress?.({ phase: `reading ${table.name}`, done: 0, total: table.spec.bytes });
    const { bytes, ms, steps } = await reading;
    children.push({
      name: 'read',
      kind: 'load',
      ms,
      detail: `${bytes.length} bytes`,
      ...(steps.length > 0 && { children: steps }),
    });
    if (isShipped(bytes)) {
      // A user's table stored packed (a big file, #19) is cached under one key: all of it.
      const { table: packed, times } = await readShipped(
        table.name,
        bytes,
        attributes || !table.shipped,
        this.inflate,
      );
      children.push({ name: 'decompress', kind: 'load', ms: times.decompress });
      children.push({
        name: 'wrap',
        kind: 'load',
        ms: times.wrap,
        detail: `${packed.columns.length} columns, ${packed.records} records`,
      });
      return { table: packed, source: 'shipped' };
    }
    return { table: await this.#parse(table, bytes, children, onProgress), source: 'parsed' };
  }

  async #parse(
    table: LoadableTable,
    bytes: Uint8Array,
    children: Phase[],
    onProgress?: ProgressFn,
  ): Promise<PackedTable> {
    onProgress?.({ phase: `parsing ${table.name}`, done: 0, total: table.spec.rows });
    const parsed = await parseTable(table.spec, bytes, {
      onProgress: (done, total) => onProgress?.({ phase: `parsing ${table.name}`, done, total }),
    }).catch((error: unknown) => {
      // Out of memory or a description the file does not fit: this table fails, not the run.
      if (error instanceof CrosswalkError) throw error;
      return fail(
        'unreadable-file',
        `Table "${table.name}" could not be parsed (${String(error)}).`,
      );
    });
    children.push({ name: 'decompress', kind: 'load', ms: parsed.times.decompress });
    children.push({
      name: 'parse',
      kind: 'load',
      ms: parsed.times.parse,
      detail: `${parsed.table.stats.rows} rows`,
    });
    return parsed.table;
  }

  async #read(table: LoadableTable): Promise<{ bytes: Uint8Array; ms: number; steps: Phase[] }> {
    const start = performance.now();
    const steps: Phase[] = [];
    try {
      const bytes = await table.read(steps);
      return { bytes, ms: performance.now() - start, steps };
    } catch (error) {
      // One sentence: the reason's own full stop is dropped (it was "add it again.. Paths").
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      return fail(
        'fetch-failed',
        `Could not read table "${table.name}" from ${table.location}: ${reason}.`,
      );
    }
  }

  /**
   * Queues the table's write. Building the stored form (copy and checksum, ~0.5 s for genbank)
   * is synchronous, so it waits until the run that parsed the table has returned its result.
   */
  #persist(table: LoadableTable, packed: PackedTable): void {
    const store = this.store;
    if (!store) return;
    this.#queued.push(() => this.#write(store, table, packed));
  }

  /** Starts the queued writes once the current run has finished (called by the engine). */
  startWrites(delayMs = WRITE_DELAY_MS): void {
    const queued = this.#queued.splice(0);
    if (queued.length === 0) return;
    const started = new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(async () => {
      for (const write of queued) await write();
    });
    this.#writes.add(started);
    void started.finally(() => this.#writes.delete(started));
  }

  #write(store: TableStore, table: LoadableTable, packed: PackedTable): Promise<void> {
    const write = (async () => {
      try {
        await store.put(toStored(table.key, packed));
        // Copies of an older version of the same table are never read again: drop them.
        for (const old of readStoredIndex(await store.list(), []).tables) {
          if (old.name === table.name && old.key !== table.key) await store.delete(old.key);
        }
      } catch (error) {
        this.reportStorageFailure(error);
      }
    })();
    return write;
  }

  /** Records the first storage failure, with one notice for the whole session. */
  reportStorageFailure(error: unknown): void {
    if (this.#storageBroken) return;
    this.#storageBroken = true;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.storageProblem = reason;
    this.notices.push(
      `Browser storage is unavailable (${reason}): tables are parsed again after a reload, and tables you add last for this visit only.`,
    );
  }
}

/** A stored entry that makes the reader throw is damaged, not a sign that storage is broken. */
function restore(key: string, stored: StoredTable): ReturnType<typeof fromStored> {
  try {
    return fromStored(key, stored);
  } catch (error) {
    return { problem: `it could not be read (${String(error)})` };
  }
}
