/**
 * A big file through the engine (#19): a file whose text is over the whole-file limit is read in a
 * stream, only its chosen ID types are kept, the packed form is what is stored (and what a new
 * engine on the same store maps from, never the file), the limit on what is kept is checked
 * before the long read, and a table the storage has no room for is refused, naming what to free.
 * The file is the real idmapping.dat excerpt behind a size that says it is big; expectations are
 * read from its rows here.
 */
import { describe, expect, it } from 'vitest';
import type { UserTableSpec } from '../../../../workers/api';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { readBigFile } from '../../../../workers/engine/user-tables/big-file';
import {
  MAX_PACKED_BYTES,
  readUserTableRecord,
} from '../../../../workers/engine/user-tables/stored-record';
import { isShipped } from '../../../../workers/engine/tables/shipped-table';
import { MemoryUserTableStore } from '../../../../workers/engine/user-tables/user-table-store';
import { CATALOG_URL, expectCrosswalkError, fixtureBytes, fsReadBytes, rowsOf } from '../helpers';

const MB = 1024 * 1024;
const bytes = fixtureBytes('formats/uniprot_idmapping.dat');
const rows = new TextDecoder()
  .decode(bytes)
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t'));

/** The excerpt, said to be `size` bytes (only its own bytes are ever read). */
function saidToBe(size: number): Blob {
  const real = new Blob([bytes as BlobPart]);
  return {
    size,
    name: 'FLY_idmapping.dat',
    slice: (start?: number, end?: number) => real.slice(start, end),
    stream: () => real.stream(),
  } as unknown as Blob;
}

async function engineWith(store: MemoryUserTableStore): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, userStore: store });
  await engine.init(CATALOG_URL);
  return engine;
}

/** The check request the app sends for the previewed file, keeping `keep` ID types. */
async function requestFor(engine: CrosswalkEngine, file: Blob, keep: string[]) {
  const preview = await engine.previewTable(file, 'FLY_idmapping.dat');
  expect(preview.streamed).toEqual({ maxPackedBytes: MAX_PACKED_BYTES });
  const spec = preview.format!.spec;
  const types = Object.fromEntries(
    keep.map((name) => [name, name === 'GeneID' ? 'entrez' : 'refseq']),
  );
  return { name: 'fly', ...spec, long: { ...spec.long!, types } } as UserTableSpec;
}

describe('a big file through the engine', () => {
  const geneIdRows = rows.filter((r) => r[1] === 'GeneID');
  const accessions = [...new Set(geneIdRows.map((r) => r[0]))];
  const expected = accessions.map((ac) => geneIdRows.filter((r) => r[0] === ac).map((r) => r[2]));

  it('is read in a stream, kept packed, and mapped from the store after a restart', async () => {
    const store = new MemoryUserTableStore();
    const engine = await engineWith(store);
    const file = saidToBe(300 * MB);
    const progress: number[] = [];
    const report = await engine.checkTable(file, await requestFor(engine, file, ['GeneID']), (p) =>
      progress.push(p.rowsRead),
    );
    expect(report.findings[0]).toContain(`Read in a stream: ${rows.length} rows`);
    expect(progress.at(-1)).toBe(rows.length);
    const catalog = await engine.addTable('fly');
    const info = catalog.tables.find((t) => t.name === 'fly')!;
    expect(info.streamed).toEqual({ bytes: 300 * MB, rows: rows.length });
    expect(info.rows).toBe(geneIdRows.length);
    // What is stored is the packed form, never the file.
    const [stored] = [...store.files.values()] as Uint8Array[];
    expect(isShipped(stored)).toBe(true);
    expect(info.bytes).toBe(stored.length);

    const again = await engineWith(store);
    const result = await again.map({
      text: accessions.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    expect(rowsOf(result).map((r) => r.pairs.map((p) => p.target))).toEqual(expected);
  });

  it('refuses before the long read what its head says cannot fit, naming the types', async () => {
    const file = saidToBe(300 * MB);
    const engine = await engineWith(new MemoryUserTableStore());
    const request = await requestFor(engine, file, ['GeneID', 'RefSeq']);
    let read = false;
    await expectCrosswalkError(
      readBigFile(file, 'FLY_idmapping.dat', { ...request, columns: [] }, () => (read = true), MB),
      'unreadable-file',
      '"FLY_idmapping.dat": keeping GeneID, RefSeq would take about',
      'over the limit of 1 MB; nothing was read further',
    );
    expect(read).toBe(false);
  });

  it('is not stored when the browser has no room, and the message names what to free', async () => {
    const store = new MemoryUserTableStore();
    store.room = async () => 10;
    const engine = await engineWith(store);
    const file = saidToBe(300 * MB);
    await engine.checkTable(file, await requestFor(engine, file, ['GeneID']));
    await expectCrosswalkError(
      engine.addTable('fly'),
      'bad-request',
      'Table "fly" needs 1 KB of browser storage, but this browser lets Crosswalk store only 1 KB more; nothing was stored',
      'clear the stored tables in the Storage panel',
    );
    expect(store.records.size).toBe(0);
    expect(store.files.size).toBe(0);
    // Once there is room, the checked table is added without reading the file again.
    store.room = async () => 100 * MB;
    await engine.addTable('fly');
    expect(store.records.size).toBe(1);
  });
});

describe('a streamed table’s stored record', () => {
  const spec = {
    name: 'big',
    label: 'big',
    file: 'big.dat.gz',
    hash: 'ab',
    bytes: 300 * MB,
    rows: 2_000_000,
    columns: [],
    long: {
      key: 'UniProtKB-AC',
      keyType: 'uniprot',
      typeColumn: 'ID_type',
      value: 'ID',
      types: { GeneID: 'entrez' },
    },
    source: 'your file big.dat.gz',
    date: '2026-12-02',
    licence: 'yours',
  };
  const check = (s: object) =>
    readUserTableRecord({ key: 'big', value: { spec: s, enabled: true }, rawKey: 'big' });

  it('may be packed up to the kept limit and keep fewer rows than its file had', () => {
    expect(check({ ...spec, streamed: { bytes: 3e9, rows: 30_000_000 } })).toMatchObject({
      spec: { streamed: { bytes: 3e9, rows: 30_000_000 } },
    });
    // Without its origin, 300 MB is no size of a stored file.
    expect(check(spec)).toBe('its size is not a file size');
  });

  it('is set aside when its origin is damaged or its rows are more than the file had', () => {
    expect(check({ ...spec, streamed: { bytes: -1, rows: 5 } })).toBe(
      'its streamed origin is damaged',
    );
    expect(check({ ...spec, streamed: { bytes: 3e9, rows: 5 } })).toBe(
      'its row count does not fit its size',
    );
  });
});
