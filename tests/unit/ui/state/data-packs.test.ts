// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogInfo, PackInfo, TableInfo } from '../../../../workers/api';

const engine = vi.hoisted(() => ({
  fetchPack: vi.fn(),
  dropPack: vi.fn(),
  setTableOptions: vi.fn(),
}));

vi.mock('../../../../src/worker-client/engine-client', () => ({
  engine,
  EngineStoppedError: class EngineStoppedError extends Error {},
}));

const { DataPacks } = await import('../../../../src/state/DataPacks.svelte');

function table(name: string, enabled: boolean, pack?: string): TableInfo {
  return { name, label: name, columns: [], priority: 0, loaded: false, enabled, user: false, pack };
}

const MOUSE: PackInfo = {
  name: 'mouse',
  label: 'Mouse (MGI)',
  description: 'Mouse genes from MGI.',
  source: 'MGI',
  date: '2025-08-07',
  licence: 'MGI: cite MGI',
  tables: ['mgi_genes', 'mgi_synonyms'],
  bytes: 2_000_000,
  onDevice: false,
};

const HMDB: PackInfo = {
  ...MOUSE,
  name: 'hmdb',
  label: 'HMDB',
  licence: 'HMDB: non-commercial',
  optIn: true,
  notice: 'Free for non-commercial use.',
  tables: ['hmdb_chebi', 'hmdb_secondary'],
};

function catalogWith(packs: PackInfo[], tables: TableInfo[]): CatalogInfo {
  return { version: 'test', types: [], tables, packs };
}

const CATALOG = catalogWith(
  [MOUSE, HMDB],
  [
    table('genes', true),
    table('mgi_genes', true, 'mouse'),
    table('mgi_synonyms', true, 'mouse'),
    table('hmdb_chebi', false, 'hmdb'),
    table('hmdb_secondary', false, 'hmdb'),
  ],
);

function setUp(start: CatalogInfo = CATALOG) {
  let catalog: CatalogInfo | null = start;
  const errors: string[] = [];
  let storedChanges = 0;
  const packs = new DataPacks({
    catalog: () => catalog,
    setCatalog: (next) => (catalog = next),
    onError: (message) => errors.push(message),
    onStoredChange: () => storedChanges++,
  });
  return { packs, errors, catalog: () => catalog, storedChanges: () => storedChanges };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('DataPacks', () => {
  it('lists the catalog’s packs and says an opt-in pack is off while its tables are', () => {
    const { packs } = setUp();
    expect(packs.packs.map((pack) => pack.name)).toEqual(['mouse', 'hmdb']);
    expect(packs.enabled(MOUSE)).toBe(true);
    expect(packs.enabled(HMDB)).toBe(false);
  });

  it('fetches a pack, busy meanwhile, and takes the catalog that has it on this device', async () => {
    const { packs, catalog } = setUp();
    const fetched = catalogWith([{ ...MOUSE, onDevice: true }, HMDB], CATALOG.tables);
    let answer: (value: CatalogInfo) => void = () => {};
    engine.fetchPack.mockReturnValue(new Promise<CatalogInfo>((resolve) => (answer = resolve)));

    const done = packs.fetch(MOUSE);
    expect(packs.busy).toEqual({ mouse: 'fetch' });
    // A second click while it downloads asks for nothing more.
    await packs.fetch(MOUSE);
    expect(engine.fetchPack).toHaveBeenCalledTimes(1);

    answer(fetched);
    await done;
    expect(engine.fetchPack).toHaveBeenCalledWith('mouse');
    expect(catalog()).toBe(fetched);
    expect(packs.busy).toEqual({});
  });

  it('reports a failed fetch in the banner, naming the pack, and keeps the catalog', async () => {
    const { packs, errors, catalog } = setUp();
    engine.fetchPack.mockRejectedValue(new TypeError('Failed to fetch'));
    await packs.fetch(MOUSE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Could not fetch the data pack “Mouse \(MGI\)”: Failed to fetch/);
    expect(catalog()).toBe(CATALOG);
    expect(packs.busy).toEqual({});
  });

  it('says so when the fetch failed on a device that is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    try {
      const { packs, errors } = setUp();
      engine.fetchPack.mockRejectedValue(new TypeError('Failed to fetch'));
      await packs.fetch(MOUSE);
      expect(errors).toEqual([
        'Could not fetch the data pack “Mouse (MGI)”: Failed to fetch. This device is offline; try again once it is connected.',
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('drops a pack and tells the stored-tables panel', async () => {
    const { packs, catalog, storedChanges } = setUp();
    const dropped = catalogWith([MOUSE, HMDB], CATALOG.tables);
    engine.dropPack.mockResolvedValue(dropped);
    await packs.drop({ ...MOUSE, onDevice: true });
    expect(engine.dropPack).toHaveBeenCalledWith('mouse');
    expect(catalog()).toBe(dropped);
    expect(storedChanges()).toBe(1);
  });

  it('enables or disables every table of an opt-in pack, one call per table', async () => {
    const { packs, catalog } = setUp();
    const enabled = catalogWith(
      [MOUSE, HMDB],
      CATALOG.tables.map((t) => (t.pack === 'hmdb' ? { ...t, enabled: true } : t)),
    );
    engine.setTableOptions.mockResolvedValue(enabled);
    await packs.setOptIn(HMDB, true);
    expect(engine.setTableOptions.mock.calls).toEqual([
      ['hmdb_chebi', { enabled: true }],
      ['hmdb_secondary', { enabled: true }],
    ]);
    expect(catalog()).toBe(enabled);

    engine.setTableOptions.mockClear();
    await packs.setOptIn(HMDB, false);
    expect(engine.setTableOptions.mock.calls.map((call) => call[1])).toEqual([
      { enabled: false },
      { enabled: false },
    ]);
  });

  it('keeps the tables already changed when enabling one fails', async () => {
    const { packs, catalog, errors } = setUp();
    const first = catalogWith([MOUSE, HMDB], CATALOG.tables);
    engine.setTableOptions
      .mockResolvedValueOnce(first)
      .mockRejectedValueOnce(new Error('There is no table "hmdb_secondary".'));
    await packs.setOptIn(HMDB, true);
    expect(catalog()).toBe(first);
    expect(errors).toEqual([
      'Could not enable the data pack “HMDB”: There is no table "hmdb_secondary".',
    ]);
  });
});
