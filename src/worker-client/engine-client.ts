/**
 * The only UI module that knows a Worker exists. It starts the mapping worker lazily, wraps it with
 * Comlink, and stops it on demand: terminating is the only way to interrupt a running `map()`, so
 * `cancel()` ends the worker and the next call starts a fresh one (re-running `init`).
 *
 * Comlink never settles a call whose worker was terminated or crashed, so every call is raced
 * against the worker's "stopped" promise; callers get an `EngineStoppedError` instead of a hang.
 */
import * as Comlink from 'comlink';
import type {
  AmbiguityPolicy,
  AttributeRef,
  CacheStats,
  CatalogInfo,
  Detection,
  EngineApi,
  ExportFormat,
  ExportLayout,
  IdCounts,
  IdTypeId,
  MapRequest,
  MapResult,
  PathInfo,
  ImportProgressFn,
  Progress,
  ProgressFn,
  RunDiff,
  RunManifest,
  SplitMode,
  StorageInfo,
  TablePreview,
  UserTableSpec,
  ValidationReport,
} from '../../workers/api';

export type StopReason = 'cancelled' | 'crashed';

/** A call ended because its worker was stopped (by `cancel()`) or died. */
export class EngineStoppedError extends Error {
  readonly reason: StopReason;

  constructor(reason: StopReason, message: string) {
    super(message);
    this.name = 'EngineStoppedError';
    this.reason = reason;
  }
}

/** What the client uses of a Worker; tests pass one built on a `MessageChannel`. */
export type EngineWorker = Pick<
  Worker,
  'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'
>;

export interface EngineClientOptions {
  /** Where the worker loads the catalog of bundled tables from. */
  catalogUrl: string;
  /** Starts a mapping worker; the default starts `workers/engine.worker.ts`. */
  startWorker?: () => EngineWorker;
}

function startEngineWorker(): EngineWorker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
  });
}

/** One started worker; a restart creates a new one, so stale calls can never reach a new worker. */
interface WorkerSession {
  worker: EngineWorker;
  remote: Comlink.Remote<EngineApi>;
  ready: Promise<CatalogInfo>;
  stopped: Promise<never>;
  stop: (error: EngineStoppedError) => void;
}

type CrashListener = (error: EngineStoppedError) => void;

/** Marks what one worker made (a result, a checked table): only that worker still holds it. */
export interface WorkerStamp {
  /** False once a newer worker has started: the one that made it is gone, with what it held. */
  readonly current: boolean;
}

export class EngineClient {
  readonly #catalogUrl: string;
  readonly #startWorker: () => EngineWorker;
  #session: WorkerSession | null = null;
  /** Increases every time a worker starts; what an older generation made is gone with it. */
  #generation = 0;
  readonly #crashListeners = new Set<CrashListener>();

  constructor({ catalogUrl, startWorker = startEngineWorker }: EngineClientOptions) {
    this.#catalogUrl = catalogUrl;
    this.#startWorker = startWorker;
  }

  /** A stamp of the worker now running (or the last one, until the next call starts another). */
  stamp(): WorkerStamp {
    const generation = this.#generation;
    const now = () => this.#generation;
    return {
      get current() {
        return now() === generation;
      },
    };
  }

  /** Called when the worker dies on its own (not by `cancel()`), whether or not a call was running. */
  onCrash(listener: CrashListener): () => void {
    this.#crashListeners.add(listener);
    return () => this.#crashListeners.delete(listener);
  }

  /** Starts the worker if needed and returns the catalog it loaded. */
  init(): Promise<CatalogInfo> {
    return this.#call(() => this.#ensureSession().ready);
  }

  catalog(): Promise<CatalogInfo> {
    return this.#call((remote) => remote.catalog());
  }

  detect(text: string, split?: SplitMode): Promise<Detection> {
    return this.#call((remote) => remote.detect(text, split));
  }

  countIds(input: string | Blob): Promise<IdCounts> {
    return this.#call((remote) => remote.countIds(input));
  }

  paths(source: IdTypeId, target: IdTypeId, maxHops?: number): Promise<PathInfo[]> {
    return this.#call((remote) => remote.paths(source, target, maxHops));
  }

  /** Untyped columns of enabled tables that have a column of type `target`. */
  attributesFor(target: IdTypeId): Promise<AttributeRef[]> {
    return this.#call((remote) => remote.attributesFor(target));
  }

  map(request: MapRequest, onProgress?: (progress: Progress) => void): Promise<MapResult> {
    const progressProxy = onProgress ? Comlink.proxy<ProgressFn>(onProgress) : undefined;
    return this.#call((remote) => remote.map(request, progressProxy));
  }

  /** The run's rows as a file the worker built (a `Blob`: the page never touches its bytes). */
  exportResult(runId: number, format: ExportFormat, layout?: ExportLayout): Promise<Blob> {
    return this.#call((remote) => remote.exportResult(runId, format, layout));
  }

  /** Two runs the worker holds, of the same list, compared input by input (#17). */
  diffRuns(before: number, after: number): Promise<RunDiff> {
    return this.#call((remote) => remote.diffRuns(before, after));
  }

  /** Every input's change between two runs, as a file the worker built. */
  exportDiff(before: number, after: number, format: 'tsv' | 'csv'): Promise<Blob> {
    return this.#call((remote) => remote.exportDiff(before, after, format));
  }

  /** The record of a run the worker holds, for doing it again (#17). */
  manifest(
    runId: number,
    options: { includeIds: boolean; layout: ExportLayout; appVersion: string },
  ): Promise<RunManifest> {
    return this.#call((remote) => remote.manifest(runId, options));
  }

  /** The run with an ambiguity policy applied by the worker, which holds it (nothing re-run). */
  applyPolicy(runId: number, policy: AmbiguityPolicy): Promise<MapResult> {
    return this.#call((remote) => remote.applyPolicy(runId, policy));
  }

  cacheStats(): Promise<CacheStats> {
    return this.#call((remote) => remote.cacheStats());
  }

  preload(tables: string[]): Promise<void> {
    return this.#call((remote) => remote.preload(tables));
  }

  /** Loads the stored tables of the best `source → target` path into memory; returns their names. */
  warmUp(source: IdTypeId, target: IdTypeId): Promise<string[]> {
    return this.#call((remote) => remote.warmUp(source, target));
  }

  storage(): Promise<StorageInfo> {
    return this.#call((remote) => remote.storage());
  }

  clearStorage(): Promise<void> {
    return this.#call((remote) => remote.clearStorage());
  }

  previewTable(file: Blob, fileName: string, delimiter?: string): Promise<TablePreview> {
    return this.#call((remote) => remote.previewTable(file, fileName, delimiter));
  }

  /** Checks a table; a big file is read in a stream (#19), its progress going to `onProgress`. */
  checkTable(
    file: Blob,
    spec: UserTableSpec,
    onProgress?: ImportProgressFn,
  ): Promise<ValidationReport> {
    const progressProxy = onProgress ? Comlink.proxy<ImportProgressFn>(onProgress) : undefined;
    return this.#call((remote) => remote.checkTable(file, spec, progressProxy));
  }

  addTable(name: string): Promise<CatalogInfo> {
    return this.#call((remote) => remote.addTable(name));
  }

  removeTable(name: string): Promise<CatalogInfo> {
    return this.#call((remote) => remote.removeTable(name));
  }

  setTableOptions(
    name: string,
    options: { enabled?: boolean; priority?: number },
  ): Promise<CatalogInfo> {
    return this.#call((remote) => remote.setTableOptions(name, options));
  }

  syncUserTables(): Promise<CatalogInfo> {
    return this.#call((remote) => remote.syncUserTables());
  }

  /** Downloads a data pack and keeps it on this device; returns the catalog that says so. */
  fetchPack(name: string): Promise<CatalogInfo> {
    return this.#call((remote) => remote.fetchPack(name));
  }

  /** Removes a data pack from this device (a path that needs it fetches it again). */
  dropPack(name: string): Promise<CatalogInfo> {
    return this.#call((remote) => remote.dropPack(name));
  }

  /** Ends the worker (and whatever it is running) now; the next call starts a new one. */
  cancel(): void {
    this.#stop(new EngineStoppedError('cancelled', 'The run was cancelled.'));
  }

  async #call<T>(use: (remote: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    const session = this.#ensureSession();
    await Promise.race([session.ready, session.stopped]);
    return Promise.race([use(session.remote), session.stopped]);
  }

  #ensureSession(): WorkerSession {
    if (this.#session) return this.#session;

    const worker = this.#startWorker();
    const remote = Comlink.wrap<EngineApi>(worker);
    let stop: (error: EngineStoppedError) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    // Nobody may be waiting when the worker stops; that is not an unhandled rejection.
    stopped.catch(() => {});

    const ready = remote.init(this.#catalogUrl);
    const session: WorkerSession = { worker, remote, ready, stopped, stop };
    this.#session = session;
    this.#generation += 1;

    ready.catch(() => {
      // A worker that could not load its catalog is useless; let the next call try afresh.
      if (this.#session === session) this.#stop(null);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#crash(session, event.message || 'the worker failed to start or threw an error');
    });
    worker.addEventListener('messageerror', () => {
      this.#crash(session, 'a message from the worker could not be read');
    });
    return session;
  }

  #crash(session: WorkerSession, detail: string): void {
    if (this.#session !== session) return;
    const error = new EngineStoppedError(
      'crashed',
      `The mapping engine stopped unexpectedly (${detail}). It will restart on the next action; your input is kept.`,
    );
    this.#stop(error);
    for (const listener of this.#crashListeners) listener(error);
  }

  #stop(error: EngineStoppedError | null): void {
    const session = this.#session;
    if (!session) return;
    this.#session = null;
    if (error) session.stop(error);
    session.worker.terminate();
  }
}

/** The bundled catalog, as an absolute URL (the worker lives elsewhere under `assets/`). */
function bundledCatalogUrl(): string {
  const path = `${import.meta.env.BASE_URL}data/catalog.json`;
  // Outside a page (unit tests importing this module) there is no location to resolve against.
  return globalThis.location ? new URL(path, globalThis.location.href).href : path;
}

/** The app's one engine. */
export const engine = new EngineClient({ catalogUrl: bundledCatalogUrl() });
