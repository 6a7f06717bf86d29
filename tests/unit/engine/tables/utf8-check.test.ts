/**
 * The UTF-8 check's ASCII scan goes four bytes at a time (#19): a byte of another encoding is
 * found wherever it lies, whatever the chunk's alignment in its buffer.
 */
import { describe, expect, it } from 'vitest';
import { assertUtf8 } from '../../../../workers/engine/tables/dialect';

describe('assertUtf8', () => {
  const text = new TextEncoder().encode('uniprot\tGeneID\nP04637\t7157\n');

  it('finds a Latin-1 byte at every position and alignment', () => {
    for (let offset = 0; offset < 4; offset++) {
      for (let at = 0; at < text.length; at++) {
        const buffer = new Uint8Array(offset + text.length);
        buffer.set(text, offset);
        buffer[offset + at] = 0xe9; // é in Latin-1: no UTF-8 sequence starts so and ends there
        const bytes = buffer.subarray(offset);
        expect(() => assertUtf8('t', bytes), `offset ${offset}, at ${at}`).toThrow(/not UTF-8/);
      }
    }
  });

  it('takes ASCII and real UTF-8 at every alignment', () => {
    const utf8 = new TextEncoder().encode('gene\tnote\nTP53\ttumour protein p53, é 日本\n');
    for (let offset = 0; offset < 4; offset++) {
      for (const content of [text, utf8]) {
        const buffer = new Uint8Array(offset + content.length);
        buffer.set(content, offset);
        expect(() => assertUtf8('t', buffer.subarray(offset))).not.toThrow();
      }
    }
  });
});
