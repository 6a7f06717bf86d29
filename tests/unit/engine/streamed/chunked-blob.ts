/**
 * A Blob whose stream() hands its bytes in chunks cut where a test says: the streamed reader then
 * meets a row, a quote or a gzip member split across chunks exactly there.
 */
export class ChunkedBlob extends Blob {
  readonly #bytes: Uint8Array;
  readonly #cuts: number[];

  /** `cuts`: the offsets chunks end at (sorted, inside the bytes); the last chunk runs to the end. */
  constructor(bytes: Uint8Array, cuts: number[]) {
    super([bytes as Uint8Array<ArrayBuffer>]);
    this.#bytes = bytes;
    this.#cuts = cuts;
  }

  /** Chunks of `size` bytes. */
  static every(bytes: Uint8Array, size: number): ChunkedBlob {
    const cuts: number[] = [];
    for (let at = size; at < bytes.length; at += size) cuts.push(at);
    return new ChunkedBlob(bytes, cuts);
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const bounds = [0, ...this.#cuts, this.#bytes.length];
    let next = 0;
    return new ReadableStream({
      pull: (controller) => {
        if (next + 1 >= bounds.length) return controller.close();
        // A copy, as a real stream gives: the reader may keep no view of the file.
        controller.enqueue(this.#bytes.slice(bounds[next], bounds[next + 1]));
        next++;
      },
    });
  }
}
