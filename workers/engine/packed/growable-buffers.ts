/** Growable typed arrays for results whose size is known only at the end. */

export class IntBuffer {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.#grow(this.length + 1);
    this.data[this.length++] = value;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  #grow(min: number): void {
    const next = new Int32Array(Math.max(min, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

/** UTF-8 strings appended one after another, with their offsets: becomes a PackedStrings. */
export class StringsBuffer {
  bytes: Uint8Array;
  length = 0;
  readonly offsets = new IntBuffer();

  constructor(capacity = 4096) {
    this.bytes = new Uint8Array(capacity);
    this.offsets.push(0);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** Appends bytes to the string being built. */
  append(src: Uint8Array): void {
    this.appendRange(src, 0, src.length);
  }

  /** Appends `src[start, end)` without making a view (hot path: one call per id written). */
  appendRange(src: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.length + length > this.bytes.length) this.reserve(length);
    const bytes = this.bytes;
    let at = this.length;
    // Ids are short: a loop beats `set`'s call overhead below a few dozen bytes.
    if (length < 64) for (let i = start; i < end; i++) bytes[at++] = src[i];
    else {
      bytes.set(src.subarray(start, end), at);
      at += length;
    }
    this.length = at;
  }

  /** Ends the string being built. */
  end(): void {
    this.offsets.push(this.length);
  }

  /** Copies string `i` of `other` as a whole new string. */
  copyFrom(other: { bytes: Uint8Array; offsets: Int32Array }, i: number): void {
    this.appendRange(other.bytes, other.offsets[i], other.offsets[i + 1]);
    this.end();
  }

  /** Views of the filled part (no copy; the backing buffers may be larger). */
  toPacked(): { bytes: Uint8Array; offsets: Int32Array } {
    return {
      bytes: this.bytes.subarray(0, this.length),
      offsets: this.offsets.data.subarray(0, this.offsets.length),
    };
  }
}
