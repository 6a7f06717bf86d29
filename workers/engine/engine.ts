/**
 * The executor: registered tables, path planning, lazy table loading through the cache, batch
 * execution with fallback paths, assembly and timing. Pure TypeScript — the caller supplies
 * `readBytes`, so the same class runs in the worker (fetch) and in Node (fs) for tests and bench.
 */
import type {
  AttributeRef,
  CatalogInfo,
  Detection,
  ExportFormat,
  MapRequest,
  MapResult,
  PackedStrings,
  PathInfo,
  ProgressFn,
  StorageInfo,
  TablePreview,
  UserTableSpec,
  ValidationReport,
} from '../api';
import { TableCache } from './cache';
import type { CatalogFile, CatalogTable } from './catalog';
import { detectType, detectionNote } from './detect';
import { excelDateNote, markExcelDates } from './excel-dates';
import { CrosswalkError, fail } from './errors';
import { PairSink, runPath, type ExecPath, type StepTiming } from './executor';
import { exportRows } from './export';
import { DEFAULT_MAX_HOPS, findPaths, typesOf } from './graph';
import { idType } from './id-types';
import { assertPlausibleInput, parseInput } from './input';
import { PhaseTimer, addStepPhases } from './phase-timer';
import { assemble, type AssembledResult } from './result';
import { attributeLabel, attributeValues } from './attributes';
import { roundTripFlags } from './round-trip';
import type { StringDict } from './string-dict';
import type { TableStore } from './storage/table-store';
import type { PackedTable } from './table';
import { TableLoader } from './table-loader';
import { TableRegistry, type Registered } from './table-registry';
import { resolveTypes } from './resolve-types';
import { MemoryUserTableStore, type UserTableStore } from './storage/user-table-store';
import { UserTables, type TableHost } from './user-tables/user-tables';

export interface EngineOptions {
  /** Reads a file's bytes: `fetch` in the worker, `fs` in Node. */
  readBytes(url: string): Promise<Uint8Array>;
  cacheBudget?: number;
  /** Persists parsed tables between visits (IndexedDB in the worker); none in plain Node runs. */
  store?: TableStore;
  /** Keeps the user's own tables between visits; in memory when absent. */
  userStore?: UserTableStore;
}

const KEPT_RUNS = 3;
/** Load failures that skip a table's paths instead of failing the run. */
const UNREADABLE = new Set<string>(['fetch-failed', 'unreadable-file', 'empty-file']);

export class CrosswalkEngine {
  readonly cache: TableCache;
  readonly loader: TableLoader;
  readonly userTables: UserTables;
  readonly #registry = new TableRegistry();
  readonly #runs = new Map<number, MapResult>();
  #version = '';
  #nextRun = 1;

  constructor(readonly options: EngineOptions) {
    this.cache = new TableCache(options.cacheBudget);
    this.loader = new TableLoader(this.cache, options.store);
    const host: TableHost = {
      hasTable: (name) => this.#registry.has(name),
      registerUser: (spec, read, enabled) =>
        this.#registry.register(spec, `your file ${spec.file}`, read, true, enabled),
      unregister: (name) => {
        const table = this.#registry.unregister(name);
        if (table) this.cache.dispose(table.key);
      },
      remember: async (key, name, table) => {
        await this.cache.get(key, name, async () => ({ table, source: 'parsed' }));
      },
    };
    this.userTables = new UserTables(
      host,
      options.userStore ?? new MemoryUserTableStore(),
      this.loader.notices,
      (error) => this.loader.reportStorageFailure(error),
    );
  }

  async init(catalogUrl: string): Promise<CatalogInfo> {
    const bytes = await this.#read(catalogUrl, 'the table catalog');
    let catalog: CatalogFile;
    try {
      catalog = JSON.parse(new TextDecoder().decode(bytes)) as CatalogFile;
    } catch (error) {
      return fail(
        'unreadable-file',
        `The table catalog at ${catalogUrl} is not valid JSON (${String(error)}).`,
      );
    }
    if (!Array.isArray(catalog.tables))
      fail('unreadable-file', `The table catalog at ${catalogUrl} lists no tables.`);
    this.#version = catalog.version;
    for (const table of catalog.tables) this.register(table, resolveUrl(catalogUrl, table.file));
    await this.userTables.restore();
    return this.catalog();
  }

  /** Registers a bundled table read from `url`. */
  register(spec: CatalogTable, url: string): void {
    this.#registry.register(spec, url, () => this.options.readBytes(url), false);
  }

  previewTable(file: Blob, fileName: string, delimiter?: string): Promise<TablePreview> {
    return this.userTables.preview(file, fileName, delimiter);
  }

  checkTable(file: Blob, spec: UserTableSpec): Promise<ValidationReport> {
    return this.userTables.check(file, spec);
  }

  async addTable(name: string): Promise<CatalogInfo> {
    await this.userTables.add(name);
    return this.catalog();
  }

  async removeTable(name: string): Promise<CatalogInfo> {
    const table = this.#registry.get(name);
    if (!table.user)
      fail('bad-request', `Table "${name}" is bundled with the app; disable it instead.`);
    await this.userTables.remove(name);
    await this.options.store?.delete(table.key).catch(() => undefined);
    return this.catalog();
  }

  async setTableOptions(
    name: string,
    options: { enabled?: boolean; priority?: number },
  ): Promise<CatalogInfo> {
    const table = this.#registry.get(name);
    if (options.enabled !== undefined) table.enabled = options.enabled;
    if (options.priority !== undefined) {
      table.priority = options.priority;
      table.spec = { ...table.spec, priority: options.priority };
    }
    if (table.user) await this.userTables.update({ spec: table.spec, enabled: table.enabled });
    return this.catalog();
  }

  catalog(): CatalogInfo {
    return this.#registry.catalog(this.#version, (key) => this.cache.has(key));
  }

  detect(text: string): Detection {
    return detectType(parseInput(text).keys, typesOf(this.#registry.enabled()));
  }

  paths(source: string, target: string, maxHops = DEFAULT_MAX_HOPS): PathInfo[] {
    return findPaths(this.#registry.enabled(), source, target, maxHops).map(
      ({ cost: _cost, ...path }) => path,
    );
  }

  async map(request: MapRequest, onProgress?: ProgressFn): Promise<MapResult> {
    try {
      return await this.#map(request, onProgress);
    } finally {
      this.loader.startWrites();
    }
  }

  async #map(request: MapRequest, onProgress?: ProgressFn): Promise<MapResult> {
    const timer = new PhaseTimer();
    assertPlausibleInput(request.text);
    const input = timer.time('setup', 'read and clean the input ids', () =>
      parseInput(request.text),
    );
    if (input.count === 0)
      fail('bad-request', 'There are no identifiers to map: the input is empty.');

    const { source, target, detection } = timer.time(
      'config',
      'resolve the source and target types',
      () => resolveTypes(request, input.keys, typesOf(this.#registry.enabled())),
    );
    const maxHops = request.maxHops ?? DEFAULT_MAX_HOPS;
    const planned = timer.time('paths', `find paths ${source} → ${target}`, () =>
      findPaths(this.#registry.enabled(), source, target, maxHops),
    );
    if (planned.length === 0) {
      fail(
        'no-path',
        `No path from ${source} to ${target} within ${maxHops} hops over the enabled tables.`,
      );
    }
    let paths: PathInfo[] = planned.map(({ cost: _cost, ...path }) => path);
    if (request.pinnedPath !== undefined) {
      const pinned = paths[request.pinnedPath];
      if (!pinned)
        fail(
          'bad-request',
          `Path ${request.pinnedPath + 1} does not exist for ${source} → ${target}.`,
        );
      paths = [{ ...pinned, index: 0 }];
    }

    const sink = new PairSink(input.keys.size);
    const notes: string[] = [];
    let pending: Int32Array = Int32Array.from({ length: input.keys.size }, (_, k) => k);
    const used: PathInfo[] = [];
    const unreadable = new Map<string, CrosswalkError>();
    for (const path of paths) {
      if (pending.length === 0) break;
      // A table that cannot be read (offline, damaged) costs its paths, not the whole run.
      if (path.steps.some((s) => unreadable.has(s.table))) continue;
      const exec = await this.#prepareOrSkip(
        { ...path, index: used.length },
        timer,
        unreadable,
        onProgress,
      );
      if (!exec) continue;
      used.push(exec.info);
      onProgress?.({
        phase: `mapping via ${exec.info.label}`,
        done: input.keys.size - pending.length,
        total: input.keys.size,
      });
      const before = pending.length;
      const timings: StepTiming[] = [];
      pending = runPath(exec, input.keys, input.keyBits, pending, sink, timings);
      addStepPhases(timer, exec.info, timings);
      if (used.length > 1 && before > pending.length) {
        notes.push(
          `${before - pending.length} ids were mapped only by fallback path ${used.length}: ${exec.info.label}.`,
        );
      }
    }

    if (unreadable.size > 0) {
      if (used.length === 0) throw [...unreadable.values()][0];
      const skipped = paths.filter((p) => p.steps.some((s) => unreadable.has(s.table)));
      notes.push(
        `${[...unreadable.values()].map((e) => e.message).join(' ')} Paths through ${[...unreadable.keys()].join(', ')} were skipped: ${skipped.map((p) => p.label).join('; ')}.`,
      );
    }

    let roundTrip: Uint8Array | undefined;
    if (request.roundTrip) {
      roundTrip = await timer.timeAsync('step', 'round trip back to the source type', () =>
        roundTripFlags(this, sink, source, target, maxHops),
      );
    }
    const excel = markExcelDates(source, input.keys, (k) => sink.keyCount[k] > 0);
    const assembled = timer.time('assembly', 'statuses, convergence, confidence, output', () =>
      assemble({
        input,
        sink,
        sourceType: idType(source),
        paths: used,
        pathLabels: used.map((p) => this.#registry.labels(p)),
        roundTrip,
        excelDate: excel.flags,
      }),
    );
    const repaired = input.keyBits.reduce((n, b) => n + (b ? 1 : 0), 0);
    if (repaired > 0)
      notes.push(`${repaired} ids had stray spaces, quotes or invisible characters removed.`);
    if (excel.keys.length > 0) notes.push(excelDateNote(excel.keys));
    notes.push(...this.loader.notices.splice(0));
    if (detection) notes.unshift(detectionNote(detection, source));
    const attributes = await this.#attributes(
      request.attributes ?? [],
      target,
      assembled.pairs,
      timer,
    );
    const result: MapResult = {
      runId: this.#nextRun++,
      source,
      target,
      detection,
      ...assembled,
      attributes,
      timing: timer.finish(),
      notes,
    };
    this.#runs.set(result.runId, result);
    for (const id of this.#runs.keys()) if (this.#runs.size > KEPT_RUNS) this.#runs.delete(id);
    return result;
  }

  /** Maps distinct keys along `paths` with fallback; used by the round trip. */
  async mapKeys(keys: StringDict, paths: PathInfo[]): Promise<PairSink> {
    const sink = new PairSink(keys.size);
    let pending: Int32Array = Int32Array.from({ length: keys.size }, (_, k) => k);
    const noBits = new Uint8Array(keys.size);
    for (const path of paths) {
      if (pending.length === 0) break;
      const exec = await this.#prepare(path, new PhaseTimer());
      pending = runPath(exec, keys, noBits, pending, sink, []);
    }
    return sink;
  }

  exportResult(runId: number, format: ExportFormat): Uint8Array {
    const result = this.#runs.get(runId);
    if (!result)
      fail('bad-request', `Run ${runId} is no longer kept; run the mapping again to export it.`);
    return exportRows(result, format);
  }

  async warmUp(source: string, target: string): Promise<string[]> {
    const store = this.options.store;
    const best = findPaths(this.#registry.enabled(), source, target)[0];
    if (!store || !best) return [];
    const stored = new Set((await store.list().catch(() => [])).map((t) => t.key));
    const warmed: string[] = [];
    for (const step of best.steps) {
      const table = this.#registry.get(step.table);
      if (!stored.has(table.key) || this.cache.has(table.key)) continue;
      await this.#load(table, new PhaseTimer(), undefined, [step.from, step.to]);
      warmed.push(table.name);
    }
    return warmed;
  }

  async storage(): Promise<StorageInfo> {
    const store = this.options.store;
    if (!store)
      return { available: false, tables: [], problem: 'this browser offers no IndexedDB here' };
    try {
      return {
        available: !this.loader.storageProblem,
        tables: await store.list(),
        problem: this.loader.storageProblem,
      };
    } catch (error) {
      return { available: false, tables: [], problem: String(error) };
    }
  }

  async clearStorage(): Promise<void> {
    await this.loader.flushWrites();
    await this.options.store?.clear();
  }

  async preload(names: string[]): Promise<void> {
    for (const name of names) await this.#load(this.#registry.get(name), new PhaseTimer());
    this.loader.startWrites();
  }

  attributesFor(target: string): AttributeRef[] {
    const refs: AttributeRef[] = [];
    for (const table of this.#registry.enabled()) {
      if (!table.columns.some((c) => c.type === target)) continue;
      for (const c of table.columns) if (!c.type) refs.push({ table: table.name, column: c.name });
    }
    return refs;
  }

  async #attributes(
    refs: AttributeRef[],
    target: string,
    pairs: AssembledResult['pairs'],
    timer: PhaseTimer,
  ): Promise<MapResult['attributes']> {
    const values: PackedStrings[] = [];
    for (const ref of refs) {
      const spec = this.#registry.get(ref.table);
      const targetName = spec.columns.find((c) => c.type === target)?.name;
      if (!targetName || !spec.columns.some((c) => c.name === ref.column && !c.type)) {
        fail(
          'bad-request',
          `Table "${ref.table}" has no attribute column "${ref.column}" for ${target} ids.`,
        );
      }
      const table = await this.#load(spec, timer, undefined, [targetName, ref.column]);
      const source = {
        ref,
        table,
        targetColumn: table.columnIndex(targetName),
        attributeColumn: table.columnIndex(ref.column),
      };
      values.push(
        timer.time('assembly', `attribute column ${attributeLabel(ref)}`, () =>
          attributeValues(source, pairs.target, pairs.count),
        ),
      );
    }
    return { refs, labels: refs.map(attributeLabel), values };
  }

  /** Prepares `path`, or records the table that could not be read and returns null. */
  async #prepareOrSkip(
    path: PathInfo,
    timer: PhaseTimer,
    unreadable: Map<string, CrosswalkError>,
    onProgress?: ProgressFn,
  ): Promise<ExecPath | null> {
    const steps = [];
    for (const step of path.steps) {
      let table: PackedTable;
      try {
        table = await this.#load(this.#registry.get(step.table), timer, onProgress, [
          step.from,
          step.to,
        ]);
      } catch (error) {
        if (!(error instanceof CrosswalkError) || !UNREADABLE.has(error.code)) throw error;
        unreadable.set(step.table, error);
        return null;
      }
      steps.push({ table, from: table.columnIndex(step.from), to: table.columnIndex(step.to) });
    }
    return { info: path, steps };
  }

  async #prepare(path: PathInfo, timer: PhaseTimer, onProgress?: ProgressFn): Promise<ExecPath> {
    const unreadable = new Map<string, CrosswalkError>();
    const exec = await this.#prepareOrSkip(path, timer, unreadable, onProgress);
    if (!exec) throw [...unreadable.values()][0];
    return exec;
  }

  async #load(
    registered: Registered,
    timer: PhaseTimer,
    onProgress?: ProgressFn,
    edge?: [string, string],
  ): Promise<PackedTable> {
    const phase = timer.begin('load', registered.name);
    try {
      return await this.loader.load(registered, phase, onProgress, edge);
    } finally {
      timer.end(phase);
    }
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

function resolveUrl(base: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(base)) return new URL(file, base).href;
  return base.slice(0, base.lastIndexOf('/') + 1) + file;
}
