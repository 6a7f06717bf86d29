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
  #partStart = 0;

  constructor(capacity = 4096) {
    this.bytes = new Uint8Array(capacity);
    this.offsets.push(0);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** Appends bytes to the string being built. */
  append(src: Uint8Array): void {
    if (this.length + src.length > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.length + src.length, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    this.bytes.set(src, this.length);
    this.length += src.length;
  }

  /** Ends the string being built. */
  end(): void {
    this.offsets.push(this.length);
    this.#partStart = this.length;
  }

  /** Bytes of the string being built so far. */
  get pendingLength(): number {
    return this.length - this.#partStart;
  }

  /** Copies string `i` of `other` as a whole new string. */
  copyFrom(other: { bytes: Uint8Array; offsets: Int32Array }, i: number): void {
    this.append(other.bytes.subarray(other.offsets[i], other.offsets[i + 1]));
    this.end();
  }

  toPacked(): { bytes: Uint8Array; offsets: Int32Array } {
    return { bytes: this.bytes.slice(0, this.length), offsets: this.offsets.toArray() };
  }
}
