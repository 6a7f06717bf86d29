/**
 * Everything about one mapping session: the catalog, the input, the chosen types, the running job
 * and its last result. Components read these fields and call these methods; they reach the worker
 * only through the state classes, which call the engine client.
 *
 * Wiring goes one way, owner to part: a state class takes what it reads from its owner, and where
 * it reports, in one options object (`new IdsInput({ onChange, onError })`, typed by
 * `IdsInputOptions`), getters included; a class that needs nothing takes no argument. The engine
 * client is a module import everywhere, not an option (tests replace it with `vi.mock`).
 */
import { tick } from 'svelte';
import type {
  CatalogInfo,
  IdTypeId,
  MapRequest,
  MapResult,
  Progress,
  SplitMode,
} from '../../workers/api';
import { engine, type WorkerStamp } from '../worker-client/engine-client';
import { isCancelled, reportUnlessStopped } from '../worker-client/stopped';
import { whenIdle } from '../lib/idle';
import { parsedTables, tablesReadFromFiles } from '../lib/timing';
import { fetchedByRun, missingPackHint } from '../lib/packs';
import { readAcceptedPacks } from '../storage/pack-opt-in';
import { readLastPair, writeLastPair } from '../storage/last-pair';
import { AmbiguityChoice } from './AmbiguityChoice.svelte';
import { WorkKeeper, type WorkToKeep } from './WorkKeeper.svelte';
import { ExtraColumns } from './ExtraColumns.svelte';
import { ResultActions } from './ResultActions.svelte';
import { ManifestLoader } from './ManifestLoader.svelte';
import { RunComparison } from './RunComparison.svelte';
import { IdsInput } from './IdsInput.svelte';
import { AUTO_SOURCE, PathPreview } from './PathPreview.svelte';
import { RunHistory } from './RunHistory.svelte';
import { StoredTables } from './StoredTables.svelte';
import { EngineCache } from './EngineCache.svelte';
import { messageOf } from '../lib/error-message';

const DEFAULT_TARGET: IdTypeId = 'entrez';
const NOTICE_MS = 5000;

/** What a run mapped: the ids (text, or the large paste or file) and the chosen types. */
interface RunInput {
  ids: string | Blob;
  split: SplitMode;
  source: IdTypeId | typeof AUTO_SOURCE;
  target: IdTypeId;
  alsoTargets: IdTypeId[];
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export interface MappingSessionOptions {
  /** A run downloaded a data pack onto this device: other tabs' data panels follow. */
  onPacksChanged?: () => void;
}

export class MappingSession {
  catalog = $state.raw<CatalogInfo | null>(null);

  source = $state<IdTypeId | typeof AUTO_SOURCE>(AUTO_SOURCE);
  target = $state<IdTypeId>(DEFAULT_TARGET);
  /** More target types mapped in the same run, after `target` (#16). */
  alsoTargets = $state<IdTypeId[]>([]);

  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<MapResult | null>(null);
  /** Whether the last result came from a run with source `auto` (then its detection is shown). */
  resultWasAuto = $state(false);
  /** The worker that made the result was restarted, so it can no longer export it. */
  resultStale = $state(false);
  /** Runs whose results are on screen; the summary's `data-run`. */
  runsShown = $state(0);

  error = $state<string | null>(null);
  notice = $state<string | null>(null);

  readonly history = new RunHistory();
  readonly storage = new StoredTables();
  /** What the worker's table cache holds (the cache panel). */
  readonly cache = new EngineCache();
  /** Attribute columns offered for the target type, and the ones ticked for the next run. */
  readonly extraColumns = new ExtraColumns({ onError: (message) => (this.error = message) });
  /** What to do with inputs that reached several targets; applied to the result on screen. */
  readonly ambiguity = new AmbiguityChoice({
    result: () => this.result,
    show: (result) => (this.result = result),
    held: () => this.#resultStamp?.current ?? false,
    onError: (message) => (this.error = message),
    onChosen: (policy) => {
      if (!this.#lastWork) return;
      this.#lastWork = { ...this.#lastWork, policy };
      void this.kept.save(this.#lastWork);
    },
  });
  /** Export and copy the result on screen. */
  readonly actions = new ResultActions({
    result: () => this.result,
    held: () => this.#resultStamp?.current ?? false,
    onError: (message) => (this.error = message),
    notify: (message) => this.#notify(message),
  });
  /** The result on screen compared with the run before it (a diff between data versions). */
  readonly comparison = new RunComparison({ onError: (message) => (this.error = message) });
  /** A run's manifest loaded back: its settings and table set restored, differences listed. */
  readonly manifests = new ManifestLoader({
    catalog: () => this.catalog,
    setCatalog: (catalog) => this.setCatalog(catalog),
    applyWork: (work) => this.applyWork(work),
    setLayout: (layout) => (this.actions.exportLayout = layout),
    onError: (message) => (this.error = message),
  });
  /** The list, types and options, kept on this device after each run and run again next visit. */
  readonly kept = new WorkKeeper();
  #lastWork: WorkToKeep | null = null;
  /** The ids to map (textarea, or a large paste or file). */
  readonly ids = new IdsInput({
    onChange: () => this.preview.scheduleDetection(),
    onError: (message) => (this.error = message),
  });
  /** The paths a run would take, shown before it runs. */
  readonly preview = new PathPreview({
    source: () => this.source,
    target: () => this.target,
    ready: () => this.catalog !== null,
    sample: () => this.ids.sample(),
    split: () => this.ids.rule,
    onError: (message) => (this.error = message),
  });

  types = $derived(this.catalog?.types ?? []);
  canRun = $derived(!this.running && this.ids.reading === null && this.ids.count > 0);

  /**
   * Says that the result on screen belongs to earlier ids or types, changed since its run started
   * (while it ran included); null while it matches them. The next run's result clears it.
   */
  resultOutdated = $derived.by<string | null>(() => {
    const made = this.#resultInput;
    if (!this.result || !made) return null;
    // The same text, or the same large paste or file: compared by value, then by identity.
    const ids = made.ids !== this.ids.content || made.split !== this.ids.split;
    const types =
      made.source !== this.source ||
      made.target !== this.target ||
      made.alsoTargets.join() !== this.alsoTargets.join();
    if (!ids && !types) return null;
    const what = ids && types ? 'ids and types' : ids ? 'ids' : 'types';
    return `These results are for the previous ${what}; run again to update.`;
  });

  /** The worker that made the result: only that one can export it. */
  #resultStamp: WorkerStamp | null = null;
  /** What the result on screen was made from: the ids and types its run started with. */
  #resultInput = $state.raw<RunInput | null>(null);
  #runCount = 0;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingProgress: Progress | null = null;
  #progressFrame = 0;
  readonly #options: MappingSessionOptions;

  constructor(options: MappingSessionOptions = {}) {
    this.#options = options;
  }

  /** Loads the catalog and listens for engine crashes; call once when the app mounts. */
  async start(): Promise<void> {
    engine.onCrash((error) => {
      this.error = error.message;
      this.#markResultStale();
    });
    // Read while the worker starts, and applied as soon as the types are listed: before anyone
    // can choose or type (the user's own choices are never overwritten).
    const kept = this.kept.restore();
    await this.loadCatalog();
    this.#restoreWork(await kept);
    void this.cache.refresh();
    void this.storage.refresh();
    this.#scheduleWarmUp();
  }

  /**
   * Brings back the last visit's list, types and options (the results come back by running them
   * again); only into an empty page whose catalog has loaded.
   */
  #restoreWork(work: WorkToKeep | null): void {
    if (!work || !this.catalog || this.ids.content !== '' || startedTyping()) return;
    this.applyWork(work);
    this.#lastWork = work;
  }

  /**
   * Sets the list (unless `work.ids` is null: then the list stays), the types and the options of
   * `work`: a visit's kept work, or a manifest loaded back (#17). Types this catalog lacks are
   * left as they are.
   */
  applyWork(work: WorkToKeep): void {
    const known = (id: string) => this.types.some((type) => type.id === id);
    this.ids.setSplit(work.split);
    // Set without warming the pair: the last pair's warm-up (#scheduleWarmUp) loads it.
    if (work.source === AUTO_SOURCE || known(work.source)) this.source = work.source;
    if (known(work.target)) this.target = work.target;
    // Kept work comes back as it was stored: each type once (kept-work.ts), known or not.
    this.alsoTargets = work.alsoTargets.filter(
      (type) => known(type) && type !== this.target && type !== this.source,
    );
    void this.preview.refresh();
    void this.extraColumns.refresh(this.target);
    // Kept while the list of extra columns comes: those still offered stay ticked.
    this.extraColumns.selectOnly(work.attributes);
    this.ambiguity.policy = work.policy;
    if (work.ids !== null) void this.ids.restore(work.ids, work.fileName);
  }

  /** (Re)loads the catalog; also how the app recovers when the worker failed while starting. */
  async loadCatalog(): Promise<void> {
    let catalog: CatalogInfo;
    try {
      catalog = await engine.init();
      // Opt-in packs the user accepted on an earlier visit (the worker forgets table options).
      for (const pack of catalog.packs) {
        if (!pack.optIn || !readAcceptedPacks().includes(pack.name)) continue;
        for (const table of pack.tables)
          catalog = await engine.setTableOptions(table, { enabled: true });
      }
    } catch (error) {
      reportUnlessStopped(
        error,
        (message) => (this.error = `Could not load the table catalog: ${message}`),
      );
      return;
    }
    this.setCatalog(catalog);
  }

  /** Takes a catalog the engine returned (e.g. after a table was added or disabled). */
  setCatalog(catalog: CatalogInfo): void {
    this.catalog = catalog;
    const typeIds = catalog.types.map((type) => type.id);
    if (!typeIds.includes(this.target) && typeIds.length > 0) this.target = typeIds[0];
    if (this.source !== AUTO_SOURCE && !typeIds.includes(this.source)) this.source = AUTO_SOURCE;
    const also = this.alsoTargets.filter(
      (type) => typeIds.includes(type) && type !== this.target && type !== this.source,
    );
    if (also.length !== this.alsoTargets.length) this.alsoTargets = also;
    this.preview.scheduleDetection();
    void this.preview.refresh();
    // Tables added, removed, enabled or disabled change which attribute columns exist.
    void this.extraColumns.refresh(this.target);
  }

  /** Shows a problem in the app's error banner. */
  showError(message: string): void {
    this.error = message;
  }

  typeLabel(typeId: IdTypeId | null | undefined): string {
    if (!typeId) return '';
    return this.types.find((type) => type.id === typeId)?.label ?? typeId;
  }

  setSource(source: IdTypeId | typeof AUTO_SOURCE): void {
    this.source = source;
    this.removeTarget(source);
    if (source === AUTO_SOURCE) this.preview.scheduleDetection();
    else void this.preview.refresh();
    this.#warmChosenPair();
  }

  setTarget(target: IdTypeId): void {
    this.target = target;
    this.removeTarget(target);
    void this.preview.refresh();
    void this.extraColumns.refresh(target);
    this.#warmChosenPair();
  }

  /** Maps to `type` too in the next run (after the target and those added before). */
  addTarget(type: IdTypeId): void {
    const taken = [this.target, this.source, ...this.alsoTargets];
    if (taken.includes(type) || !this.types.some((known) => known.id === type)) return;
    this.alsoTargets = [...this.alsoTargets, type];
  }

  removeTarget(type: IdTypeId): void {
    if (this.alsoTargets.includes(type))
      this.alsoTargets = this.alsoTargets.filter((other) => other !== type);
  }

  async run(): Promise<void> {
    if (!this.canRun) return;
    if (!this.catalog) void this.loadCatalog();
    const request: MapRequest = {
      text: this.ids.content,
      split: this.ids.split,
      source: this.source,
      target: this.target,
      alsoTargets: [...this.alsoTargets],
      attributes: this.extraColumns.forRun(this.target),
    };
    const run = ++this.#runCount;
    this.running = true;
    this.error = null;
    this.progress = { phase: 'Starting', done: 0, total: 0 };
    const started = performance.now();
    const startedAt = Date.now();
    try {
      const mapped = await engine.map(request, (progress) => this.#queueProgress(progress));
      const result = await this.ambiguity.forRun(mapped);
      const received = performance.now();
      writeLastPair({ source: result.source, target: result.target });
      this.#lastWork = {
        ids: request.text,
        fileName: this.ids.large?.fileName ?? null,
        split: request.split ?? 'auto',
        source: request.source,
        target: request.target,
        alsoTargets: request.alsoTargets ?? [],
        attributes: request.attributes ?? [],
        policy: this.ambiguity.policy,
      };
      void this.storage.watchWrites(parsedTables(result.timing.phases), startedAt);
      void this.#followPacks(tablesReadFromFiles(result.timing.phases));
      this.#resultStamp = engine.stamp();
      this.comparison.shown(result, this.#resultStamp);
      this.#resultInput = {
        ids: request.text,
        split: request.split ?? 'auto',
        source: request.source,
        target: request.target,
        alsoTargets: request.alsoTargets ?? [],
      };
      this.result = result;
      this.resultStale = false;
      this.resultWasAuto = request.source === AUTO_SOURCE;
      this.running = false;
      this.progress = null;
      // "Render" ends when the results are painted: Svelte's DOM update, then the next frame.
      await tick();
      await nextFrame();
      const shown = performance.now();
      // The timing panel updates, and the work is kept, once the results' frames are done, not in
      // one of them (keeping a 64 MB file has the browser copy it into IndexedDB).
      whenIdle(() => {
        this.history.add(result, received - started, shown - received);
        this.runsShown += 1;
        void this.cache.refresh();
        // The latest: a policy chosen since the run is in it.
        if (this.#lastWork) void this.kept.save(this.#lastWork);
      }, 500);
    } catch (error) {
      if (isCancelled(error)) {
        this.#markResultStale();
        this.#notify('Run cancelled; the engine was restarted with an empty cache.');
        void this.preview.refresh();
        void this.cache.refresh();
      } else {
        const message = messageOf(error);
        this.error = message + missingPackHint(message, this.catalog);
      }
    } finally {
      // A run started while this one was being drawn owns the running state now.
      if (run === this.#runCount) {
        this.running = false;
        this.progress = null;
        this.#pendingProgress = null;
      }
    }
  }

  /** Stops the running job by ending the worker; input and previous results stay. */
  cancel(): void {
    if (this.running) engine.cancel();
  }

  dismissError(): void {
    this.error = null;
  }

  /**
   * Once the page is idle, loads the stored tables of the last pair mapped (previous visit
   * included) into memory: the first run after a reload then costs what a second run does.
   */
  #scheduleWarmUp(): void {
    const pair = readLastPair();
    const known = (id: string) => this.types.some((type) => type.id === id);
    if (!pair || !known(pair.source) || !known(pair.target)) return;
    whenIdle(() => {
      void this.storage.warmUp(pair).then(() => this.cache.refresh());
    });
  }

  /**
   * Once the page is idle after the user chose a pair, loads its best path's tables (those on
   * this device: it downloads nothing), so the run they are about to start finds them in memory —
   * on a first visit too, where no last pair is known (#15: a fresh profile's first run spent
   * ~100 ms loading uniprot).
   */
  #warmChosenPair(): void {
    this.#cancelChosenWarmUp();
    const source = this.source;
    if (source === AUTO_SOURCE || source === this.target) return;
    const pair = { source, target: this.target };
    this.#cancelChosenWarmUp = whenIdle(() => {
      void this.storage.warmUp(pair).then(() => this.cache.refresh());
    });
  }

  #cancelChosenWarmUp: () => void = () => {};

  /** A run fetched a pack on first use: the catalog (the data panel) now says it is here. */
  async #followPacks(read: string[]): Promise<void> {
    if (!this.catalog || !fetchedByRun(this.catalog.packs, read)) return;
    this.#options.onPacksChanged?.();
    try {
      this.setCatalog(await engine.catalog());
    } catch {
      // Only the panel's status is behind; the next pack action or reload brings it up to date.
    }
  }

  // Only one worker exists at a time, so when it stops, whichever one made the result is gone.
  #markResultStale(): void {
    if (this.result) this.resultStale = true;
  }

  // Progress can arrive far faster than the screen refreshes; commit at most once per frame.
  #queueProgress(progress: Progress): void {
    this.#pendingProgress = progress;
    if (this.#progressFrame) return;
    this.#progressFrame = requestAnimationFrame(() => {
      this.#progressFrame = 0;
      if (this.running && this.#pendingProgress) this.progress = this.#pendingProgress;
    });
  }

  #notify(message: string): void {
    clearTimeout(this.#noticeTimer);
    this.notice = message;
    this.#noticeTimer = setTimeout(() => (this.notice = null), NOTICE_MS);
  }
}

/**
 * Whether the user is already at work in the page (a field has the focus): their list or choice
 * is under way, and the kept work would land in the middle of it (a paste half done).
 */
function startedTyping(): boolean {
  const active = globalThis.document?.activeElement;
  return !!active && active !== globalThis.document.body;
}
