/**
 * The shipped packed form (#15): every bundled table in public/data holds exactly what parsing its
 * CSV source in data/ gives, attribute columns load only when asked for, and a damaged file is
 * refused with a message naming the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../../../../workers/engine/tables/catalog';
import { parseTable } from '../../../../workers/engine/tables/parse-table';
import type { PackedTable } from '../../../../workers/engine/tables/packed-table';
import { isShipped, readShipped } from '../../../../workers/engine/tables/shipped-table';
import { shippedBytes } from '../../../../workers/engine/tables/shipped-writer';
import { expectCrosswalkError, parseCsvText, PUBLIC_DATA_DIR, SOURCE_DATA_DIR } from '../helpers';

const catalog = JSON.parse(
  readFileSync(join(PUBLIC_DATA_DIR, 'catalog.json'), 'utf8'),
) as CatalogFile;
const shipped = (file: string) => new Uint8Array(readFileSync(join(PUBLIC_DATA_DIR, file)));
const source = (file: string) =>
  new Uint8Array(readFileSync(join(SOURCE_DATA_DIR, file.replace(/\.packed$/, '.csv.gz'))));

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const view = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return view(a).equals(view(b));
}

/** Column by column: names, types, dictionaries (same strings, same order) and record ids. */
function expectSameTable(actual: PackedTable, expected: PackedTable): void {
  expect(actual.records).toBe(expected.records);
  expect(actual.stats).toEqual(expected.stats);
  expect(actual.columns.map((c) => [c.name, c.type, !!c.attribute])).toEqual(
    expected.columns.map((c) => [c.name, c.type, !!c.attribute]),
  );
  actual.columns.forEach((column, i) => {
    const other = expected.columns[i];
    expect(column.dict.size).toBe(other.dict.size);
    // Byte comparisons: toEqual walks a million-element array element by element (minutes).
    expect(sameBytes(column.dict.parts().pool, other.dict.parts().pool)).toBe(true);
    expect(sameBytes(column.dict.parts().offsets, other.dict.parts().offsets)).toBe(true);
    expect(sameBytes(column.ids, other.ids)).toBe(true);
    expect(column.composite === undefined).toBe(other.composite === undefined);
    if (column.composite) expect(sameBytes(column.composite, other.composite!)).toBe(true);
    // The rebuilt hash table finds every key.
    for (let k = 0; k < column.dict.size; k += 97) {
      const bytes = column.dict.bytesOf(k);
      expect(column.dict.lookup(bytes, 0, bytes.length)).toBe(k);
    }
  });
}

describe('every bundled table shipped packed', () => {
  it.each(catalog.tables.map((t) => [t.name, t] as const))(
    '%s holds what its CSV source parses to',
    async (_, spec) => {
      expect(spec.file.endsWith('.packed')).toBe(true);
      const bytes = shipped(spec.file);
      expect(isShipped(bytes)).toBe(true);
      const { table } = await readShipped(spec.name, bytes, true);
      const { table: parsed } = await parseTable(spec, source(spec.file));
      expectSameTable(table, parsed);
    },
  );
});

describe('reading a shipped table', () => {
  it('leaves the attribute columns out unless asked for (genes: name, gene_type)', async () => {
    const bytes = shipped('genes.packed');
    const typed = (await readShipped('genes', bytes, false)).table;
    expect(typed.columns.map((c) => c.name)).toEqual(['entrez_id', 'symbol']);
    const whole = (await readShipped('genes', bytes, true)).table;
    expect(whole.columns.map((c) => c.name)).toEqual(['entrez_id', 'symbol', 'name', 'gene_type']);
    // The CSV's own rows, read independently: TP53 is entrez 7157, "tumor protein p53".
    const csv = parseCsvText(gunzipSync(source('genes.packed')).toString('utf8'));
    const row = csv.rows.find((r) => r[1] === 'TP53')!;
    const symbol = typed.columns[1];
    const k = symbol.dict.lookupString('TP53');
    const record = symbol.ids.indexOf(k);
    expect(typed.columns[0].dict.get(typed.columns[0].ids[record])).toBe(row[0]);
    expect(whole.columns[2].dict.get(whole.columns[2].ids[record])).toBe(row[2]);
  });

  it('round-trips a table with composite cells and blanks', async () => {
    const csv = 'a,b,note\nP1,"X, Y",n1\nP2,,n2\n,Z,\nP1,X,n3\n';
    const spec = {
      name: 't',
      columns: [
        { name: 'a', type: 'uniprot' },
        { name: 'b', type: 'symbol', separator: ', ' },
        { name: 'note' },
      ],
    };
    const { table } = await parseTable(spec, new TextEncoder().encode(csv));
    const bytes = await shippedBytes(table, (raw) => gzipSync(raw));
    expectSameTable((await readShipped('t', bytes, true)).table, table);
    const b = table.columns[1];
    expect(b.composite).toBeDefined();
    expect([...b.ids].map((id) => (id < 0 ? '' : b.dict.get(id)))).toEqual([
      'X',
      'Y',
      '',
      'Z',
      'X',
    ]);
  });

  it('refuses a truncated file, naming the table', async () => {
    const bytes = shipped('uniprot.packed');
    await expectCrosswalkError(
      readShipped('uniprot', bytes.subarray(0, bytes.length - 100), false),
      'unreadable-file',
      '"uniprot" is truncated',
    );
    const damaged = bytes.slice();
    damaged[40] = 0x7b; // inside the JSON header
    await expectCrosswalkError(
      readShipped('uniprot', damaged, false),
      'unreadable-file',
      '"uniprot"',
    );
    expect(isShipped(new TextEncoder().encode('uniprot,entrez_id\n'))).toBe(false);
  });
});
