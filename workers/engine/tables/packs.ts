/**
 * The catalog's data packs and whether each is on this device: which of their files are kept,
 * learned at start-up and updated as runs and the data panel fetch or drop them.
 */
import type { PackInfo, Phase } from '../../api';
import type { CatalogPack, CatalogTable } from './catalog';
import type { PackStore, TimeStep } from './pack-store';

interface PackFile {
  table: string;
  url: string;
  bytes: number;
}

export class Packs {
  readonly #specs: CatalogPack[] = [];
  readonly #files = new Map<string, PackFile[]>();
  readonly #kept = new Set<string>();
  /** Packs a read had to download since the last `takeFetched`. */
  readonly #fetched = new Set<string>();

  constructor(readonly store?: PackStore) {}

  /** Learns the catalog's packs and which of their files this device already keeps. */
  async init(packs: CatalogPack[], tables: { spec: CatalogTable; url: string }[]): Promise<void> {
    this.#specs.push(...packs);
    for (const { spec, url } of tables) {
      if (!spec.pack) continue;
      const list = this.#files.get(spec.pack) ?? [];
      list.push({ table: spec.name, url, bytes: spec.bytes });
      this.#files.set(spec.pack, list);
      // Without a store (Node) the files are on disk: always here.
      if (!this.store || (await this.store.has(url).catch(() => false))) this.#kept.add(url);
    }
  }

  /**
   * Reads a pack's file through the store, which keeps it for offline use. A download adds its
   * `fetch` and `keep` steps to `steps` (the table's `read` phase shows them).
   */
  async read(url: string, steps?: Phase[]): Promise<Uint8Array> {
    if (!this.store) throw new Error('no pack store');
    const wasKept = this.#kept.has(url);
    const bytes = await this.store.read(url, steps && timeInto(steps));
    const fetch = steps?.find((step) => step.name === 'fetch');
    if (fetch) fetch.detail = `${bytes.length} bytes`;
    // A store that keeps nothing (no Cache Storage) never makes a pack "on this device".
    if (await this.store.has(url).catch(() => false)) this.#kept.add(url);
    if (!wasKept) {
      for (const [pack, files] of this.#files)
        if (files.some((f) => f.url === url)) this.#fetched.add(pack);
    }
    return bytes;
  }

  /** The packs downloaded since the last call (a run's note says so), and forgets them. */
  takeFetched(): PackInfo[] {
    const names = [...this.#fetched];
    this.#fetched.clear();
    return this.info().filter((p) => names.includes(p.name));
  }

  get hasStore(): boolean {
    return this.store !== undefined;
  }

  /** The files of pack `name` (empty for a name no catalog table uses). */
  files(name: string): PackFile[] {
    return this.#files.get(name) ?? [];
  }

  async fetch(name: string): Promise<void> {
    for (const file of this.files(name)) if (this.store) await this.read(file.url);
  }

  async drop(name: string): Promise<void> {
    for (const file of this.files(name)) {
      await this.store?.drop(file.url);
      if (this.store) this.#kept.delete(file.url);
    }
  }

  /** Asks the store again which files it keeps: another tab may have fetched or dropped a pack. */
  async recheck(): Promise<void> {
    if (!this.store) return;
    for (const file of [...this.#files.values()].flat()) {
      if (await this.store.has(file.url).catch(() => false)) this.#kept.add(file.url);
      else this.#kept.delete(file.url);
    }
  }

  /** Every file of pack `name` is on this device (a pack no table uses is not). */
  onDevice(name: string): boolean {
    const files = this.files(name);
    return files.length > 0 && files.every((f) => this.#kept.has(f.url));
  }

  info(): PackInfo[] {
    return this.#specs.map((spec) => {
      const files = this.files(spec.name);
      return {
        ...spec,
        tables: files.map((f) => f.table),
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        onDevice: this.onDevice(spec.name),
      };
    });
  }
}

/** Records each timed step as a `load` phase in `steps`, failed or not. */
function timeInto(steps: Phase[]): TimeStep {
  return async (name, work) => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      steps.push({ name, kind: 'load', ms: performance.now() - start });
    }
  };
}
