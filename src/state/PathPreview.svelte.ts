/**
 * The paths a run would take, shown before it runs: for the chosen source type, or in `auto`
 * mode for the type detected on the first ids (detected again shortly after the ids change).
 */
import type { Detection, IdTypeId, PathInfo, SplitMode } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { reportUnlessStopped } from '../worker-client/stopped';

export const AUTO_SOURCE = 'auto';
const DETECT_DELAY_MS = 300;

/** What the preview reads from the session, and where its failures go. */
export interface PathPreviewOptions {
  /** The chosen source type, or `auto` (then the paths are for the detected type). */
  source: () => IdTypeId | typeof AUTO_SOURCE;
  /** The chosen target type. */
  target: () => IdTypeId;
  /** False until the catalog is loaded. */
  ready: () => boolean;
  /** The first ids, for detection. */
  sample: () => Promise<string>;
  /** How the ids split (the rule the whole input comes to); `auto` when absent. */
  split?: () => SplitMode;
  /** Shows why the paths or the detection failed (not when the engine was stopped). */
  onError: (message: string) => void;
}

export class PathPreview {
  /** Detection on the first ids while typing (`auto` mode only). */
  detection = $state.raw<Detection | null>(null);
  paths = $state.raw<PathInfo[] | null>(null);
  loading = $state(false);

  /** The source type the paths are for: the chosen one, or the one detected so far. */
  source = $derived.by<IdTypeId | null>(() => {
    const chosen = this.#options.source();
    return chosen === AUTO_SOURCE ? (this.detection?.type ?? null) : chosen;
  });

  readonly #options: PathPreviewOptions;
  #detectTimer: ReturnType<typeof setTimeout> | undefined;
  #pathsRequest = 0;
  #detectRequest = 0;

  constructor(options: PathPreviewOptions) {
    this.#options = options;
  }

  /** Detects the type of the ids again after a short pause (typing), in `auto` mode. */
  scheduleDetection(): void {
    clearTimeout(this.#detectTimer);
    if (this.#options.source() !== AUTO_SOURCE || !this.#options.ready()) return;
    this.#detectTimer = setTimeout(() => void this.#detect(), DETECT_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const source = this.source;
    const target = this.#options.target();
    const request = ++this.#pathsRequest;
    if (!source || !this.#options.ready()) {
      this.paths = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const paths = await engine.paths(source, target);
      if (request === this.#pathsRequest) this.paths = paths;
    } catch (error) {
      if (request === this.#pathsRequest) this.paths = null;
      reportUnlessStopped(error, this.#options.onError);
    } finally {
      if (request === this.#pathsRequest) this.loading = false;
    }
  }

  async #detect(): Promise<void> {
    const request = ++this.#detectRequest;
    let detection: Detection | null = null;
    try {
      const sample = await this.#options.sample();
      if (sample.trim()) detection = await engine.detect(sample, this.#options.split?.());
    } catch (error) {
      reportUnlessStopped(error, this.#options.onError);
      return;
    }
    if (request !== this.#detectRequest) return;
    const changed = detection?.type !== this.detection?.type;
    this.detection = detection;
    if (changed || this.paths === null) void this.refresh();
  }
}
