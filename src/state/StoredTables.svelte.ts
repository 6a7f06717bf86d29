/**
 * The parsed tables the worker keeps in IndexedDB between visits, the browser's storage figures,
 * and the idle warm-up that loads the last pair's stored tables into memory before the first run.
 */
import type { StorageInfo } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { reportUnlessStopped } from '../worker-client/stopped';
import {
  estimateStorage,
  isPersisted,
  requestPersistence,
  type StorageEstimateInfo,
} from '../storage/device-storage';
import type { TypePair } from '../storage/last-pair';

/** How often, and for how long at most, to look for the tables a run writes in the background. */
const WRITE_POLL_MS = 250;
const WRITE_WAIT_MS = 60_000;

export type WarmUpState = 'idle' | 'warming' | 'done';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class StoredTables {
  info = $state.raw<StorageInfo | null>(null);
  estimate = $state.raw<StorageEstimateInfo | null>(null);
  /** Whether the browser keeps this site's data under storage pressure (null: unknown). */
  persisted = $state<boolean | null>(null);
  /** The answer to the last "Keep data on this device" request, in words. */
  persistAnswer = $state<string | null>(null);
  warmUpState = $state<WarmUpState>('idle');
  /** The pair warmed up, and the tables the warm-up loaded from storage into memory. */
  warmPair = $state.raw<TypePair | null>(null);
  warmed = $state.raw<string[]>([]);
  clearing = $state(false);
  error = $state<string | null>(null);

  totalBytes = $derived(this.info?.tables.reduce((sum, table) => sum + table.bytes, 0) ?? 0);

  #refreshRequest = 0;
  /** Tables being written in the background, each listed once saved after `since`. */
  #pendingWrites: { name: string; since: number }[] = [];
  #watchUntil = 0;
  #watching = false;

  async refresh(): Promise<void> {
    const request = ++this.#refreshRequest;
    try {
      const [info, estimate, persisted] = await Promise.all([
        engine.storage(),
        estimateStorage(),
        isPersisted(),
      ]);
      if (request !== this.#refreshRequest) return;
      const tables = [...info.tables].sort((a, b) => a.name.localeCompare(b.name));
      this.info = { ...info, tables };
      this.estimate = estimate;
      this.persisted = persisted;
      this.error = null;
    } catch (error) {
      reportUnlessStopped(error, (message) => (this.error = message));
    }
  }

  /**
   * The worker stores a parsed table in the background after the run that parsed it; this
   * refreshes the list until those tables (`names`, written after `since`, a `Date.now()`) appear.
   */
  async watchWrites(names: string[], since: number): Promise<void> {
    this.#pendingWrites.push(...names.map((name) => ({ name, since })));
    this.#watchUntil = performance.now() + WRITE_WAIT_MS;
    await this.refresh();
    if (this.#watching) return;
    this.#watching = true;
    try {
      while (this.#pendingWrites.length > 0 && performance.now() < this.#watchUntil) {
        if (this.info && !this.info.available) break;
        const saved = this.info?.tables ?? [];
        this.#pendingWrites = this.#pendingWrites.filter(
          ({ name, since }) => !saved.some((t) => t.name === name && t.savedAt >= since),
        );
        if (this.#pendingWrites.length === 0) break;
        await delay(WRITE_POLL_MS);
        await this.refresh();
      }
    } finally {
      this.#pendingWrites = [];
      this.#watching = false;
    }
  }

  /** Deletes every stored table; tables already in memory stay usable until a reload. */
  async clear(): Promise<void> {
    if (this.clearing) return;
    this.clearing = true;
    let failure: string | null = null;
    try {
      await engine.clearStorage();
      this.warmed = [];
    } catch (error) {
      reportUnlessStopped(
        error,
        (message) => (failure = `Could not clear the stored tables: ${message}`),
      );
    } finally {
      this.clearing = false;
    }
    await this.refresh();
    // The refresh clears errors; a failed clear must stay said.
    if (failure) this.error = failure;
  }

  /** Asks the browser to keep this site's data (tables included) under storage pressure. */
  async persist(): Promise<void> {
    const granted = await requestPersistence();
    this.persisted = granted;
    this.persistAnswer =
      granted === null
        ? 'This browser cannot promise to keep site data.'
        : granted
          ? 'Granted: the browser keeps the stored tables until you clear them.'
          : 'Not granted: the browser may clear the stored tables when space runs low. Browsers usually grant this to installed or often used sites.';
    this.estimate = await estimateStorage();
  }

  /**
   * Loads the stored tables of `pair`'s best path into memory, so the first run after a reload is
   * as fast as a second run. A run started meanwhile shares the loads; failures only skip it.
   */
  async warmUp(pair: TypePair): Promise<void> {
    this.warmPair = pair;
    this.warmUpState = 'warming';
    try {
      this.warmed = await engine.warmUp(pair.source, pair.target);
    } catch {
      this.warmed = [];
    } finally {
      this.warmUpState = 'done';
    }
  }
}
