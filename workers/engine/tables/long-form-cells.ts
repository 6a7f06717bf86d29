/**
 * A long-form row (key, ID type, value: UniProt's idmapping.dat) read as bytes (#19): the ID type
 * looked up by its bytes, the key kept as a byte range until the row is known to be kept.
 */
import { cleanCell } from '../../common/normalize';

const decoder = new TextDecoder();

/**
 * A long-form file's ID type names → packed column, looked up by the cell's bytes: the few
 * names a file has are decoded once each, not once per row.
 */
export class LongTypes {
  readonly #byHash = new Map<number, { bytes: Uint8Array; slot: number }[]>();
  #cached = 0;

  constructor(readonly slots: Map<string, number>) {}

  slotOfName(raw: string): number {
    return this.slots.get(cleanCell(raw).value) ?? -1;
  }

  slotOf(src: Uint8Array, start: number, end: number): number {
    let hash = end - start;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + src[i]) | 0;
    const bucket = this.#byHash.get(hash);
    if (bucket) {
      for (const entry of bucket) if (sameBytes(entry.bytes, src, start, end)) return entry.slot;
    }
    const slot = this.slotOfName(decoder.decode(src.subarray(start, end)));
    // A damaged file's type column could hold a new name per row: cache only what a file has.
    if (this.#cached++ < 4096) {
      const entry = { bytes: src.slice(start, end), slot };
      if (bucket) bucket.push(entry);
      else this.#byHash.set(hash, [entry]);
    }
    return slot;
  }
}

/** A long-form row's key as read (bytes, or a string from PapaParse), and the last one added. */
export class LongKey {
  src: Uint8Array | null = null;
  start = 0;
  end = 0;
  raw: string | null = null;
  #last = new Uint8Array(64);
  #lastLength = -1;
  lastId = -1;

  setBytes(src: Uint8Array, start: number, end: number): void {
    this.src = src;
    this.start = start;
    this.end = end;
  }

  setString(raw: string): void {
    this.raw = raw;
  }

  clear(): void {
    this.src = null;
    this.raw = null;
  }

  sameAsLast(): boolean {
    const n = this.#lastLength;
    if (n !== this.end - this.start) return false;
    const src = this.src!;
    for (let i = 0; i < n; i++) if (this.#last[i] !== src[this.start + i]) return false;
    return true;
  }

  remember(id: number): void {
    const length = this.end - this.start;
    if (length > this.#last.length) this.#last = new Uint8Array(length * 2);
    this.#last.set(this.src!.subarray(this.start, this.end));
    this.#lastLength = length;
    this.lastId = id;
  }
}

function sameBytes(a: Uint8Array, src: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== src[start + i]) return false;
  return true;
}
