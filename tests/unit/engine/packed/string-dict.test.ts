import { describe, expect, it } from 'vitest';
import { StringDict } from '../../../../workers/engine/packed/string-dict';
import { columnOf, distinct, readCsv } from '../helpers';

const encoder = new TextEncoder();

describe('StringDict', () => {
  it('interns strings and looks them up again by string and by bytes', () => {
    const dict = new StringDict();
    const a = dict.internString('P04637');
    const b = dict.internString('TP53');
    expect(dict.internString('P04637')).toBe(a);
    expect(dict.lookupString('TP53')).toBe(b);
    const bytes = encoder.encode('xxTP53yy');
    expect(dict.lookup(bytes, 2, 6)).toBe(b);
    expect(dict.intern(bytes, 2, 6)).toBe(b);
    expect(dict.get(a)).toBe('P04637');
    expect(dict.size).toBe(2);
  });

  it('returns -1 for strings it does not hold, including prefixes and case variants', () => {
    const dict = new StringDict();
    dict.internString('P04637');
    expect(dict.lookupString('P0463')).toBe(-1);
    expect(dict.lookupString('P046377')).toBe(-1);
    expect(dict.lookupString('p04637')).toBe(-1);
    expect(new StringDict().lookupString('')).toBe(-1);
  });

  it('gives dense ids in insertion order to the distinct accessions of uniprot.csv', () => {
    const accessions = columnOf(readCsv('org-hs-eg/uniprot.csv'), 'uniprot');
    const dict = new StringDict(4);
    const ids = accessions.map((a) => dict.internString(a));
    const unique = distinct(accessions);
    expect(dict.size).toBe(unique.length);
    // First appearance of each accession gets the next id; repeats reuse it.
    expect(ids).toEqual(accessions.map((a) => unique.indexOf(a)));
    expect(unique.map((_, id) => dict.get(id))).toEqual(unique);
  });

  it('keeps non-ASCII strings and the empty string intact', () => {
    const values = ['α-synuclein', 'naïve', '日本語', '🧬 DNA', 'NBSP\u00a0', ''];
    const dict = new StringDict();
    const ids = values.map((v) => dict.internString(v));
    expect(ids).toEqual([0, 1, 2, 3, 4, 5]);
    values.forEach((v, i) => {
      expect(dict.get(i)).toBe(v);
      expect(dict.lookupString(v)).toBe(i);
      expect(dict.bytesOf(i)).toEqual(encoder.encode(v));
    });
    // 'naïve' composed and decomposed are different byte strings, so different keys.
    expect(dict.lookupString('nai\u0308ve')).toBe(-1);
  });

  it('grows far past its initial capacity (100,000 keys) without losing any', () => {
    const dict = new StringDict(8);
    const n = 100_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (dict.internString(`KEY${i}`) !== i) wrong++;
    expect(dict.size).toBe(n);
    for (let i = 0; i < n; i++) {
      if (dict.lookupString(`KEY${i}`) !== i || dict.get(i) !== `KEY${i}`) wrong++;
    }
    expect(wrong).toBe(0);
    expect(dict.lookupString(`KEY${n}`)).toBe(-1);
  });

  it('accepts a long string that is larger than the whole initial pool', () => {
    const dict = new StringDict(1);
    const long = 'A'.repeat(50_000);
    dict.internString('short');
    const id = dict.internString(long);
    expect(dict.get(id)).toBe(long);
    expect(dict.lookupString(long)).toBe(id);
    expect(dict.get(0)).toBe('short');
  });

  it('rebuilds an equivalent dictionary from parts(), which can keep growing', () => {
    const dict = new StringDict(16);
    const values = Array.from({ length: 5000 }, (_, i) => `ENSG${String(i).padStart(11, '0')}`);
    values.push('ß', 'Ω');
    for (const v of values) dict.internString(v);
    const copy = new StringDict(16, dict.parts());
    expect(copy.size).toBe(dict.size);
    values.forEach((v, i) => {
      expect(copy.get(i)).toBe(v);
      expect(copy.lookupString(v)).toBe(i);
    });
    expect(copy.internString(values[42])).toBe(42);
    expect(copy.internString('new key')).toBe(values.length);
    expect(copy.get(values.length)).toBe('new key');
    // The original is not affected by the copy's growth.
    expect(dict.lookupString('new key')).toBe(-1);
  });

  it('rebuilds the hash table when parts come without one', () => {
    const dict = new StringDict(4);
    const values = ['TP53', 'BRCA1', 'EGFR', 'α', ''];
    for (const v of values) dict.internString(v);
    dict.compact();
    const { pool, offsets, hashes, count } = dict.parts();
    const copy = new StringDict(4, { pool: pool.slice(), offsets: offsets.slice(), hashes, count });
    values.forEach((v, i) => expect(copy.lookupString(v)).toBe(i));
    expect(copy.lookupString('MYC')).toBe(-1);
    expect(copy.internString('MYC')).toBe(values.length);
  });

  it('keeps working after compact(), including further interning', () => {
    const dict = new StringDict(1024);
    dict.internString('a');
    dict.internString('b');
    dict.compact();
    expect(dict.lookupString('b')).toBe(1);
    expect(dict.internString('c')).toBe(2);
    expect([dict.get(0), dict.get(1), dict.get(2)]).toEqual(['a', 'b', 'c']);
  });
});

describe('StringDict.fromStrings (a shipped column)', () => {
  const words = ['P04637', 'P38398', 'ENSG00000141510', 'Trp53', 'ÄÖ', ''];
  const bytes = words.map((w) => new TextEncoder().encode(w));
  const pool = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  const offsets = new Int32Array(words.length + 1);
  bytes.forEach((b, k) => {
    pool.set(b, offsets[k]);
    offsets[k + 1] = offsets[k] + b.length;
  });

  it('reads its strings without a hash table, and builds one on the first lookup', () => {
    const dict = StringDict.fromStrings(pool, offsets, words.length);
    expect(words.map((_, k) => dict.get(k))).toEqual(words);
    const unindexed = dict.byteSize;
    expect(unindexed).toBe(pool.byteLength + offsets.byteLength);
    words.forEach((w, k) => expect(dict.lookupString(w)).toBe(k));
    expect(dict.lookupString('P0463')).toBe(-1);
    expect(dict.byteSize).toBeGreaterThan(unindexed);
    // Interning after the lazy index keeps ids and adds new ones after them.
    expect(dict.internString('Q9Y6K9')).toBe(words.length);
    expect(dict.internString('P38398')).toBe(1);
  });
});
