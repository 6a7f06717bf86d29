/**
 * The data packs panel: fetching a pack onto this device, dropping it, and accepting an opt-in
 * pack's notice (which enables its tables). Like the table manager, it hands every catalog the
 * engine returns to the mapping session, which owns it, and every failure to its error banner.
 */
import type { CatalogInfo, PackInfo, TableInfo } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { reportUnlessStopped } from '../worker-client/stopped';
import { packEnabled } from '../lib/packs';
import { writeAcceptedPack } from '../storage/pack-opt-in';

export interface DataPacksOptions {
  /** The catalog the packs are listed from (owned by the session). */
  catalog: () => CatalogInfo | null;
  /** Takes the catalog the engine returned after a pack was fetched, dropped or enabled. */
  setCatalog: (catalog: CatalogInfo) => void;
  /** Shows a failure in the app's error banner. */
  onError: (message: string) => void;
  /** Stored tables were removed with a pack: the storage panel and other tabs follow. */
  onStoredChange?: () => void;
  /** A pack was fetched onto this device: other tabs' data panels follow. */
  onFetched?: () => void;
}

export type PackTask = 'fetch' | 'drop' | 'opt-in';

const OFFLINE_NOTE = 'This device is offline; try again once it is connected.';

/** The text ending as a sentence does, so another can follow it. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export class DataPacks {
  /** What is being done to each pack, by name (absent: nothing). */
  busy = $state.raw<Readonly<Record<string, PackTask>>>({});

  readonly #options: DataPacksOptions;

  constructor(options: DataPacksOptions) {
    this.#options = options;
  }

  packs = $derived.by((): PackInfo[] => this.#options.catalog()?.packs ?? []);
  #tables = $derived.by((): TableInfo[] => this.#options.catalog()?.tables ?? []);

  /** Every table of the pack is enabled (an opt-in pack's notice was accepted). */
  enabled(pack: PackInfo): boolean {
    return packEnabled(pack, this.#tables);
  }

  /** Downloads every file of the pack and keeps it for offline use. */
  async fetch(pack: PackInfo): Promise<void> {
    await this.#task(pack, 'fetch', 'Could not fetch', async () =>
      this.#options.setCatalog(await engine.fetchPack(pack.name)),
    );
    this.#options.onFetched?.();
  }

  /** Removes the pack's files and stored tables from this device. */
  async drop(pack: PackInfo): Promise<void> {
    await this.#task(pack, 'drop', 'Could not remove', async () =>
      this.#options.setCatalog(await engine.dropPack(pack.name)),
    );
    // Whether or not it failed part-way, stored tables may be gone.
    this.#options.onStoredChange?.();
  }

  /** Enables (the notice accepted) or disables every table of an opt-in pack. */
  setOptIn(pack: PackInfo, enabled: boolean): Promise<void> {
    return this.#task(
      pack,
      'opt-in',
      enabled ? 'Could not enable' : 'Could not disable',
      async () => {
        // One table at a time: a failure leaves the catalog showing the ones already changed.
        for (const table of pack.tables) {
          this.#options.setCatalog(await engine.setTableOptions(table, { enabled }));
        }
        writeAcceptedPack(pack.name, enabled);
      },
    );
  }

  /** Runs one task at a time on a pack; a failure shows as “`failure` the data pack …: why”. */
  async #task(
    pack: PackInfo,
    task: PackTask,
    failure: string,
    call: () => Promise<void>,
  ): Promise<void> {
    if (this.busy[pack.name]) return;
    this.busy = { ...this.busy, [pack.name]: task };
    try {
      await call();
    } catch (error) {
      reportUnlessStopped(error, (message) => {
        const text = `${failure} the data pack “${pack.label}”: ${message}`;
        const offline = task === 'fetch' && globalThis.navigator?.onLine === false;
        this.#options.onError(offline ? `${sentence(text)} ${OFFLINE_NOTE}` : text);
      });
    } finally {
      const busy = { ...this.busy };
      delete busy[pack.name];
      this.busy = busy;
    }
  }
}
