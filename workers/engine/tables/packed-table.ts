/**
 * A loaded lookup table in packed form: per typed column a string dictionary and one id per
 * record (-1 where the cell was blank or a placeholder). Edges between two columns are CSR lists
 * built on first use, per direction, so a table costs only what the paths through it need.
 */
import { idType, type KeyTransform } from '../ids/id-types';
import {
  buildRelaxedIndex,
  isPlain,
  keysUnchanged,
  triggersOf,
  type RelaxedIndex,
} from './relaxed-index';
import { buildCsr, composeCsr, type Csr } from './edge-lists';
import type { StringDict } from '../packed/string-dict';

export interface ColumnStats {
  name: string;
  type: string;
  distinct: number;
  blank: number;
  placeholder: number;
  placeholderExamples: string[];
  /** Cells whose white space, invisible characters or quotes were removed. */
  repaired: number;
  compositeCells: number;
}

export interface TableStats {
  /** Data rows in the file (comment and blank lines excluded). */
  rows: number;
  /** Rows after composite cells are expanded. */
  records: number;
  /** Rows with a different number of fields than the header; the first few data-row numbers kept. */
  raggedRows: number;
  raggedExamples: number[];
  columns: ColumnStats[];
}

export interface RelationStats {
  from: string;
  to: string;
  /** Distinct (from, to) pairs. */
  pairs: number;
  /** Records repeating a pair already seen (collapsed). */
  duplicatePairs: number;
  /** Keys of `from` with more than one `to` value (one-to-many). */
  fromWithSeveral: number;
  /** Keys of `to` with more than one `from` value (many-to-one). */
  toWithSeveral: number;
}

/** A record's value came from splitting a composite cell (`"P58401, Q9P2S2"`). */
export const RECORD_COMPOSITE = 1;
/** A record relates a UniProt entry to what the file lists for one of its isoforms (`P04637-2`). */
export const RECORD_ISOFORM = 2;

export interface PackedColumn {
  name: string;
  type: string;
  dict: StringDict;
  /** Dictionary id per record, -1 = no value. */
  ids: Int32Array;
  /** Per record, RECORD_* flags of the value (0: a plain cell); absent if no record has any. */
  composite?: Uint8Array;
  /** An untyped column: values kept for output columns, not part of the type graph. */
  attribute?: boolean;
}

export type { Csr } from './edge-lists';

export class PackedTable {
  readonly #edges = new Map<string, Csr>();
  readonly #relaxed = new Map<string, RelaxedIndex>();
  /** Whether relaxing a column's keys to a level changes none, keyed `col:level`. */
  readonly #identity = new Map<string, boolean>();
  /** Per column, its type's trigger characters (relaxed-index.ts). */
  readonly #triggers = new Map<number, Uint8Array>();

  constructor(
    readonly name: string,
    readonly columns: PackedColumn[],
    readonly records: number,
    readonly stats: TableStats,
    edges: [string, Csr][] = [],
    /**
     * The column every record relates its one value to (the field's files, table-layout.ts), or
     * -1: two other columns are then related through it, as values of one row.
     */
    readonly hub = -1,
    /** Relaxed-key indexes built on an earlier visit, keyed `col:level` (stored-layout.ts). */
    relaxed: [string, RelaxedIndex][] = [],
  ) {
    for (const [key, csr] of edges) this.#edges.set(key, csr);
    for (const [key, index] of relaxed) this.#relaxed.set(key, index);
  }

  /** The edge lists built so far, keyed `from>to`, for persistence. */
  builtEdges(): [string, Csr][] {
    return [...this.#edges];
  }

  /**
   * The relaxed-key indexes built so far, keyed `col:level`, for persistence: building one over
   * chebi_pubchem's 143,975 ids took ~0.1 s in Node and ~0.5 s in the browser on every reload.
   */
  builtRelaxed(): [string, RelaxedIndex][] {
    return [...this.#relaxed];
  }

  columnIndex(name: string): number {
    return this.columns.findIndex((c) => c.name === name);
  }

  /** Edges from column `from` to column `to` (indexes into `columns`), duplicates removed. */
  edges(from: number, to: number): Csr {
    const key = `${from}>${to}`;
    let csr = this.#edges.get(key);
    if (!csr) {
      csr =
        this.hub >= 0 && from !== this.hub && to !== this.hub
          ? composeCsr(this.edges(from, this.hub), this.edges(this.hub, to), this.columns[to])
          : buildCsr(this.columns[from], this.columns[to], this.records);
      this.#edges.set(key, csr);
    }
    return csr;
  }

  /**
   * Ids of column `col` whose key, relaxed by the column type's first `level` transforms applied
   * in turn, equals `relaxedKey`: `[ids, start, end)`.
   */
  relaxedLookup(
    col: number,
    level: number,
    relaxedKey: string,
  ): [Int32Array, number, number] | null {
    // No key of the column changes at this level: the relaxed input is looked up as it is, and
    // no index is built (it took 50–60 ms over uniprot's accessions for a 5-id list, #15).
    if (this.relaxationIsIdentity(col, level)) {
      const id = this.columns[col].dict.lookupString(relaxedKey);
      return id < 0 ? null : [Int32Array.of(id), 0, 1];
    }
    const index = this.#relaxedIndex(col, level);
    const k = index.dict.lookupString(relaxedKey);
    if (k < 0) return null;
    return [index.ids, index.start[k], index.start[k + 1]];
  }

  #relaxedIndex(col: number, level: number): RelaxedIndex {
    const key = `${col}:${level}`;
    let index = this.#relaxed.get(key);
    if (!index) {
      index = buildRelaxedIndex(this.columns[col].dict, this.transformsOf(col).slice(0, level));
      this.#relaxed.set(key, index);
    }
    return index;
  }

  /**
   * True when no relaxation can make `key` (UTF-8) match in column `col` beyond the exact lookup:
   * it holds none of the type's trigger characters, so relaxing leaves it as it is, and relaxing
   * the column's keys changes none of them. Half the bench's million ids are such misses; each
   * was decoded and run through three transforms before (#15).
   */
  cannotRelax(col: number, key: Uint8Array): boolean {
    const levels = this.transformsOf(col).length;
    if (levels > 0 && !this.relaxationIsIdentity(col, levels)) return false;
    let trigger = this.#triggers.get(col);
    if (!trigger) this.#triggers.set(col, (trigger = triggersOf(this.transformsOf(col))));
    return isPlain(key, trigger);
  }

  /**
   * Builds what a lookup in column `col` needs: its hash table (a shipped column builds it on its
   * first lookup) and every relaxed-key index a miss may need (the levels at which some key
   * changes). The warm-up does it while the page is idle: inside the run, hashing uniprot's
   * accessions cost the first lookup ~20 ms in Chromium, and a miss in chebi_pubchem built an
   * index over its 143,975 ids (~0.5 s).
   */
  prepareLookups(col: number): void {
    this.columns[col].dict.ensureIndexed();
    const levels = this.transformsOf(col).length;
    for (let level = 1; level <= levels; level++)
      if (!this.relaxationIsIdentity(col, level)) this.#relaxedIndex(col, level);
  }

  /**
   * True when relaxing this column's keys to `level` changes none of them; read from the index
   * when one is built, else by a scan that stops at the first key that changes.
   */
  relaxationIsIdentity(col: number, level: number): boolean {
    const key = `${col}:${level}`;
    let identity = this.#relaxed.get(key)?.identity ?? this.#identity.get(key);
    if (identity === undefined) {
      identity = keysUnchanged(this.columns[col].dict, this.transformsOf(col).slice(0, level));
      this.#identity.set(key, identity);
    }
    return identity;
  }

  /**
   * Cardinality of the relation between two columns: distinct keys on each side, keys with more
   * than one value in each direction, and records that repeat an earlier pair.
   */
  relation(from: number, to: number): RelationStats {
    const forward = this.edges(from, to);
    const backward = this.edges(to, from);
    let pairsWithBoth = 0;
    for (let r = 0; r < this.records; r++) {
      if (this.columns[from].ids[r] >= 0 && this.columns[to].ids[r] >= 0) pairsWithBoth++;
    }
    // Related through the hub, no record holds both: nothing is repeated in the file's sense.
    const throughHub = this.hub >= 0 && from !== this.hub && to !== this.hub;
    return {
      from: this.columns[from].name,
      to: this.columns[to].name,
      pairs: forward.target.length,
      duplicatePairs: throughHub ? 0 : pairsWithBoth - forward.target.length,
      fromWithSeveral: countSeveral(forward.start),
      toWithSeveral: countSeveral(backward.start),
    };
  }

  /** Approximate bytes held, for the cache budget. */
  get byteSize(): number {
    let bytes = 0;
    for (const c of this.columns)
      bytes += c.dict.byteSize + c.ids.byteLength + (c.composite?.byteLength ?? 0);
    for (const e of this.#edges.values())
      bytes += e.start.byteLength + e.target.byteLength + e.composite.byteLength;
    for (const r of this.#relaxed.values())
      bytes += r.dict.byteSize + r.start.byteLength + r.ids.byteLength;
    return bytes;
  }

  typeOf(col: number): string {
    return this.columns[col].type;
  }

  transformsOf(col: number): KeyTransform[] {
    return idType(this.columns[col].type).transforms;
  }
}

function countSeveral(start: Int32Array): number {
  let several = 0;
  for (let k = 0; k + 1 < start.length; k++) if (start[k + 1] - start[k] > 1) several++;
  return several;
}
