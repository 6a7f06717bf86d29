/**
 * The command line's cache folder (node/stores): records survive a killed write and a second
 * process, a damaged record is listed by its file and can be deleted, and clearing leaves nothing.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FsRecords } from '../../../node/stores/fs-records';
import { FsTableStore } from '../../../node/stores/fs-table-store';

let dir: string;
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'crosswalk-fs-')));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FsRecords', () => {
  it('reads back what it wrote, typed arrays as typed arrays, at any key', () => {
    const records = new FsRecords(fresh());
    const value = { ids: Int32Array.from([1, -2, 3]), bytes: Uint8Array.from([7, 8]) };
    records.set('panel\u0000abc/../x', value);
    expect(records.get('panel\u0000abc/../x')).toEqual(value);
    expect(records.get('other')).toBeUndefined();
    expect(records.keys()).toEqual(['panel\u0000abc/../x']);
  });

  it('lets one of two claims on a name win, and never replaces the winner', () => {
    const a = new FsRecords(fresh());
    const b = new FsRecords(dir);
    expect(a.create('panel', 'first')).toBe(true);
    expect(b.create('panel', 'second')).toBe(false);
    expect(b.get('panel')).toBe('first');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('lists a file it cannot read by its name, deletes it as damaged, and clears leftovers', () => {
    const records = new FsRecords(fresh());
    records.set('kept', 1);
    writeFileSync(join(dir, `${'0'.repeat(40)}.v8`), 'not a record');
    writeFileSync(join(dir, `${'1'.repeat(40)}.v8.abc.tmp`), 'a write a killed process left');
    const entries = records.entries();
    expect(entries).toContainEqual({ key: 'kept', value: 1, file: expect.any(String) });
    expect(entries).toContainEqual({
      key: undefined,
      value: undefined,
      file: `${'0'.repeat(40)}.v8`,
    });
    expect(records.deleteDamaged(`${'0'.repeat(40)}.v8`)).toBe(true);
    expect(records.keys()).toEqual(['kept']);
    records.clear();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('FsTableStore', () => {
  it('lists the keys of the tables it holds from their index, not by reading each', async () => {
    const store = new FsTableStore(fresh());
    const table = { key: 'k1', name: 'panel', bytes: 3 } as Parameters<FsTableStore['put']>[0];
    await store.put(table);
    expect(await store.keys()).toEqual(['k1']);
    await store.delete('k1');
    expect(await store.keys()).toEqual([]);
    expect(await store.list()).toEqual([]);
  });
});
