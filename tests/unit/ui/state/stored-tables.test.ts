// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageInfo } from '../../../../workers/api';

const engine = vi.hoisted(() => ({
  storage: vi.fn<() => Promise<StorageInfo>>(),
  clearStorage: vi.fn(async () => {}),
  warmUp: vi.fn<(source: string, target: string) => Promise<string[]>>(),
}));

vi.mock('../../../../src/worker-client/engine-client', () => ({
  engine,
  EngineStoppedError: class EngineStoppedError extends Error {},
}));

const { StoredTables } = await import('../../../../src/state/StoredTables.svelte');

const stored = (name: string, savedAt: number) => ({
  key: `${name}-key`,
  name,
  bytes: 1e6,
  savedAt,
});

describe('StoredTables', () => {
  beforeEach(() => {
    engine.storage.mockReset();
    engine.clearStorage.mockClear();
    engine.warmUp.mockReset();
  });

  it('lists the stored tables by name with their total', async () => {
    engine.storage.mockResolvedValue({
      available: true,
      damaged: [],
      tables: [stored('uniprot', 1), stored('genes', 1)],
    });
    const storage = new StoredTables();
    await storage.refresh();
    expect(storage.info?.tables.map((t) => t.name)).toEqual(['genes', 'uniprot']);
    expect(storage.totalBytes).toBe(2e6);
  });

  it('follows background writes until the tables a run parsed are saved', async () => {
    vi.useFakeTimers();
    const since = 1000;
    engine.storage
      .mockResolvedValueOnce({ available: true, damaged: [], tables: [stored('uniprot', 10)] })
      .mockResolvedValueOnce({
        available: true,
        damaged: [],
        tables: [stored('uniprot', since + 5)],
      })
      .mockResolvedValue({
        available: true,
        damaged: [],
        tables: [stored('uniprot', since + 5), stored('genes', since + 9)],
      });
    const storage = new StoredTables();
    const watching = storage.watchWrites(['uniprot', 'genes'], since);
    await vi.runAllTimersAsync();
    await watching;
    vi.useRealTimers();
    expect(engine.storage).toHaveBeenCalledTimes(3);
    expect(storage.info?.tables.map((t) => t.name)).toEqual(['genes', 'uniprot']);
  });

  it('stops following writes when storage is unavailable', async () => {
    engine.storage.mockResolvedValue({
      available: false,
      damaged: [],
      tables: [],
      problem: 'blocked',
    });
    const storage = new StoredTables();
    await storage.watchWrites(['uniprot'], 0);
    expect(engine.storage).toHaveBeenCalledOnce();
    expect(storage.info?.problem).toBe('blocked');
  });

  it('warms up the last pair and reports what it loaded; a failure only ends the warm-up', async () => {
    const storage = new StoredTables();
    engine.warmUp.mockResolvedValueOnce(['uniprot', 'ensembl_gene']);
    const warming = storage.warmUp({ source: 'uniprot', target: 'ensembl_gene' });
    expect(storage.warmUpState).toBe('warming');
    await warming;
    expect(storage.warmUpState).toBe('done');
    expect(storage.warmed).toEqual(['uniprot', 'ensembl_gene']);

    engine.warmUp.mockRejectedValueOnce(new Error('no path'));
    await storage.warmUp({ source: 'uniprot', target: 'go' });
    expect(storage.warmUpState).toBe('done');
    expect(storage.warmed).toEqual([]);
  });

  it('clears the stored tables, then lists again', async () => {
    engine.storage.mockResolvedValue({ available: true, damaged: [], tables: [] });
    const storage = new StoredTables();
    await storage.clear();
    expect(engine.clearStorage).toHaveBeenCalledOnce();
    expect(engine.storage).toHaveBeenCalledOnce();
    expect(storage.clearing).toBe(false);
  });
});
