/**
 * Whatever a store hands back, the engine starts, maps, names what it set aside, and can clear
 * it: a damaged record costs only itself (#11). Expected mappings come from the fixture CSVs.
 */
import { describe, expect, it } from 'vitest';
import type { UserTableSpec } from '../../../workers/api';
import { CrosswalkEngine } from '../../../workers/engine/engine';
import type { StoredTable } from '../../../workers/engine/tables/stored-layout';
import { fileKeyOf, readUserTableRecord } from '../../../workers/engine/user-tables/stored-record';
import {
  MemoryUserTableStore,
  type UserTableRecord,
} from '../../../workers/engine/user-tables/user-table-store';
import { MemoryTableStore } from '../../../workers/storage/memory-table-store';
import {
  CATALOG_URL,
  fixtureBytes,
  fsReadBytes,
  multiMap,
  readCsv,
  rowsOf,
  sorted,
} from './helpers';

const QIN = 'quirks/qin-like.csv';
const organsSpec = (name: string): UserTableSpec => ({
  name,
  columns: [
    { name: 'gene', type: 'symbol' },
    { name: 'uniprot', type: 'uniprot' },
    { name: 'organ', type: 'organ' },
  ],
});
const organsOf = multiMap(readCsv(QIN), 'uniprot', 'organ');
const entrezOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'uniprot', 'entrez_id');

async function newEngine(stores: { userStore: MemoryUserTableStore; store: MemoryTableStore }) {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, ...stores });
  await engine.init(CATALOG_URL);
  return engine;
}

/** Stores holding two user tables, "organs" and "spare", and the parsed tables of one run. */
async function storesWithTables() {
  const stores = { userStore: new MemoryUserTableStore(), store: new MemoryTableStore() };
  const engine = await newEngine(stores);
  for (const name of ['organs', 'spare']) {
    await engine.checkTable(
      new File([fixtureBytes(QIN) as BlobPart], 'qin-like.csv'),
      organsSpec(name),
    );
    await engine.addTable(name);
  }
  await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
  await engine.map({ text: 'TP53', source: 'symbol', target: 'entrez' });
  await engine.loader.flushWrites();
  return stores;
}

const GARBAGE: [string, unknown][] = [
  ['a string', 'not a record'],
  ['a record without its spec', { enabled: true }],
  [
    'a spec whose columns are not columns',
    { enabled: true, spec: { name: 'spare', columns: null } },
  ],
  ['null', null],
];

describe('a damaged record of your tables', () => {
  it.each(GARBAGE)(
    '%s: set aside and named; the app starts and maps; clearing removes it',
    async (_what, value) => {
      const stores = await storesWithTables();
      stores.userStore.records.set('spare', value);
      const engine = await newEngine(stores);

      const names = engine.catalog().tables.map((table) => table.name);
      expect(names).toContain('organs');
      expect(names).not.toContain('spare');
      const organs = await engine.map({ text: 'P15090', source: 'uniprot', target: 'organ' });
      expect(rowsOf(organs)[0].pairs.map((p) => p.target)).toEqual(organsOf.get('P15090'));
      expect(
        organs.notes.some((note) => note.includes('"spare"') && note.includes('damaged')),
      ).toBe(true);

      const storage = await engine.storage();
      expect(storage.damaged).toEqual([
        expect.objectContaining({ store: 'your tables', key: 'spare' }),
      ]);
      await engine.clearStorage();
      expect(stores.userStore.records.has('spare')).toBe(false);
      expect(stores.userStore.records.has('organs')).toBe(true);
      expect((await engine.storage()).damaged).toEqual([]);
    },
  );
});

describe('a damaged stored file of your table', () => {
  it('costs only that table: a note names it, and other paths still map', async () => {
    const stores = await storesWithTables();
    const organs = stores.userStore.records.get('organs') as UserTableRecord;
    stores.userStore.files.set(fileKeyOf(organs), 'not the bytes');
    stores.store.entries.clear();
    stores.store.index.clear();
    const engine = await newEngine(stores);
    const result = await engine.map({ text: 'P15090\nP04637', source: 'uniprot', target: 'organ' });
    const note = result.notes.find((n) => n.includes('"organs"') && n.includes('damaged'));
    expect(note).toBeDefined();
    expect(note).not.toContain('..');
    // The same file under "spare" still maps.
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(organsOf.get('P15090'));
    const mapped = await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(rowsOf(mapped)[0].pairs.map((p) => p.target)).toEqual(entrezOf.get('P04637'));
  });
});

describe('damaged parsed tables and index entries', () => {
  it('a renamed column fails the checksum: the copy is discarded with a note and rebuilt', async () => {
    const stores = await storesWithTables();
    for (const stored of stores.store.entries.values()) {
      (stored as StoredTable).columns[0].name = 'renamed';
    }
    const engine = await newEngine(stores);
    const result = await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(sorted(rowsOf(result)[0].pairs.map((p) => p.target))).toEqual(
      sorted(entrezOf.get('P04637')!),
    );
    expect(result.notes.some((note) => note.includes('checksum'))).toBe(true);
  });

  it('a null index entry and a table the index does not name are listed, and cleared', async () => {
    const stores = await storesWithTables();
    const [first, second] = [...stores.store.index.keys()];
    expect(second).toBeDefined();
    stores.store.index.set(first, null);
    stores.store.index.delete(second);
    const engine = await newEngine(stores);
    const storage = await engine.storage();
    expect(storage.damaged.map((d) => d.key).sort()).toEqual([first, second].sort());
    expect(storage.tables.map((t) => t.key)).not.toContain(first);
    await engine.clearStorage();
    const after = await engine.storage();
    expect(after.damaged).toEqual([]);
    expect(after.tables).toEqual([]);
    expect(stores.store.entries.size).toBe(0);
  });
});

describe('what the review of #11 found', () => {
  it('a stale tab clearing a damaged record never deletes the intact table re-added under its name', async () => {
    const stores = await storesWithTables();
    stores.userStore.records.set('spare', 'not a record');
    const [a, b] = [await newEngine(stores), await newEngine(stores)];
    await a.clearStorage();
    await a.checkTable(
      new File([fixtureBytes(QIN) as BlobPart], 'qin-like.csv'),
      organsSpec('spare'),
    );
    await a.addTable('spare');
    await b.clearStorage(); // B still lists "spare" as damaged
    expect(
      readUserTableRecord({ key: 'spare', value: stores.userStore.records.get('spare') }),
    ).not.toBeTypeOf('string');
    const reloaded = await newEngine(stores);
    const result = await reloaded.map({ text: 'P15090', source: 'uniprot', target: 'organ' });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(organsOf.get('P15090'));
  });

  it('a record under a key that is not a name is set aside and cleared', async () => {
    const stores = await storesWithTables();
    const organs = stores.userStore.records.get('organs');
    stores.userStore.records.set(5, organs);
    const engine = await newEngine(stores);
    expect((await engine.storage()).damaged.map((d) => d.key)).toContain('5');
    await engine.clearStorage();
    expect(stores.userStore.records.has(5)).toBe(false);
    expect(stores.userStore.records.get('organs')).toEqual(organs);
  });

  it('sizes no file of ours has, or two columns of one type, are set aside before they can fail a run', async () => {
    const stores = await storesWithTables();
    const spare = stores.userStore.records.get('spare') as UserTableRecord;
    stores.userStore.records.set('spare', { ...spare, spec: { ...spare.spec, rows: 1e10 } });
    const organs = stores.userStore.records.get('organs') as UserTableRecord;
    const columns = organs.spec.columns.map((c) =>
      c.type === 'organ' ? { ...c, type: 'symbol' } : c,
    );
    stores.userStore.records.set('organs', { ...organs, spec: { ...organs.spec, columns } });
    const engine = await newEngine(stores);
    expect((await engine.storage()).damaged.map((d) => d.key).sort()).toEqual(['organs', 'spare']);
    const result = await engine.map({ text: 'TP53', source: 'symbol', target: 'entrez' });
    expect(rowsOf(result)[0].status).toBe('mapped');
  });

  it('adding over a damaged record says so, instead of blaming another tab', async () => {
    const stores = await storesWithTables();
    stores.userStore.records.set('spare', 'not a record');
    const engine = await newEngine(stores);
    await engine.checkTable(
      new File([fixtureBytes(QIN) as BlobPart], 'qin-like.csv'),
      organsSpec('spare'),
    );
    await expect(engine.addTable('spare')).rejects.toThrow(
      /damaged stored entry holds the name "spare"/,
    );
  });

  it('without a store for your tables, an added table says it lasts for this visit only', async () => {
    const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
    await engine.init(CATALOG_URL);
    await engine.checkTable(
      new File([fixtureBytes(QIN) as BlobPart], 'qin-like.csv'),
      organsSpec('organs'),
    );
    const catalog = await engine.addTable('organs');
    expect(catalog.tables.find((t) => t.name === 'organs')?.kept).toBe(false);
    expect(catalog.storageProblem).toMatch(/no IndexedDB/);
  });
});
