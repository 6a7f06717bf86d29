/**
 * Two tabs of one browser: two engines over one user-table store. Neither overwrites nor revives
 * what the other wrote, and each can catch up with the other's changes (#11 item 2).
 */
import { describe, expect, it } from 'vitest';
import type { UserTableSpec } from '../../../../workers/api';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { fileKeyOf } from '../../../../workers/engine/user-tables/stored-record';
import {
  MemoryUserTableStore,
  type UserTableRecord,
} from '../../../../workers/engine/user-tables/user-table-store';
import {
  CATALOG_URL,
  fixtureBytes,
  fsReadBytes,
  multiMap,
  readCsv,
  rowsOf,
  sorted,
} from '../helpers';

const QIN = 'quirks/qin-like.csv';
const HPA = 'quirks/hpa-like.csv';
const spec = (name: string, separator?: string): UserTableSpec => ({
  name,
  columns: [
    { name: 'gene', type: 'symbol' },
    { name: 'uniprot', type: 'uniprot', ...(separator ? { separator } : {}) },
    { name: 'organ', type: 'organ' },
  ],
});
const file = (relative: string) =>
  new File([fixtureBytes(relative) as BlobPart], relative.split('/').pop()!);

async function tab(userStore: MemoryUserTableStore): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, userStore });
  await engine.init(CATALOG_URL);
  return engine;
}

const userTables = (engine: CrosswalkEngine) =>
  engine
    .catalog()
    .tables.filter((t) => t.user)
    .map((t) => t.name);

describe('two tabs sharing one store', () => {
  it('a name the other tab took meanwhile is refused, and the other tab’s file stays', async () => {
    const store = new MemoryUserTableStore();
    const [a, b] = [await tab(store), await tab(store)];
    await a.checkTable(file(QIN), spec('panel'));
    await b.checkTable(file(HPA), spec('panel', ','));
    await a.addTable('panel');
    await expect(b.addTable('panel')).rejects.toThrow(/"panel" was just added in another tab/);
    expect(userTables(b)).toEqual([]);
    expect(store.files.get(fileKeyOf(store.records.get('panel') as UserTableRecord))).toEqual(
      fixtureBytes(QIN),
    );
    // Only A's file is kept: B's was taken back when its name was refused.
    expect(store.files.size).toBe(1);

    // After a reload, "panel" is A's file: qin-like.csv's organs.
    const reloaded = await tab(store);
    const result = await reloaded.map({ text: 'P15090', source: 'uniprot', target: 'organ' });
    const organs = multiMap(readCsv(QIN), 'uniprot', 'organ').get('P15090')!;
    expect(sorted(rowsOf(result)[0].pairs.map((p) => p.target))).toEqual(sorted(organs));
  });

  it('a stale change never revives a table the other tab removed', async () => {
    const store = new MemoryUserTableStore();
    const a = await tab(store);
    await a.checkTable(file(QIN), spec('panel'));
    await a.addTable('panel');
    const b = await tab(store);
    expect(userTables(b)).toEqual(['panel']);

    await a.removeTable('panel');
    const catalog = await b.setTableOptions('panel', { priority: 3 });
    expect(catalog.tables.map((t) => t.name)).not.toContain('panel');
    expect(catalog.notice).toMatch(/"panel" was removed in another tab/);
    expect(store.records.has('panel')).toBe(false);
    expect(userTables(await tab(store))).toEqual([]);
  });

  it('syncUserTables brings a tab in line with what the other tab added, changed and removed', async () => {
    const store = new MemoryUserTableStore();
    const [a, b] = [await tab(store), await tab(store)];
    await a.checkTable(file(QIN), spec('panel'));
    await a.addTable('panel');
    expect(userTables(b)).toEqual([]);
    let catalog = await b.syncUserTables();
    expect(catalog.tables.find((t) => t.name === 'panel')).toMatchObject({
      user: true,
      enabled: true,
      kept: true,
      rows: readCsv(QIN).rows.length,
    });

    await a.setTableOptions('panel', { enabled: false, priority: 2 });
    catalog = await b.syncUserTables();
    expect(catalog.tables.find((t) => t.name === 'panel')).toMatchObject({
      enabled: false,
      priority: 2,
    });
    expect((store.records.get('panel') as UserTableRecord).enabled).toBe(false);

    await a.removeTable('panel');
    catalog = await b.syncUserTables();
    expect(catalog.tables.map((t) => t.name)).not.toContain('panel');
  });

  it('a sync from another tab waits for the run that reads the table it removes', async () => {
    const store = new MemoryUserTableStore();
    const a = await tab(store);
    await a.checkTable(file(QIN), spec('panel'));
    await a.addTable('panel');
    const b = await tab(store);
    const request = { text: 'P15090', source: 'uniprot', target: 'organ' };
    await b.map(request); // B holds the table in memory now
    const run = b.map(request);
    await a.removeTable('panel');
    const synced = b.syncUserTables();
    const organs = multiMap(readCsv(QIN), 'uniprot', 'organ').get('P15090')!;
    expect(sorted(rowsOf(await run)[0].pairs.map((p) => p.target))).toEqual(sorted(organs));
    expect((await synced).tables.map((t) => t.name)).not.toContain('panel');
  });
});
