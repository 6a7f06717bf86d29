/**
 * Loaded tables kept in memory, keyed by table identity (content hash + parse settings), so each
 * file is parsed once per session — biomapper re-read its CSV on every step. Least recently used
 * tables are dropped when the approximate byte budget is exceeded. A failed load is not cached.
 */
import type { CacheStats } from '../../api';
import type { PackedTable } from './packed-table';

interface Entry {
  name: string;
  table: PackedTable;
  hits: number;
}

export interface Loaded {
  table: PackedTable;
  source: 'persisted' | 'parsed' | 'shipped';
}

/**
 * The identity of a shipped table loaded with its attribute columns, cached beside (and preferred
 * to) the same table loaded with its typed columns only (table-loader.ts).
 */
export const withAttributes = (key: string): string => `${key}|attributes`;

export const DEFAULT_BUDGET = 768 * 1024 * 1024;

export class TableCache {
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<Loaded>>();
  #hits = 0;
  #misses = 0;
  #evictions = 0;

  constructor(readonly budget = DEFAULT_BUDGET) {}

  /** The table for `key`, loading it once even when several callers ask at the same time. */
  async get(
    key: string,
    name: string,
    load: () => Promise<Loaded>,
  ): Promise<{ table: PackedTable; source: Loaded['source'] | 'memory' }> {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#hits++;
      entry.hits++;
      // Re-insert to mark it most recently used (Map keeps insertion order).
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return { table: entry.table, source: 'memory' };
    }
    let pending = this.#loading.get(key);
    if (!pending) {
      this.#misses++;
      pending = load();
      this.#loading.set(key, pending);
    }
    try {
      const loaded = await pending;
      if (!this.#entries.has(key)) {
        this.#entries.set(key, { name, table: loaded.table, hits: 0 });
        this.trim();
      }
      return loaded;
    } finally {
      this.#loading.delete(key);
    }
  }

  /** The table for `key` when it is in memory, without counting a hit or loading it. */
  peek(key: string): PackedTable | undefined {
    return this.#entries.get(key)?.table;
  }

  /** The table `key` is in memory, with or without its attribute columns. */
  has(key: string): boolean {
    return this.#entries.has(key) || this.#entries.has(withAttributes(key));
  }

  /** Drops least recently used tables until the budget holds (the newest always stays). */
  trim(): void {
    let bytes = this.bytes;
    for (const [key, entry] of this.#entries) {
      if (bytes <= this.budget || this.#entries.size <= 1) break;
      bytes -= entry.table.byteSize;
      this.#entries.delete(key);
      this.#evictions++;
    }
  }

  dispose(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get bytes(): number {
    let bytes = 0;
    for (const entry of this.#entries.values()) bytes += entry.table.byteSize;
    return bytes;
  }

  stats(): CacheStats {
    const tables = [...this.#entries].map(([key, e]) => ({
      name: e.name,
      key,
      bytes: e.table.byteSize,
      rows: e.table.stats.rows,
      hits: e.hits,
    }));
    return {
      tables,
      bytes: tables.reduce((sum, t) => sum + t.bytes, 0),
      budget: this.budget,
      hits: this.#hits,
      misses: this.#misses,
      evictions: this.#evictions,
    };
  }
}
