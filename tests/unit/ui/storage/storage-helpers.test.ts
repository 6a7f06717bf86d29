import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatStorageSize } from '../../../../src/lib/format';
import { whenIdle } from '../../../../src/lib/idle';
import { LAST_PAIR_KEY, readLastPair, writeLastPair } from '../../../../src/storage/last-pair';
import {
  PACK_OPT_IN_KEY,
  readAcceptedPacks,
  writeAcceptedPack,
} from '../../../../src/storage/pack-opt-in';

/** localStorage as a Map, fresh for each test. */
const items = new Map<string, string>();
function stubLocalStorage(): void {
  beforeEach(() => {
    items.clear();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

describe('the last pair mapped', () => {
  stubLocalStorage();

  it('is remembered across visits', () => {
    expect(readLastPair()).toBeNull();
    writeLastPair({ source: 'uniprot', target: 'ensembl_gene' });
    expect(readLastPair()).toEqual({ source: 'uniprot', target: 'ensembl_gene' });
  });

  it('is forgotten when what was stored is not a pair of type ids', () => {
    for (const raw of ['{"source":"uniprot"}', '[1,2]', 'not json', '{"source":1,"target":2}']) {
      items.set(LAST_PAIR_KEY, raw);
      expect(readLastPair(), raw).toBeNull();
    }
  });
});

describe('the opt-in packs accepted', () => {
  stubLocalStorage();

  it('are remembered across visits until withdrawn', () => {
    expect(readAcceptedPacks()).toEqual([]);
    writeAcceptedPack('hmdb', true);
    writeAcceptedPack('other', true);
    expect(readAcceptedPacks().sort()).toEqual(['hmdb', 'other']);
    writeAcceptedPack('hmdb', false);
    expect(readAcceptedPacks()).toEqual(['other']);
  });

  it('keep only names when what was stored is something else', () => {
    items.set(PACK_OPT_IN_KEY, '["hmdb", 3, null]');
    expect(readAcceptedPacks()).toEqual(['hmdb']);
    items.set(PACK_OPT_IN_KEY, '{"hmdb": true}');
    expect(readAcceptedPacks()).toEqual([]);
  });
});

describe('whenIdle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('falls back to a short timer where idle callbacks are missing, and can be cancelled', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    whenIdle(task);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledOnce();

    const cancelled = vi.fn();
    whenIdle(cancelled)();
    vi.advanceTimersByTime(1000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe('formatStorageSize', () => {
  it('gives megabytes below a gigabyte and gigabytes above', () => {
    expect(formatStorageSize(9.5 * 1024 * 1024)).toBe('9.5 MB');
    expect(formatStorageSize(10_249.5 * 1024 * 1024)).toBe('10.0 GB');
  });
});
