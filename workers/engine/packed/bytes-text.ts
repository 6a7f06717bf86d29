/**
 * UTF-8 bytes → string, for the many short ids a large run decodes one at a time. A TextDecoder
 * call has a fixed cost that dominates for ids of a few bytes: in the bench's million-id run the
 * statuses of the 500,000 misses took 110–140 ms decoding each key with one and 75–90 ms this
 * way, most of it the pattern test that follows (#15).
 */
const decoder = new TextDecoder();

/** Longer texts go to TextDecoder, whose fixed cost matters less there. */
const SHORT = 48;

export function textOf(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= SHORT) {
    let text = '';
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c >= 128) return decoder.decode(bytes.subarray(start, end));
      text += String.fromCharCode(c);
    }
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}
