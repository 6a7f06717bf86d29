/**
 * The engine's facade, one method per call of the contract (workers/api.ts). It hands each
 * request through the stages, one folder each: `ids/` (parse and type the input), `plan/` (the
 * tables and the paths between types), `tables/` (load, parse, cache and store tables), `run/`
 * (walk the keys along the paths, with fallback), `result/` (assemble, rows, export), plus
 * `user-tables/`. Pure TypeScript — the caller supplies `readBytes` and the stores, so the same
 * class runs in the worker (fetch, IndexedDB) and in Node (fs, memory) for tests, bench and CLI.
 */
import type {
  AmbiguityPolicy,
  AttributeRef,
  CatalogInfo,
  Detection,
  ExportFormat,
  ExportLayout,
  IdCounts,
  MapRequest,
  MapResult,
  PathInfo,
  Phase,
  ProgressFn,
  RunDiff,
  RunManifest,
  SplitMode,
  StorageInfo,
  TablePreview,
  UserTableSpec,
  ImportProgressFn,
  ValidationReport,
} from '../api';
import { TableCache } from './tables/table-cache';
import { parseCatalog, resolveUrl, type CatalogTable } from './tables/catalog';
import { fail } from './errors';
import { detectionOf } from './ids/detect-type';
import { IdReader } from './ids/id-reader';
import { parseInput, readInput } from './ids/parse-input';
import { readIds } from './ids/read-ids';
import { autoTypes, mapRequest } from './map-request';
import type { MapDeps } from './map-target';
import { PairSink } from './run/walk-path';
import { exportParts, exportRows, type ExportOptions } from './result/export';
import { mergeTargets } from './result/merge-targets';
import { buildManifest, recordRun } from './result/manifest';
import { KeptRuns } from './result/kept-runs';
import { diffRuns, exportDiff } from './result/run-diff';
import { reviewFlags, reviewRefs } from './result/reviewed';
import { DEFAULT_MAX_HOPS, findPaths } from './plan/type-graph';
import { countBoth } from '../common/id-tokens';
import { PhaseTimer } from './run/phase-timer';
import type { AssembledResult } from './result/assemble';
import {
  attributeColumns,
  attributeSpec,
  attributesFor,
  type AttributeSource,
} from './result/attributes';
import type { StringDict } from './packed/string-dict';
import type { TableStore } from './tables/table-store';
import { PathRunner } from './run/path-runner';
import { readStoredIndex } from './tables/stored-index';
import { TableLoader } from './tables/table-loader';
import type { Inflate } from './tables/shipped-table';
import type { PackStore } from './tables/pack-store';
import { Packs } from './tables/packs';
import { TableRegistry } from './plan/table-registry';
import { MemoryUserTableStore, type UserTableStore } from './user-tables/user-table-store';
import { UserTables } from './user-tables/user-tables';
import { tableHost } from './user-tables/table-host';

export interface EngineOptions {
  /** Reads a file's bytes: `fetch` in the worker, `fs` in Node. */
  readBytes(url: string): Promise<Uint8Array>;
  cacheBudget?: number;
  /** Persists parsed tables between visits (IndexedDB in the worker); none in plain Node runs. */
  store?: TableStore;
  /** Keeps the user's own tables between visits; in memory when absent. */
  userStore?: UserTableStore;
  /** Keeps data packs' files on this device (Cache Storage in the worker); Node reads them from disk. */
  packStore?: PackStore;
  /**
   * Inflates a gzip member of a shipped table; DecompressionStream when absent. Node passes
   * zlib's (node:zlib `gunzip`): its DecompressionStream took 20–30 ms per uniprot column in a
   * fresh process.
   */
  inflate?: Inflate;
  /**
   * The largest list mapped at once, in UTF-16 code units: MAX_INPUT_CHARS (64 MB) in a tab, whose
   * memory is shared with the page; the command line raises it (a 10-million-id list is ~90 MB).
   */
  maxInputChars?: number;
}

export class CrosswalkEngine {
  readonly cache: TableCache;
  readonly loader: TableLoader;
  readonly userTables: UserTables;
  readonly packs: Packs;
  readonly #registry = new TableRegistry();
  readonly #paths: PathRunner;
  /** The last runs, for their exports, policies, manifests and diffs. */
  readonly #runs = new KeptRuns();
  #version = '';
  #turn: Promise<unknown> = Promise.resolve();
  #nextRun = 1;

  constructor(readonly options: EngineOptions) {
    this.cache = new TableCache(options.cacheBudget);
    this.packs = new Packs(options.packStore);
    this.loader = new TableLoader(this.cache, options.store, options.inflate);
    this.#paths = new PathRunner(this.#registry, this.loader);
    const host = tableHost(this.#registry, this.cache);
    this.userTables = new UserTables(
      host,
      options.userStore ?? new MemoryUserTableStore(),
      this.loader.notices,
      (error) => this.loader.reportStorageFailure(error),
    );
  }

  async init(catalogUrl: string): Promise<CatalogInfo> {
    const bytes = await this.#read(catalogUrl, 'the table catalog');
    const catalog = parseCatalog(bytes, catalogUrl);
    this.#version = catalog.version;
    const tables = catalog.tables.map((spec) => ({ spec, url: resolveUrl(catalogUrl, spec.file) }));
    for (const { spec, url } of tables) this.register(spec, url);
    const shipped = this.#registry.all().filter((t) => t.shipped);
    this.loader.dropStoredCopies(new Set(shipped.map((t) => t.name)));
    await this.packs.init(catalog.packs ?? [], tables);
    await this.userTables.restore();
    return this.catalog();
  }

  /** Registers a bundled table read from `url` (a pack's through the pack store, which keeps it). */
  register(spec: CatalogTable, url: string): void {
    const read =
      spec.pack && this.packs.hasStore
        ? (steps?: Phase[]) => this.packs.read(url, steps)
        : () => this.options.readBytes(url);
    this.#registry.register(spec, url, read, false, spec.enabled ?? true);
  }

  /** Downloads every file of a data pack and keeps it on this device. */
  fetchPack(name: string): Promise<CatalogInfo> {
    return this.#exclusive(async () => {
      if (this.packs.files(name).length === 0)
        fail('bad-request', `There is no data pack "${name}".`);
      await this.packs.fetch(name);
      // Asked for, not needed by a run: no run note about it.
      this.packs.takeFetched();
      return this.catalog();
    });
  }

  /** Removes a data pack's files and stored tables from this device. */
  dropPack(name: string): Promise<CatalogInfo> {
    return this.#exclusive(async () => {
      for (const file of this.packs.files(name)) {
        const table = this.#registry.get(file.table);
        this.cache.dispose(table.key);
        await this.options.store?.delete(table.key).catch(() => undefined);
      }
      await this.packs.drop(name);
      return this.catalog();
    });
  }

  previewTable(file: Blob, fileName: string, delimiter?: string): Promise<TablePreview> {
    return this.userTables.preview(file, fileName, delimiter);
  }

  checkTable(
    file: Blob,
    spec: UserTableSpec,
    onProgress?: ImportProgressFn,
  ): Promise<ValidationReport> {
    return this.userTables.check(file, spec, onProgress);
  }

  addTable(name: string): Promise<CatalogInfo> {
    return this.#exclusive(async () => {
      await this.userTables.add(name);
      return this.catalog();
    });
  }

  removeTable(name: string): Promise<CatalogInfo> {
    return this.#exclusive(() => this.#removeTable(name));
  }

  async #removeTable(name: string): Promise<CatalogInfo> {
    const table = this.#registry.get(name);
    if (!table.user)
      fail('bad-request', `Table "${name}" is bundled with the app; disable it instead.`);
    await this.userTables.remove(name);
    await this.options.store?.delete(table.key).catch(() => undefined);
    return this.catalog();
  }

  setTableOptions(
    name: string,
    options: { enabled?: boolean; priority?: number },
  ): Promise<CatalogInfo> {
    return this.#exclusive(() => this.#setTableOptions(name, options));
  }

  async #setTableOptions(
    name: string,
    options: { enabled?: boolean; priority?: number },
  ): Promise<CatalogInfo> {
    const table = this.#registry.get(name);
    const enabled = options.enabled ?? table.enabled;
    const priority = options.priority ?? table.priority;
    if (!table.user) {
      table.enabled = enabled;
      table.priority = priority;
    } else if (!(await this.userTables.setOptions(name, enabled, priority))) {
      this.cache.dispose(table.key);
      return {
        ...this.catalog(),
        notice: `Table "${name}" was removed in another tab of this browser, so it is gone here too.`,
      };
    }
    return this.catalog();
  }

  /** Re-reads your tables from the store, and the packs kept, after another tab changed them. */
  syncUserTables(): Promise<CatalogInfo> {
    return this.#exclusive(async () => {
      await this.userTables.sync();
      // The packs on this device too: Cache Storage is shared with the other tabs.
      await this.packs.recheck();
      return this.catalog();
    });
  }

  /**
   * Runs `work` once every earlier run and table change has finished, one at a time: a sync
   * from another tab must never unregister a table a run is reading, nor race a removal.
   */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#turn.then(work);
    this.#turn = turn.catch(() => undefined);
    return turn;
  }

  catalog(): CatalogInfo {
    const catalog = this.#registry.catalog(this.#version, (key) => this.cache.has(key));
    const unsaved = this.userTables.unsaved;
    // Without a user-table store (no IndexedDB) nothing you add outlives the visit.
    const persistent = this.options.userStore !== undefined;
    const kept = (name: string) => persistent && !unsaved.has(name);
    return {
      ...catalog,
      tables: catalog.tables.map((t) => (t.user ? { ...t, kept: kept(t.name) } : t)),
      packs: this.packs.info(),
      storageProblem:
        this.loader.storageProblem ??
        (persistent ? undefined : 'this browser offers no IndexedDB here'),
    };
  }

  /** How `auto` reads these ids (the first ones of a list, while the user types). */
  detect(text: string, split?: SplitMode): Detection {
    const input = parseInput(text, split);
    const reader = new IdReader(autoTypes(this.#registry.enabled(), this.packs));
    return detectionOf(readIds(input, 'auto', reader), input.keyOf);
  }

  paths(source: string, target: string, maxHops = DEFAULT_MAX_HOPS): PathInfo[] {
    return findPaths(this.#registry.enabled(), source, target, maxHops).map(
      ({ cost: _cost, ...path }) => path,
    );
  }

  /** The number of ids (result rows) in pasted text or a file of ids by each rule; refuses what `map` would. */
  async countIds(input: string | Blob): Promise<IdCounts> {
    return countBoth(await readInput(input, this.options.maxInputChars));
  }

  map(request: MapRequest, onProgress?: ProgressFn): Promise<MapResult> {
    return this.#exclusive(async () => {
      try {
        return await this.#map(request, onProgress);
      } finally {
        this.loader.startWrites();
      }
    });
  }

  async #map(request: MapRequest, onProgress?: ProgressFn): Promise<MapResult> {
    const deps: MapDeps = {
      maxInputChars: this.options.maxInputChars,
      registry: this.#registry,
      packs: this.packs,
      cache: this.cache,
      runner: this.#paths,
      loader: this.loader,
      reverse: this,
      attributes: (req, target, pairs, timer) =>
        this.#attributes(req.attributes ?? [], target, pairs, timer),
      reviewed: (target, pairs, timer) => this.#reviewed(target, pairs, timer),
    };
    const runId = this.#nextRun++;
    const parts = (await mapRequest(deps, request, onProgress)).map((part) => ({
      runId,
      ...part,
    }));
    const result = mergeTargets(parts);
    this.#runs.keep(runId, parts, recordRun(request, this.#registry, result.timing.phases));
    return result;
  }

  /** Maps distinct keys along `paths` with fallback; used by the round trip. */
  async mapKeys(keys: StringDict, paths: PathInfo[]): Promise<PairSink> {
    const sink = new PairSink(keys.size);
    const pending = Int32Array.from({ length: keys.size }, (_, k) => k);
    const job = { keys, base: 0, pending, sink, used: [] };
    await this.#paths.runWithFallback(paths, job, new PhaseTimer(), []);
    return sink;
  }

  /** The rows of a kept run as a file (a `Blob`, typed for its format), under its policy. */
  exportResult(runId: number, format: ExportFormat, layout: ExportLayout = 'long'): Blob {
    return exportRows(this.#runs.current(runId), format, undefined, layout);
  }

  /**
   * The same file as parts of text, made as they are taken (the command line writes each as it
   * comes: a 10-million-row export is never held whole).
   */
  exportParts(
    runId: number,
    format: ExportFormat,
    options?: ExportOptions,
  ): Generator<string | Uint8Array> {
    return exportParts(this.#runs.current(runId), format, options);
  }

  /** A kept run with `policy` applied (from the run as it came); its exports follow it. */
  applyPolicy(runId: number, policy: AmbiguityPolicy): MapResult {
    return this.#runs.apply(runId, policy);
  }

  /** The record of a kept run for doing it again (#17), under the policy applied to it. */
  async manifest(
    runId: number,
    options: { includeIds: boolean; layout: ExportLayout; appVersion: string },
  ): Promise<RunManifest> {
    const result = this.#runs.current(runId);
    return buildManifest(result, this.#runs.record(runId), { ...options, data: this.#version });
  }

  /** Two kept runs of the same list compared input by input (#17), each under its policy. */
  diffRuns(before: number, after: number): RunDiff {
    const runs = this.#runs;
    return diffRuns(runs.current(before), runs.current(after), {
      before: runs.record(before).tables,
      after: runs.record(after).tables,
    });
  }

  /** Every input's change between two kept runs, as a file. */
  exportDiff(before: number, after: number, format: 'tsv' | 'csv'): Blob {
    return exportDiff(this.#runs.current(before), this.#runs.current(after), format);
  }

  warmUp(source: string, target: string): Promise<string[]> {
    return this.#exclusive(() => this.#warmUp(source, target));
  }

  /**
   * Loads the best path's tables that are on this device — shipped ones (the precache or a fetched
   * pack keeps them) and stored ones — and prepares each step's lookups, in memory already or not.
   * Downloads nothing. Returns the tables it loaded.
   */
  async #warmUp(source: string, target: string): Promise<string[]> {
    const best = findPaths(this.#registry.enabled(), source, target)[0];
    if (!best) return [];
    const tables = best.steps.map((step) => this.#registry.get(step.table));
    // Only a path through a table of yours asks the store which tables it keeps.
    const stored = tables.every((t) => t.shipped)
      ? new Set<string>()
      : new Set(await this.options.store?.keys().catch(() => []));
    const warmed: string[] = [];
    for (const [i, step] of best.steps.entries()) {
      const table = tables[i];
      const pack = table.spec.pack;
      const inMemory = this.cache.has(table.key);
      const here = table.shipped ? !pack || this.packs.onDevice(pack) : stored.has(table.key);
      if (!inMemory && !here) continue;
      const loaded = await this.#paths.load(table, new PhaseTimer(), undefined, [
        step.from,
        step.to,
      ]);
      // The hash table and relaxed-key indexes the run's lookups would build, built now instead.
      loaded.prepareLookups(loaded.columnIndex(step.from));
      if (!inMemory) warmed.push(table.name);
    }
    return warmed;
  }

  async storage(): Promise<StorageInfo> {
    const store = this.options.store;
    const damaged = [...this.userTables.damaged];
    if (!store)
      return {
        available: false,
        tables: [],
        damaged,
        problem: 'this browser offers no IndexedDB here',
      };
    try {
      const index = readStoredIndex(await store.list(), await store.keys());
      return {
        available: !this.loader.storageProblem,
        tables: index.tables,
        damaged: [...index.damaged, ...damaged],
        problem: this.loader.storageProblem,
      };
    } catch (error) {
      return { available: false, tables: [], damaged, problem: String(error) };
    }
  }

  /** Deletes every stored parsed table and every damaged entry; your intact tables stay. */
  clearStorage(): Promise<void> {
    return this.#exclusive(async () => {
      await this.loader.flushWrites();
      // Both, whatever either meets: a failed parsed-table clear must not keep damaged records.
      const [tables, damaged] = await Promise.allSettled([
        this.options.store?.clear(),
        this.userTables.clearDamaged(),
      ]);
      for (const outcome of [tables, damaged])
        if (outcome.status === 'rejected') throw outcome.reason;
    });
  }

  preload(names: string[]): Promise<void> {
    return this.#exclusive(async () => {
      for (const name of names) await this.#paths.load(this.#registry.get(name), new PhaseTimer());
      this.loader.startWrites();
    });
  }

  attributesFor(target: string): AttributeRef[] {
    return attributesFor(this.#registry.enabled(), target);
  }

  async #attributes(
    refs: AttributeRef[],
    target: string,
    pairs: AssembledResult['pairs'],
    timer: PhaseTimer,
  ): Promise<MapResult['attributes']> {
    const sources = await this.#attributeSources(refs, target, timer);
    return timer.time('assembly', 'attribute columns', () => attributeColumns(sources, pairs));
  }

  /** Whether each target is a reviewed entry, where an enabled table says (null: none does). */
  async #reviewed(
    target: string,
    pairs: AssembledResult['pairs'],
    timer: PhaseTimer,
  ): Promise<Uint8Array | null> {
    const refs = reviewRefs(this.#registry.enabled(), target);
    if (refs.length === 0) return null;
    const sources = await this.#attributeSources(refs, target, timer);
    return timer.time('assembly', 'reviewed entries', () =>
      reviewFlags(sources, pairs.target.strings),
    );
  }

  async #attributeSources(
    refs: AttributeRef[],
    target: string,
    timer: PhaseTimer,
  ): Promise<AttributeSource[]> {
    const sources: AttributeSource[] = [];
    for (const ref of refs) {
      const { spec, targetColumn } = attributeSpec(this.#registry.get(ref.table), ref, target);
      const edge: [string, string] = [targetColumn, ref.column];
      const table = await this.#paths.load(spec, timer, undefined, edge, true);
      sources.push({
        ref,
        table,
        targetColumn: table.columnIndex(targetColumn),
        attributeColumn: table.columnIndex(ref.column),
      });
    }
    return sources;
  }

  async #read(url: string, what: string): Promise<Uint8Array> {
    try {
      return await this.options.readBytes(url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('fetch-failed', `Could not read ${what} from ${url}: ${reason}.`);
    }
  }
}
