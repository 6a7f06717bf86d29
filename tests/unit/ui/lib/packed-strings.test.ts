import { describe, expect, it } from 'vitest';
import { decodeAt, packStrings, packedCount } from '../../../../src/lib/packed-strings';

describe('packed strings', () => {
  it('decodes any string of a pool by index', () => {
    const pool = packStrings(['P04637', '', 'TP53', 'α-synuclein']);
    expect(packedCount(pool)).toBe(4);
    expect(decodeAt(pool, 0)).toBe('P04637');
    expect(decodeAt(pool, 1)).toBe('');
    expect(decodeAt(pool, 3)).toBe('α-synuclein');
  });

  it('returns an empty string outside the pool instead of throwing', () => {
    const pool = packStrings(['A']);
    expect(decodeAt(pool, 5)).toBe('');
    expect(packedCount({ bytes: new Uint8Array(0), offsets: new Int32Array(0) })).toBe(0);
  });

  it('keeps markup as plain text', () => {
    const pool = packStrings(['<script>alert(1)</script>']);
    expect(decodeAt(pool, 0)).toBe('<script>alert(1)</script>');
  });
});
