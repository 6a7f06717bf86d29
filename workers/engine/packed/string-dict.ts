/**
 * A dictionary of distinct UTF-8 strings, each given a dense integer id in insertion order.
 *
 * Why not `Map<string, number>`: a million-key column as JS strings costs ~600 ns and ~100 bytes
 * per key and clones entry by entry; here the strings live in one byte pool, the hash table is an
 * `Int32Array`, and the whole dictionary persists or transfers as four buffers
 * (shared/reference/performance.md §3: 1.2–1.6 s and 98 MB against 6–9 s and 314 MB for Maps).
 */
import type { PackedStrings } from '../../api';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over bytes; never returns 0 so a zero slot can mean "empty". */
export function hashBytes(src: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ src[i], 0x01000193);
  return h | 1;
}

export interface StringDictParts {
  pool: Uint8Array;
  offsets: Int32Array;
  hashes: Int32Array;
  count: number;
  /** The hash table; rebuilt from `hashes` when absent. */
  slots?: Int32Array;
}

export class StringDict {
  #pool: Uint8Array;
  #poolLength = 0;
  #offsets: Int32Array;
  #hashes: Int32Array;
  #count = 0;
  /** Open addressing, load ≤ 0.5; each slot holds id + 1 (0 = empty). */
  #slots: Int32Array;
  #mask: number;
  #scratch = new Uint8Array(256);
  /** False until the first lookup of a dictionary made by `fromStrings`. */
  #indexed = true;

  /**
   * A dictionary of the strings `pool[offsets[k], offsets[k + 1])`, its hashes and hash table
   * built on the first lookup: a shipped table's column (shipped-table.ts) whose keys are never
   * looked up — the last step's targets, written out as they are — never builds one.
   */
  static fromStrings(pool: Uint8Array, offsets: Int32Array, count: number): StringDict {
    const empty = new Int32Array(0);
    const dict = new StringDict(0, { pool, offsets, hashes: empty, count, slots: empty });
    dict.#indexed = false;
    return dict;
  }

  constructor(expected = 1024, parts?: StringDictParts) {
    if (parts) {
      this.#pool = parts.pool;
      this.#poolLength = parts.offsets[parts.count];
      this.#offsets = parts.offsets;
      this.#hashes = parts.hashes;
      this.#count = parts.count;
    } else {
      this.#pool = new Uint8Array(Math.max(1024, expected * 12));
      this.#offsets = new Int32Array(expected + 1);
      this.#hashes = new Int32Array(expected);
    }
    if (parts?.slots) {
      this.#slots = parts.slots;
      this.#mask = parts.slots.length - 1;
      return;
    }
    let capacity = 16;
    while (capacity < Math.max(this.#count, expected) * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity);
    this.#mask = capacity - 1;
    for (let id = 0; id < this.#count; id++) this.#place(id, this.#hashes[id]);
  }

  get size(): number {
    return this.#count;
  }

  /** Approximate bytes held, for the cache budget. */
  get byteSize(): number {
    return (
      this.#pool.byteLength +
      this.#offsets.byteLength +
      this.#hashes.byteLength +
      this.#slots.byteLength
    );
  }

  /** The id of bytes `src[start, end)`, adding it when new. */
  intern(src: Uint8Array, start: number, end: number): number {
    if (!this.#indexed) this.#index();
    const hash = hashBytes(src, start, end);
    const found = this.#find(src, start, end, hash);
    return found >= 0 ? found : this.#add(src, start, end, hash);
  }

  /** The id of bytes `src[start, end)`, or -1. */
  lookup(src: Uint8Array, start: number, end: number): number {
    if (!this.#indexed) this.#index();
    return this.#find(src, start, end, hashBytes(src, start, end));
  }

  internString(value: string): number {
    const length = this.#encode(value);
    return this.intern(this.#scratch, 0, length);
  }

  lookupString(value: string): number {
    const length = this.#encode(value);
    return this.lookup(this.#scratch, 0, length);
  }

  get(id: number): string {
    return decoder.decode(this.#pool.subarray(this.#offsets[id], this.#offsets[id + 1]));
  }

  /**
   * A getter of every string, for a pass over them all: the pool decoded in one call, each string
   * a slice of it. A decode per string costs about a microsecond in Chromium; the report's pass
   * over a streamed table's 1.4M ids took 5.4 s so (#19). Not for a dictionary still growing.
   */
  stringGetter(): (id: number) => string {
    const end = this.#offsets[this.#count];
    const text = decoder.decode(this.#pool.subarray(0, end));
    // Slices by byte offset are only right when every character is one byte.
    if (text.length !== end) return (id) => this.get(id);
    const offsets = this.#offsets;
    return (id) => text.slice(offsets[id], offsets[id + 1]);
  }

  /** The UTF-8 bytes of string `id`, a view into the pool (do not keep it across interns). */
  bytesOf(id: number): Uint8Array {
    return this.#pool.subarray(this.#offsets[id], this.#offsets[id + 1]);
  }

  /** Appends the bytes of string `id` to `out`, without making a view. */
  writeTo(
    id: number,
    out: { appendRange(src: Uint8Array, start: number, end: number): void },
  ): void {
    out.appendRange(this.#pool, this.#offsets[id], this.#offsets[id + 1]);
  }

  /** The arrays that define the dictionary, hash table included (views; compact first). */
  parts(): StringDictParts {
    if (!this.#indexed) this.#index();
    return {
      pool: this.#pool.subarray(0, this.#poolLength),
      offsets: this.#offsets.subarray(0, this.#count + 1),
      hashes: this.#hashes.subarray(0, this.#count),
      count: this.#count,
      slots: this.#slots,
    };
  }

  /** The strings alone, as views of the pool and offsets (builds no hash table). */
  strings(): PackedStrings {
    return {
      bytes: this.#pool.subarray(0, this.#poolLength),
      offsets: this.#offsets.subarray(0, this.#count + 1),
    };
  }

  /** Drops spare capacity once building is over. */
  compact(): void {
    this.#pool = this.#pool.slice(0, this.#poolLength);
    this.#offsets = this.#offsets.slice(0, this.#count + 1);
    this.#hashes = this.#hashes.slice(0, this.#count);
  }

  #encode(value: string): number {
    if (this.#scratch.length < value.length * 3) this.#scratch = new Uint8Array(value.length * 3);
    return encoder.encodeInto(value, this.#scratch).written;
  }

  #find(src: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const pool = this.#pool;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#slots[slot];
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.#hashes[id] !== hash) continue;
      const at = this.#offsets[id];
      if (this.#offsets[id + 1] - at !== length) continue;
      let i = 0;
      while (i < length && pool[at + i] === src[start + i]) i++;
      if (i === length) return id;
    }
  }

  #add(src: Uint8Array, start: number, end: number, hash: number): number {
    const id = this.#count;
    const length = end - start;
    if (id + 2 > this.#offsets.length) {
      this.#offsets = grow(this.#offsets, this.#offsets.length * 2);
      this.#hashes = grow(this.#hashes, this.#offsets.length);
    }
    if (this.#poolLength + length > this.#pool.length) {
      this.#pool = grow(this.#pool, Math.max(this.#pool.length * 2, this.#poolLength + length));
    }
    this.#pool.set(src.subarray(start, end), this.#poolLength);
    this.#poolLength += length;
    this.#offsets[id + 1] = this.#poolLength;
    this.#hashes[id] = hash;
    this.#count = id + 1;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    else this.#place(id, hash);
    return id;
  }

  /** Builds the hash table now if it waits for a first lookup (the warm-up does, when idle). */
  ensureIndexed(): void {
    if (!this.#indexed) this.#index();
  }

  /** Hashes every string and fills the hash table, in one loop with no call per key. */
  #index(): void {
    const count = this.#count;
    const pool = this.#pool;
    const offsets = this.#offsets;
    const hashes = new Int32Array(count);
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < count; id++) {
      let h = 0x811c9dc5;
      for (let i = offsets[id], end = offsets[id + 1]; i < end; i++)
        h = Math.imul(h ^ pool[i], 0x01000193);
      h |= 1;
      hashes[id] = h;
      let slot = h & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.#hashes = hashes;
    this.#slots = slots;
    this.#mask = mask;
    this.#indexed = true;
  }

  #place(id: number, hash: number): void {
    let slot = hash & this.#mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & this.#mask;
    this.#slots[slot] = id + 1;
  }

  #rehash(): void {
    this.#slots = new Int32Array(this.#slots.length * 2);
    this.#mask = this.#slots.length - 1;
    for (let id = 0; id < this.#count; id++) this.#place(id, this.#hashes[id]);
  }
}

function grow<T extends Uint8Array | Int32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
