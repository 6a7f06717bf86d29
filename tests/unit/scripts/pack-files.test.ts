/**
 * The committed pack files agree with their catalogs: bytes and checksum of every pack table in
 * public/data (shipped packed) and tests/fixtures/packs, and header and row count of its CSV
 * (the source in data/ for a packed one), read independently of the scripts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../../../workers/engine/tables/catalog';
import { parseCsvRecords } from '../../reference-csv';
import { PACKS, PACK_TABLES } from '../../../scripts/packs';
import { PUBLIC_DATA_DIR, ROOT, SOURCE_DATA_DIR } from '../engine/helpers';

const FIXTURE_DIR = join(ROOT, 'tests', 'fixtures', 'packs');

function readCatalog(dir: string): CatalogFile {
  return JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as CatalogFile;
}

describe.each([
  ['public/data', PUBLIC_DATA_DIR],
  ['tests/fixtures/packs', FIXTURE_DIR],
])('pack tables in %s', (_, dir) => {
  const catalog = readCatalog(dir);
  const packTables = catalog.tables.filter((t) => t.pack);

  it('are the specified tables, with the packs', () => {
    expect(packTables.map((t) => t.name)).toEqual(PACK_TABLES.map((t) => t.name));
    expect(catalog.packs).toEqual(PACKS);
  });

  it.each(packTables.map((t) => [t.name, t] as const))(
    '%s has the bytes, checksum, header and rows its entry gives',
    (_, table) => {
      const bytes = readFileSync(join(dir, table.file));
      expect(bytes.byteLength).toBe(table.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(table.hash);
      const csv = table.file.endsWith('.packed')
        ? readFileSync(join(SOURCE_DATA_DIR, table.file.replace(/\.packed$/, '.csv.gz')))
        : bytes;
      const text = (csv[0] === 0x1f ? gunzipSync(csv) : csv).toString('utf8');
      // No pack cell holds a line break, so lines are records (the full parse is for fixtures).
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      expect(parseCsvRecords(lines[0])[0]).toEqual(table.columns.map((c) => c.name));
      expect(lines.length - 1).toBe(table.rows);
      expect(new Set(lines).size).toBe(lines.length);
      if (dir === FIXTURE_DIR) {
        const records = parseCsvRecords(text);
        expect(records).toHaveLength(lines.length);
        for (const row of records) expect(row).toHaveLength(table.columns.length);
      }
    },
  );
});

describe('the fixture catalog', () => {
  it('lists the org-hs-eg fixture tables first, from their folder', () => {
    const own = readCatalog(join(ROOT, 'tests', 'fixtures', 'org-hs-eg'));
    const packs = readCatalog(FIXTURE_DIR);
    expect(packs.tables.slice(0, own.tables.length)).toEqual(
      own.tables.map((t) => ({ ...t, file: `../org-hs-eg/${t.file}` })),
    );
  });
});
