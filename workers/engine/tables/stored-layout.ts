/**
 * The persisted form of a PackedTable: a small header plus a few dozen typed arrays — the shape
 * IndexedDB stores and reads fastest (shared/reference/performance.md §4: 1M-entry Maps take
 * 9–12 s to read back, the same data as buffers ~1 s). Hash tables and built edge lists are
 * stored too, so a warm load does no rebuilding at all.
 */
import { StringDict } from '../packed/string-dict';
import { PackedTable, type Csr, type PackedColumn, type TableStats } from './packed-table';
import type { RelaxedIndex } from './relaxed-index';

/**
 * Bump when the stored layout changes: older entries are then ignored and rebuilt. 3: the
 * checksum covers the whole record (names, types, counts), not only the arrays.
 */
export const STORED_FORMAT = 3;

interface StoredColumn {
  name: string;
  type: string;
  count: number;
  pool: Uint8Array;
  offsets: Int32Array;
  hashes: Int32Array;
  slots: Int32Array;
  ids: Int32Array;
  composite?: Uint8Array;
  attribute?: boolean;
}

interface StoredRelaxed {
  key: string;
  identity: boolean;
  count: number;
  pool: Uint8Array;
  offsets: Int32Array;
  hashes: Int32Array;
  slots: Int32Array;
  start: Int32Array;
  ids: Int32Array;
}

export interface StoredTable {
  format: number;
  key: string;
  name: string;
  records: number;
  stats: TableStats;
  /** The hub column (the field's files), absent for a plain table. */
  hub?: number;
  columns: StoredColumn[];
  edges: { key: string; start: Int32Array; target: Int32Array; composite: Uint8Array }[];
  /** Relaxed-key indexes built so far (absent in records written before they were kept). */
  relaxed?: StoredRelaxed[];
  bytes: number;
  checksum: number;
}

export function toStored(key: string, table: PackedTable): StoredTable {
  const columns = table.columns.map((c) => {
    const parts = c.dict.parts();
    return {
      name: c.name,
      type: c.type,
      count: parts.count,
      // No copies: the store clones what it keeps (IndexedDB's structured clone).
      pool: parts.pool,
      offsets: parts.offsets,
      hashes: parts.hashes,
      slots: parts.slots!,
      ids: c.ids,
      composite: c.composite,
      attribute: c.attribute,
    };
  });
  const edges = table.builtEdges().map(([edgeKey, csr]) => ({ key: edgeKey, ...csr }));
  const relaxed = table.builtRelaxed().map(([indexKey, index]) => {
    const parts = index.dict.parts();
    return {
      key: indexKey,
      identity: index.identity,
      count: parts.count,
      pool: parts.pool,
      offsets: parts.offsets,
      hashes: parts.hashes,
      slots: parts.slots!,
      start: index.start,
      ids: index.ids,
    };
  });
  const stored = {
    format: STORED_FORMAT,
    key,
    name: table.name,
    records: table.records,
    stats: table.stats,
    ...(table.hub >= 0 ? { hub: table.hub } : {}),
    columns,
    edges,
    ...(relaxed.length > 0 ? { relaxed } : {}),
    bytes: 0,
    checksum: 0,
  };
  stored.bytes = arraysOf(stored).reduce((sum, a) => sum + a.byteLength, 0);
  stored.checksum = checksum(stored);
  return stored;
}

/**
 * Rebuilds the table, or returns null with the reason when the entry is not one this build can
 * trust: another format version, another key, or arrays that are truncated or corrupt.
 */
export function fromStored(
  key: string,
  stored: StoredTable,
): { table: PackedTable } | { problem: string } {
  if (!stored || typeof stored !== 'object') return { problem: 'the entry is not a stored table' };
  if (stored.format !== STORED_FORMAT)
    return { problem: `stored format ${stored.format} is not the current ${STORED_FORMAT}` };
  if (stored.key !== key) return { problem: 'the entry belongs to another version of the table' };
  const problem = shapeProblem(stored);
  if (problem) return { problem };
  if (checksum(stored) !== stored.checksum)
    return { problem: 'the stored record does not match its checksum' };
  const columns: PackedColumn[] = stored.columns.map((c) => ({
    name: c.name,
    type: c.type,
    dict: new StringDict(c.count, {
      pool: c.pool,
      offsets: c.offsets,
      hashes: c.hashes,
      count: c.count,
      slots: c.slots,
    }),
    ids: c.ids,
    composite: c.composite,
    attribute: c.attribute,
  }));
  const edges: [string, Csr][] = stored.edges.map((e) => [
    e.key,
    { start: e.start, target: e.target, composite: e.composite },
  ]);
  const hub = stored.hub ?? -1;
  const relaxed = (stored.relaxed ?? []).map((r): [string, RelaxedIndex] => [
    r.key,
    {
      identity: r.identity,
      dict: new StringDict(r.count, {
        pool: r.pool,
        offsets: r.offsets,
        hashes: r.hashes,
        count: r.count,
        slots: r.slots,
      }),
      start: r.start,
      ids: r.ids,
    },
  ]);
  return {
    table: new PackedTable(stored.name, columns, stored.records, stored.stats, edges, hub, relaxed),
  };
}

function shapeProblem(s: StoredTable): string | null {
  if (!Array.isArray(s.columns) || !Array.isArray(s.edges)) return 'the entry has no columns';
  if (!s.columns.every(isObject) || !s.edges.every(isObject)) return 'a column is damaged';
  if (!isObject(s.stats) || !Number.isInteger(s.records)) return 'its row counts are damaged';
  if (s.hub !== undefined && !(Number.isInteger(s.hub) && s.hub >= 0 && s.hub < s.columns.length))
    return 'its hub column is damaged';
  for (const c of s.columns) {
    const typed =
      c.pool instanceof Uint8Array &&
      c.offsets instanceof Int32Array &&
      c.hashes instanceof Int32Array;
    if (!typed || !(c.slots instanceof Int32Array) || !(c.ids instanceof Int32Array))
      return `column ${c.name} is missing arrays`;
    if (c.offsets.length !== c.count + 1 || c.hashes.length !== c.count)
      return `column ${c.name} is truncated`;
    if (c.offsets[c.count] !== c.pool.length || c.ids.length !== s.records)
      return `column ${c.name} is truncated`;
    if ((c.slots.length & (c.slots.length - 1)) !== 0 || c.slots.length < c.count * 2)
      return `column ${c.name} has a damaged hash table`;
  }
  if (s.relaxed !== undefined) {
    if (!Array.isArray(s.relaxed) || !s.relaxed.every(isObject)) return 'an index is damaged';
    for (const r of s.relaxed) {
      const typed =
        r.pool instanceof Uint8Array &&
        r.offsets instanceof Int32Array &&
        r.hashes instanceof Int32Array &&
        r.slots instanceof Int32Array &&
        r.start instanceof Int32Array &&
        r.ids instanceof Int32Array;
      if (!typed) return 'a relaxed-key index is missing arrays';
      if (r.offsets.length !== r.count + 1 || r.hashes.length !== r.count)
        return 'a relaxed-key index is truncated';
      if (r.offsets[r.count] !== r.pool.length || r.start.length !== r.count + 1)
        return 'a relaxed-key index is truncated';
      if (r.start[r.count] !== r.ids.length) return 'a relaxed-key index is truncated';
      if ((r.slots.length & (r.slots.length - 1)) !== 0 || r.slots.length < r.count * 2)
        return 'a relaxed-key index has a damaged hash table';
    }
  }
  for (const e of s.edges) {
    const typed = e.start instanceof Int32Array && e.target instanceof Int32Array;
    if (!typed || !(e.composite instanceof Uint8Array)) return 'an edge list is missing arrays';
    if (e.start[e.start.length - 1] !== e.target.length || e.composite.length !== e.target.length)
      return 'an edge list is truncated';
  }
  return null;
}

function arraysOf(s: StoredTable): ArrayBufferView[] {
  const arrays: ArrayBufferView[] = [];
  for (const c of s.columns) {
    arrays.push(c.pool, c.offsets, c.hashes, c.slots, c.ids);
    if (c.composite) arrays.push(c.composite);
  }
  for (const e of s.edges) arrays.push(e.start, e.target, e.composite);
  for (const r of s.relaxed ?? [])
    arrays.push(r.pool, r.offsets, r.hashes, r.slots, r.start, r.ids);
  return arrays;
}

const isObject = (value: unknown): boolean => !!value && typeof value === 'object';

/** Everything in the record but its arrays: names, types, counts, edge keys. */
function describe(s: StoredTable): string {
  return JSON.stringify([
    s.format,
    s.key,
    s.name,
    s.records,
    s.stats,
    s.bytes,
    s.columns.map((c) => [c.name, c.type, c.count, c.attribute ?? false, !!c.composite]),
    s.edges.map((e) => e.key),
    // Only when there is one, so a plain table's record keeps the checksum it always had.
    ...(s.hub !== undefined ? [s.hub] : []),
    ...(s.relaxed !== undefined ? [s.relaxed.map((r) => [r.key, r.identity, r.count])] : []),
  ]);
}

/**
 * FNV-1a over the record's description and every stored array, a 32-bit word at a time (bytes
 * for the odd tail): a renamed column or a changed count fails it like a flipped byte does.
 */
function checksum(s: StoredTable): number {
  let h = 0x811c9dc5;
  const text = describe(s);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (const a of arraysOf(s)) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const wordBytes = a.byteLength & ~3;
    if (a.byteOffset % 4 === 0) {
      const words = new Int32Array(a.buffer, a.byteOffset, wordBytes >> 2);
      for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
    } else {
      // The same words from bytes at any offset (Node's deserializer puts a byte array where
      // it falls in the file; every table the command line stored failed its check until this
      // read them so): little-endian, as Int32Array reads them on every platform we run on.
      for (let i = 0; i < wordBytes; i += 4) {
        const word = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
        h = Math.imul(h ^ word, 0x01000193);
      }
    }
    for (let i = wordBytes; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    h = Math.imul(h ^ a.byteLength, 0x01000193);
  }
  return h >>> 0;
}
