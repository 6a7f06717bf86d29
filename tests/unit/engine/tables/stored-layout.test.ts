/**
 * The stored layout (stored-table.ts): a PackedTable → StoredTable → structured clone (what
 * IndexedDB does) → PackedTable round trip must restore every index exactly; a damaged or foreign
 * entry must be refused with a reason, never turned into a table; and through the engine, a
 * table's store key must follow its content and parse settings.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapRequest, MapResult, Phase } from '../../../../workers/api';
import type { CatalogColumn, CatalogFile } from '../../../../workers/engine/tables/catalog';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { MemoryTableStore } from '../../../../workers/storage/memory-table-store';
import type { StoredEntry, TableStore } from '../../../../workers/engine/tables/table-store';
import {
  fromStored,
  STORED_FORMAT,
  toStored,
  type StoredTable,
} from '../../../../workers/engine/tables/stored-layout';
import type { PackedTable } from '../../../../workers/engine/tables/packed-table';
import { relax } from '../../../../workers/engine/tables/relaxed-index';
import { parseTable } from '../../../../workers/engine/tables/parse-table';
import {
  columnOf,
  dictValues,
  distinct,
  fixtureBytes,
  fixtureCatalog,
  fixtureText,
  fsReadBytes,
  loadFixtureEngine,
  loadFixtureTable,
  ORG_DIR,
  readCsv,
  rowsOf,
} from '../helpers';

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Fixture tables and what the round trip must keep

interface Case {
  label: string;
  file: string;
  columns: CatalogColumn[];
  /** Edge directions built before storing (column indexes). */
  built: [number, number][];
}

/** Every ordered pair of distinct column indexes. */
function directions(count: number): [number, number][] {
  const all: [number, number][] = [];
  for (let a = 0; a < count; a++) for (let b = 0; b < count; b++) if (a !== b) all.push([a, b]);
  return all;
}

const ORG_CASES: Case[] = fixtureCatalog().tables.flatMap((t): Case[] => {
  const file = `org-hs-eg/${t.file}`;
  return [
    // Both directions stored.
    {
      label: `${t.name} (both directions)`,
      file,
      columns: t.columns,
      built: [
        [0, 1],
        [1, 0],
      ],
    },
    // Only the reverse stored: the forward one must be built on demand after restoring.
    { label: `${t.name} (one direction)`, file, columns: t.columns, built: [[1, 0]] },
  ];
});

const QUIRK_CASES: Case[] = [
  {
    label: 'qin-like.csv (organ split on ",")',
    file: 'quirks/qin-like.csv',
    columns: [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
      { name: 'organ', type: 'organ', separator: ',' },
    ],
    built: [
      [0, 1],
      [1, 0],
      [2, 1],
    ],
  },
  {
    label: 'hpa-like.csv (uniprot and organ split on ",")',
    file: 'quirks/hpa-like.csv',
    columns: [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot', separator: ',' },
      { name: 'organ', type: 'organ', separator: ',' },
    ],
    built: [
      [1, 0],
      [0, 1],
      [1, 2],
    ],
  },
];

/** Everything a restored table must reproduce, as plain data. */
function snapshot(table: PackedTable) {
  return {
    name: table.name,
    records: table.records,
    stats: table.stats,
    columns: table.columns.map((c) => ({
      name: c.name,
      type: c.type,
      size: c.dict.size,
      values: dictValues(table, c.name),
      ids: [...c.ids],
      composite: c.composite ? [...c.composite] : null,
    })),
    built: table.builtEdges().map(([key, csr]) => ({
      key,
      start: [...csr.start],
      target: [...csr.target],
      composite: [...csr.composite],
    })),
  };
}

const csrOf = (table: PackedTable, from: number, to: number) => {
  const csr = table.edges(from, to);
  return { start: [...csr.start], target: [...csr.target], composite: [...csr.composite] };
};

/** Parses a case and builds its edges: the table as it would be when persisted. */
async function buildCase(c: Case): Promise<PackedTable> {
  const table = await loadFixtureTable(c.file, c.columns);
  for (const [from, to] of c.built) table.edges(from, to);
  return table;
}

/** The stored form as IndexedDB would hand it back: a structured clone. */
async function storedCopy(
  c: Case,
  key = 'k',
): Promise<{ table: PackedTable; stored: StoredTable }> {
  const table = await buildCase(c);
  return { table, stored: structuredClone(toStored(key, table)) };
}

function restore(key: string, stored: StoredTable): PackedTable {
  const result = fromStored(key, stored);
  if (!('table' in result)) throw new Error(`refused: ${result.problem}`);
  return result.table;
}

/** Byte length of every typed array in a value, found by walking it (independent of arraysOf). */
function typedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + typedBytes(v), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce((n: number, v) => n + typedBytes(v), 0);
  return 0;
}

describe('toStored → structuredClone → fromStored', () => {
  it.each([...ORG_CASES, ...QUIRK_CASES].map((c) => [c.label, c] as const))(
    'restores every index of %s',
    async (_label, c) => {
      const { table, stored } = await storedCopy(c, 'the-key');
      expect(stored.format).toBe(STORED_FORMAT);
      expect(stored.key).toBe('the-key');
      expect(stored.name).toBe(table.name);
      expect(stored.bytes).toBe(typedBytes(stored.columns) + typedBytes(stored.edges));
      const restored = restore('the-key', stored);

      // The built edges are part of the entry: nothing is rebuilt on restore.
      expect(restored.builtEdges().map(([key]) => key)).toEqual(
        c.built.map(([a, b]) => `${a}>${b}`),
      );
      expect(snapshot(restored)).toEqual(snapshot(table));

      for (let col = 0; col < table.columns.length; col++) {
        const dict = restored.columns[col].dict;
        const values = dictValues(table, table.columns[col].name);
        expect(values.length, 'a column with no values would test nothing').toBeGreaterThan(0);
        values.forEach((value, id) => {
          expect(dict.lookupString(value), `${c.columns[col].name} "${value}"`).toBe(id);
          const bytes = encoder.encode(`<${value}>`);
          expect(dict.lookup(bytes, 1, bytes.length - 1)).toBe(id);
        });
        expect(dict.lookupString('NOT-IN-ANY-FIXTURE \u2603')).toBe(-1);
        expect(dict.lookupString(`${values[0]}X`)).toBe(-1);
        expect(dict.lookupString('')).toBe(-1);
        // Relaxed indexes are rebuilt from the restored dictionary: the same answers.
        const transforms = restored.transformsOf(col);
        for (let level = 1; level <= transforms.length; level++) {
          const relaxed = relax(transforms.slice(0, level), values[0].toLowerCase());
          const got = restored.relaxedLookup(col, level, relaxed);
          const want = table.relaxedLookup(col, level, relaxed);
          expect(got && [...got[0].subarray(got[1], got[2])]).toEqual(
            want && [...want[0].subarray(want[1], want[2])],
          );
        }
      }

      // Directions not stored are built on demand and agree with the original's.
      const storedKeys = new Set(c.built.map(([a, b]) => `${a}>${b}`));
      const all = directions(table.columns.length);
      const missing = all.filter(([a, b]) => !storedKeys.has(`${a}>${b}`));
      expect(missing).toHaveLength(all.length - c.built.length);
      for (const [from, to] of missing) {
        expect(csrOf(restored, from, to), `${from}>${to}`).toEqual(csrOf(table, from, to));
      }
      for (let a = 0; a < table.columns.length; a++) {
        for (let b = a + 1; b < table.columns.length; b++)
          expect(restored.relation(a, b)).toEqual(table.relation(a, b));
      }
      expect(restored.byteSize).toBe(table.byteSize);
    },
  );

  it('keeps the relaxed-key indexes built before it was stored: nothing to rebuild on a reload', async () => {
    // ChEBI ids: prefix stripping changes every key (CHEBI:15377 → 15377), so a bare number is
    // found only through an index of the stripped keys.
    const catalog = JSON.parse(fixtureText('packs/catalog.json')) as CatalogFile;
    const spec = catalog.tables.find((t) => t.name === 'chebi_pubchem')!;
    const { table } = await parseTable(spec, fixtureBytes('packs/chebi_pubchem.csv'));
    const col = table.columnIndex('chebi');
    const levels = table.transformsOf(col).length;
    expect(levels).toBeGreaterThan(0);
    const probe = dictValues(table, 'chebi')[0].replace(/^CHEBI:/, '');
    expect(probe).toMatch(/^\d+$/);
    const relaxed = relax(table.transformsOf(col), probe);
    const want = table.relaxedLookup(col, levels, relaxed);
    expect(want).not.toBeNull();
    const stored = structuredClone(toStored('k', table));
    const restored = restore('k', stored);
    expect(restored.builtRelaxed().map(([key]) => key)).toEqual([`${col}:${levels}`]);
    const got = restored.relaxedLookup(col, levels, relaxed)!;
    expect([...got[0].subarray(got[1], got[2])]).toEqual([
      ...want![0].subarray(want![1], want![2]),
    ]);
    // A damaged index is refused like any damaged array.
    const damaged = structuredClone(stored);
    damaged.relaxed![0].ids = damaged.relaxed![0].ids.subarray(1);
    expect(fromStored('k', damaged)).toEqual({ problem: 'a relaxed-key index is truncated' });
  });

  it('restores the org-hs-eg dictionaries and ids exactly as the files say (independent reader)', async () => {
    for (const c of ORG_CASES.filter((x) => x.label.endsWith('(both directions)'))) {
      const csv = readCsv(c.file);
      const { stored } = await storedCopy(c);
      const restored = restore('k', stored);
      expect(restored.records, c.file).toBe(csv.rows.length);
      for (const { name } of c.columns.filter((col) => col.type)) {
        const cells = columnOf(csv, name);
        const values = distinct(cells);
        expect(dictValues(restored, name), `${c.file} ${name}`).toEqual(values);
        const ids = [...restored.columns[restored.columnIndex(name)].ids];
        expect(ids, `${c.file} ${name}`).toEqual(cells.map((cell) => values.indexOf(cell)));
      }
    }
  });

  it('keeps the composite flags of hpa-like.csv (rows with a composite cell, independently)', async () => {
    const c = QUIRK_CASES[1];
    const { stored } = await storedCopy(c);
    const restored = restore('k', stored);
    // Independent expansion: each row yields (uniprot parts × organ parts) records, every one
    // flagged composite in a column whose cell in that row held several ids.
    const csv = readCsv(c.file);
    const split = (cell: string) => cell.split(',').map((p) => p.trim());
    const uniprotFlags: number[] = [];
    const organFlags: number[] = [];
    csv.rows.forEach((_, r) => {
      const u = split(columnOf(csv, 'uniprot')[r]);
      const o = split(columnOf(csv, 'organ')[r]);
      for (let i = 0; i < u.length * o.length; i++) {
        uniprotFlags.push(u.length > 1 ? 1 : 0);
        organFlags.push(o.length > 1 ? 1 : 0);
      }
    });
    expect(restored.records).toBe(uniprotFlags.length);
    const flags = (name: string) => {
      const col = restored.columns[restored.columnIndex(name)];
      return col.composite ? [...col.composite] : new Array<number>(restored.records).fill(0);
    };
    expect(flags('uniprot')).toEqual(uniprotFlags);
    expect(flags('organ')).toEqual(organFlags);
    expect(flags('gene').every((f) => f === 0)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals

/** A fresh, valid stored copy of hpa-like.csv (composite arrays and edges included). */
const freshEntry = async (): Promise<StoredTable> => (await storedCopy(QUIRK_CASES[1], 'k')).stored;

function expectRefused(stored: StoredTable, problem: RegExp, key = 'k'): void {
  const result = fromStored(key, stored);
  expect('table' in result, 'a damaged entry must not become a table').toBe(false);
  const message = (result as { problem: string }).problem;
  expect(typeof message).toBe('string');
  expect(message).toMatch(problem);
}

describe('a stored table read back at any offset', () => {
  // Node's deserializer (the command line's cache, node/stores/fs-records.ts) hands a byte array
  // back as a view wherever its bytes fall in the file, not at offset 0 as IndexedDB does.
  it('restores when its byte arrays sit at odd offsets, and still refuses a flipped byte', async () => {
    const { table, stored } = await storedCopy(ORG_CASES[0]);
    const shifted = structuredClone(stored);
    for (const column of shifted.columns) {
      const moved = new Uint8Array(column.pool.length + 3);
      moved.set(column.pool, 3);
      column.pool = moved.subarray(3);
      expect(column.pool.byteOffset % 4).toBe(3);
    }
    expect(snapshot(restore('k', shifted))).toEqual(snapshot(table));
    const pool = shifted.columns[0].pool;
    expect(pool.length, 'an empty pool would flip nothing').toBeGreaterThan(0);
    pool[0] ^= 1;
    expect(fromStored('k', shifted)).toEqual({
      problem: 'the stored record does not match its checksum',
    });
  });
});

describe('fromStored refuses entries it cannot trust', () => {
  it('accepts the untouched entry (the control for every case below)', async () => {
    expect('table' in fromStored('k', await freshEntry())).toBe(true);
  });

  it('refuses something that is not a stored table', () => {
    expectRefused(null as unknown as StoredTable, /not a stored table/);
    expectRefused('text' as unknown as StoredTable, /not a stored table/);
  });

  it('refuses another format version, naming both', async () => {
    const stored = await freshEntry();
    stored.format = STORED_FORMAT + 1;
    expectRefused(stored, new RegExp(`${STORED_FORMAT + 1}.*${STORED_FORMAT}`));
    const older = await freshEntry();
    delete (older as Partial<StoredTable>).format;
    expectRefused(older, /format/);
  });

  it('refuses an entry stored under another key', async () => {
    expectRefused(await freshEntry(), /another version/, 'other-key');
  });

  it('refuses a flipped byte anywhere in the arrays (checksum)', async () => {
    const flips: [string, (s: StoredTable) => void][] = [
      ['ids', (s) => (s.columns[1].ids[3] ^= 0x100)],
      ['ids (last byte)', (s) => (s.columns[0].ids[s.records - 1] ^= 1 << 24)],
      ['pool', (s) => (s.columns[2].pool[0] ^= 0x20)],
      ['hash slots', (s) => (s.columns[0].slots[0] ^= 1)],
      ['composite flags', (s) => (s.columns[1].composite![0] ^= 1)],
      ['edge targets', (s) => (s.edges[0].target[0] ^= 1)],
      ['edge composite', (s) => (s.edges[0].composite[0] ^= 1)],
    ];
    for (const [what, flip] of flips) {
      const stored = await freshEntry();
      flip(stored);
      const result = fromStored('k', stored);
      expect('table' in result, what).toBe(false);
      expect((result as { problem: string }).problem, what).toMatch(/checksum/);
    }
  });

  it('refuses truncated pool, offsets, ids and edge arrays', async () => {
    const cuts: [string, (s: StoredTable) => void][] = [
      ['pool', (s) => (s.columns[0].pool = s.columns[0].pool.slice(0, -1))],
      ['offsets', (s) => (s.columns[1].offsets = s.columns[1].offsets.slice(0, -1))],
      ['hashes', (s) => (s.columns[1].hashes = s.columns[1].hashes.slice(0, -1))],
      ['ids', (s) => (s.columns[2].ids = s.columns[2].ids.slice(0, -1))],
    ];
    for (const [what, cut] of cuts) {
      const stored = await freshEntry();
      cut(stored);
      const result = fromStored('k', stored);
      expect('table' in result, what).toBe(false);
      expect((result as { problem: string }).problem, what).toMatch(/truncated/);
    }
    const edge = await freshEntry();
    edge.edges[0].target = edge.edges[0].target.slice(0, -1);
    expectRefused(edge, /edge list is truncated/);
    const composite = await freshEntry();
    composite.columns[1].composite = composite.columns[1].composite!.slice(0, -1);
    expectRefused(composite, /./);
  });

  it('refuses a column with a missing array, naming the column', async () => {
    for (const field of ['pool', 'offsets', 'hashes', 'slots', 'ids'] as const) {
      const stored = await freshEntry();
      delete (stored.columns[1] as Partial<StoredTable['columns'][number]>)[field];
      const result = fromStored('k', stored);
      expect('table' in result, field).toBe(false);
      expect((result as { problem: string }).problem, field).toMatch(/uniprot.*missing/);
    }
    // An array of the wrong kind is as good as missing.
    const wrongKind = await freshEntry();
    wrongKind.columns[0].ids = [...wrongKind.columns[0].ids] as unknown as Int32Array;
    expectRefused(wrongKind, /gene.*missing/);
    // The composite flags are optional, but dropping them changes what the entry holds.
    const noComposite = await freshEntry();
    delete noComposite.columns[1].composite;
    expectRefused(noComposite, /./);
    // A whole column gone.
    const noColumn = await freshEntry();
    noColumn.columns.pop();
    expectRefused(noColumn, /./);
    const noColumns = await freshEntry();
    delete (noColumns as Partial<StoredTable>).columns;
    expectRefused(noColumns, /no columns/);
  });

  it('refuses an edge list with a missing array', async () => {
    for (const field of ['start', 'target', 'composite'] as const) {
      const stored = await freshEntry();
      delete (stored.edges[0] as Partial<StoredTable['edges'][number]>)[field];
      // Must be a refusal, not an exception (TableLoader would take a throw for broken storage).
      let result: ReturnType<typeof fromStored> | undefined;
      expect(() => (result = fromStored('k', stored)), field).not.toThrow();
      expect(result && 'table' in result, field).toBe(false);
      expect((result as { problem: string }).problem, field).toMatch(/edge list/);
    }
  });

  it('refuses a damaged hash table size', async () => {
    const damages: [string, (s: StoredTable) => void][] = [
      ['not a power of two', (s) => (s.columns[0].slots = s.columns[0].slots.slice(0, -1))],
      ['too small for the keys', (s) => (s.columns[1].slots = new Int32Array(4))],
      ['empty', (s) => (s.columns[2].slots = new Int32Array(0))],
    ];
    for (const [what, damage] of damages) {
      const stored = await freshEntry();
      expect(
        stored.columns[1].count * 2,
        'the fixture column must outgrow 4 slots',
      ).toBeGreaterThan(4);
      damage(stored);
      const result = fromStored('k', stored);
      expect('table' in result, what).toBe(false);
      expect((result as { problem: string }).problem, what).toMatch(/damaged hash table/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Through the engine: keys, persisted loads, storage failures

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Copies the fixture tables to a temp dir and writes `catalog` there; returns its file: URL. */
function writeCatalog(catalog: CatalogFile, fileName = 'catalog.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-stored-'));
  tempDirs.push(dir);
  for (const t of fixtureCatalog().tables) copyFileSync(join(ORG_DIR, t.file), join(dir, t.file));
  const path = join(dir, fileName);
  writeFileSync(path, JSON.stringify(catalog, null, 2));
  return pathToFileURL(path).href;
}

/** The fixture catalog with table `name` changed by `change`. */
function catalogWith(
  name: string,
  change: (t: CatalogFile['tables'][number]) => void,
): CatalogFile {
  const catalog = fixtureCatalog();
  const table = catalog.tables.find((t) => t.name === name)!;
  change(table);
  return catalog;
}

async function engineAt(catalogUrl: string, store?: TableStore): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, store });
  await engine.init(catalogUrl);
  return engine;
}

/** The store key the engine gives table `name` under this catalog (parsed, stored, read back). */
async function storedKey(catalogUrl: string, name: string): Promise<string> {
  const store = new MemoryTableStore();
  const engine = await engineAt(catalogUrl, store);
  await engine.preload([name]);
  await engine.loader.flushWrites();
  const entries = [...store.entries.values()];
  expect(entries.map((e) => e.name)).toEqual([name]);
  expect(entries[0].key).toBe(engine.cache.stats().tables[0].key);
  return entries[0].key;
}

/** [table, source] of each table's first load in a run (later loads of it come from memory). */
const loadSources = (result: MapResult): [string, Phase['source']][] => {
  const first = new Map<string, Phase['source']>();
  for (const p of result.timing.phases)
    if (p.kind === 'load' && !first.has(p.name)) first.set(p.name, p.source);
  return [...first];
};

const storageNotes = (notes: string[]) => notes.filter((n) => /storage/i.test(n));

describe('store keys follow the table content and settings', () => {
  it('differ when the hash, the delimiter or the column types differ, and only then', async () => {
    const base = await storedKey(writeCatalog(fixtureCatalog()), 'uniprot');
    // Control: the same catalog in another place gives the same key.
    expect(await storedKey(writeCatalog(fixtureCatalog()), 'uniprot')).toBe(base);
    // Settings that do not change how the file is parsed keep the key.
    const relabelled = catalogWith('uniprot', (t) => (t.label = 'Another label'));
    expect(await storedKey(writeCatalog(relabelled), 'uniprot')).toBe(base);

    const changed = {
      hash: catalogWith('uniprot', (t) => (t.hash = 'f'.repeat(64))),
      delimiter: catalogWith('uniprot', (t) => (t.delimiter = ',')),
      types: catalogWith('uniprot', (t) => (t.columns[0].type = 'uniprot_isoform')),
      separator: catalogWith('uniprot', (t) => (t.columns[1].separator = ';')),
    };
    const keys = [base];
    for (const [what, catalog] of Object.entries(changed)) {
      const key = await storedKey(writeCatalog(catalog), 'uniprot');
      expect(keys, what).not.toContain(key);
      keys.push(key);
    }
  });

  it('a table whose catalog hash changed is parsed again, not read from the old entry', async () => {
    const store = new MemoryTableStore();
    const request: MapRequest = {
      text: 'P04637\nP38398\nP12532',
      source: 'uniprot',
      target: 'ensembl_gene',
    };
    const first = await engineAt(writeCatalog(fixtureCatalog()), store);
    const parsed = await first.map(request);
    await first.loader.flushWrites();
    expect(loadSources(parsed)).toEqual([
      ['uniprot', 'parsed'],
      ['ensembl_gene', 'parsed'],
    ]);
    const oldKey = [...store.entries.values()].find((e) => e.name === 'uniprot')!.key;

    // Control: the unchanged catalog reads both from the store.
    const same = await engineAt(writeCatalog(fixtureCatalog()), store);
    expect(loadSources(await same.map(request))).toEqual([
      ['uniprot', 'persisted'],
      ['ensembl_gene', 'persisted'],
    ]);

    const updated = catalogWith('uniprot', (t) => (t.hash = '0'.repeat(64)));
    const second = await engineAt(writeCatalog(updated), store);
    const result = await second.map(request);
    expect(loadSources(result)).toEqual([
      ['uniprot', 'parsed'],
      ['ensembl_gene', 'persisted'],
    ]);
    expect(rowsOf(result)).toEqual(rowsOf(parsed));
    await second.loader.flushWrites();
    const uniprotKeys = [...store.entries.values()]
      .filter((e) => e.name === 'uniprot')
      .map((e) => e.key);
    // The re-parsed table is stored under its new key (whether the old entry is kept is not
    // this test's business).
    expect(uniprotKeys.filter((k) => k !== oldKey)).toHaveLength(1);
  });
});

describe('CrosswalkEngine with a persistent store', () => {
  // Three hops through genes, alias (fallback) and ensembl_gene, with a round trip that builds
  // the reverse edges on restored tables.
  const REQUEST: MapRequest = {
    text: 'TP53\nBRCA1\nAMY1\nACAT2\nBRCC1\nP53\nnot-a-gene\nTP53',
    source: 'symbol',
    target: 'ensembl_gene',
    roundTrip: true,
  };

  it('maps from persisted tables in a new engine with byte-identical exports', async () => {
    const store = new MemoryTableStore();
    const first = await loadFixtureEngine({ store });
    const parsed = await first.map(REQUEST);
    await first.loader.flushWrites();
    const names = loadSources(parsed).map(([name]) => name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(loadSources(parsed).every(([, source]) => source === 'parsed')).toBe(true);
    expect(sortedNames(store)).toEqual([...names].sort());

    // A new engine whose reads of table files fail: everything must come from the store.
    const second = await loadFixtureEngine({
      store,
      readBytes: async (url) => {
        if (url.endsWith('catalog.json')) return fsReadBytes(url);
        throw new Error(`read ${url}`);
      },
    });
    const restored = await second.map(REQUEST);
    expect(loadSources(restored)).toEqual(names.map((name) => [name, 'persisted']));
    for (const phase of restored.timing.phases.filter((p) => p.source === 'persisted'))
      expect(phase.children!.map((c) => c.name)).toContain('read stored');
    expect(restored.notes.filter((n) => /stored|storage/i.test(n))).toEqual([]);
    for (const format of ['tsv', 'json'] as const) {
      const a = await first.exportResult(parsed.runId, format).text();
      const b = await second.exportResult(restored.runId, format).text();
      expect(b, format).toBe(a);
    }
    expect(await first.exportResult(parsed.runId, 'tsv').text()).toMatch(
      /\tTP53\tmapped\tENSG00000141510\t/,
    );
  });

  it('rebuilds a corrupted entry from its file, says so naming the table, and stores it again', async () => {
    const store = new MemoryTableStore();
    const first = await loadFixtureEngine({ store });
    const parsed = await first.map(REQUEST);
    await first.loader.flushWrites();
    const genes = [...store.entries.values()].find((e) => e.name === 'genes')!;
    genes.columns[0].ids[1] ^= 0x40;

    const second = await loadFixtureEngine({ store });
    const result = await second.map(REQUEST);
    const sources = new Map(loadSources(result));
    expect(sources.get('genes')).toBe('parsed');
    expect(
      [...sources].filter(([name]) => name !== 'genes').every(([, s]) => s === 'persisted'),
    ).toBe(true);
    const notes = result.notes.filter((n) => n.includes('"genes"'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/checksum/);
    expect(rowsOf(result)).toEqual(rowsOf(parsed));

    // The rebuilt table replaced the bad entry: a third engine reads everything from the store.
    await second.loader.flushWrites();
    const third = await loadFixtureEngine({ store });
    const again = await third.map(REQUEST);
    expect(loadSources(again).every(([, s]) => s === 'persisted')).toBe(true);
    expect(again.notes.filter((n) => /stored|storage/i.test(n))).toEqual([]);
  });

  it('treats an entry of another format as stale: parsed again, with a note naming the table', async () => {
    const store = new MemoryTableStore();
    const first = await loadFixtureEngine({ store });
    await first.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    await first.loader.flushWrites();
    store.entries.forEach((e) => (e.format = STORED_FORMAT - 1));
    const second = await loadFixtureEngine({ store });
    const result = await second.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(loadSources(result)).toEqual([['uniprot', 'parsed']]);
    expect(result.notes.join('\n')).toMatch(/"uniprot".*format/);
  });

  it('discards an entry missing an edge array as damaged, without giving up on storage', async () => {
    const store = new MemoryTableStore();
    const request: MapRequest = { text: 'P04637', source: 'uniprot', target: 'entrez' };
    const first = await loadFixtureEngine({ store });
    const parsed = await first.map(request);
    await first.loader.flushWrites();
    const entry = store.entries.values().next().value!;
    expect(entry.edges.length).toBeGreaterThan(0);
    delete (entry.edges[0] as Partial<StoredTable['edges'][number]>).composite;

    const second = await loadFixtureEngine({ store });
    const result = await second.map(request);
    expect(loadSources(result)).toEqual([['uniprot', 'parsed']]);
    expect(rowsOf(result)).toEqual(rowsOf(parsed));
    expect(result.notes.join('\n')).toMatch(/stored copy of table "uniprot" was discarded/);
    expect(storageNotes(result.notes).filter((n) => /unavailable/.test(n))).toEqual([]);
    expect((await second.storage()).available).toBe(true);
  });

  it('maps correctly when the store throws, with exactly one storage notice over two runs', async () => {
    const reference = await loadFixtureEngine();
    const requests: MapRequest[] = [
      { text: 'P04637 P12532 Q9BWD1', source: 'uniprot', target: 'entrez' },
      { text: 'TP53 AMY1 BRCC1', source: 'symbol', target: 'ensembl_gene' },
    ];
    for (const store of [new FailingStore('get', 'put'), new FailingStore('put')]) {
      const engine = await loadFixtureEngine({ store });
      const notices: string[] = [];
      for (const request of requests) {
        const result = await engine.map(request);
        await engine.loader.flushWrites();
        expect(rowsOf(result), store.label).toEqual(rowsOf(await reference.map(request)));
        expect(loadSources(result).every(([, s]) => s === 'parsed')).toBe(true);
        notices.push(...storageNotes(result.notes));
      }
      expect(notices, store.label).toHaveLength(1);
      expect(notices[0]).toMatch(/QuotaExceededError/);
      const info = await engine.storage();
      expect(info.available).toBe(false);
      expect(info.problem).toMatch(/QuotaExceededError/);
    }
  });
});

function sortedNames(store: MemoryTableStore): string[] {
  return [...store.entries.values()].map((e) => e.name).sort();
}

/** A TableStore whose chosen methods throw like a full or blocked IndexedDB. */
class FailingStore implements TableStore {
  readonly label: string;
  readonly #failing: Set<string>;
  readonly #inner = new MemoryTableStore();

  constructor(...failing: (keyof TableStore)[]) {
    this.#failing = new Set(failing);
    this.label = `failing ${failing.join(' + ')}`;
  }

  #check(method: string): void {
    if (this.#failing.has(method)) {
      const error = new Error(`the quota is exceeded (${method})`);
      error.name = 'QuotaExceededError';
      throw error;
    }
  }

  async get(key: string): Promise<StoredTable | undefined> {
    this.#check('get');
    return this.#inner.get(key);
  }

  async put(stored: StoredTable): Promise<void> {
    this.#check('put');
    await this.#inner.put(stored);
  }

  async delete(key: string): Promise<void> {
    this.#check('delete');
    await this.#inner.delete(key);
  }

  async list(): Promise<StoredEntry[]> {
    this.#check('list');
    return this.#inner.list();
  }

  async keys(): Promise<string[]> {
    this.#check('list');
    return this.#inner.keys();
  }

  async clear(): Promise<void> {
    this.#check('clear');
    await this.#inner.clear();
  }
}
