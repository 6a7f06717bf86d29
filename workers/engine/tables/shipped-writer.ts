/**
 * Writes a table in the shipped packed layout that shipped-table.ts reads (scripts/build-data.ts
 * runs it once per bundled table at build time; the browser bench for its panel table).
 */
import type { PackedColumn, PackedTable } from './packed-table';
import { concatBytes } from '../packed/concat-bytes';
import {
  MAGIC,
  SHIPPED_FORMAT,
  type IdCoding,
  type ShippedColumn,
  type ShippedHeader,
  type Width,
} from './shipped-table';

/** Compresses one member: zlib at build time, CompressionStream for a streamed import. */
export type Gzip = (raw: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/**
 * The shipped file of `table`. Each column's ids are coded plain or delta, whichever compresses
 * smaller; with `tryBoth` false the coding of smaller width is taken without compressing twice
 * (a streamed import's table, where compressing is most of the packing time).
 */
export async function shippedBytes(
  table: PackedTable,
  gzip: Gzip,
  tryBoth = true,
): Promise<Uint8Array> {
  const members: Awaited<ReturnType<typeof columnMember>>[] = [];
  for (const c of table.columns) members.push(await columnMember(c, table.records, gzip, tryBoth));
  const columns: ShippedColumn[] = table.columns.map((c, i) => ({
    name: c.name,
    type: c.type,
    ...(c.attribute && { attribute: true }),
    count: c.dict.size,
    ids: members[i].ids,
    idWidth: members[i].idWidth,
    lengthWidth: members[i].lengthWidth,
    composite: c.composite !== undefined,
    at: 0,
    bytes: members[i].member.length,
  }));
  const header: ShippedHeader = {
    format: SHIPPED_FORMAT,
    name: table.name,
    records: table.records,
    stats: table.stats,
    hub: table.hub,
    columns,
  };
  // Offsets depend on the header's length, which depends on the offsets' digits: settle it.
  let head = new Uint8Array(0);
  for (let pass = 0; pass < 4; pass++) {
    let at = MAGIC.length + 4 + head.length;
    for (const c of columns) {
      c.at = at;
      at += c.bytes;
    }
    const next = new TextEncoder().encode(JSON.stringify(header));
    const settled = next.length === head.length;
    head = next;
    if (settled) break;
  }
  const out = concatBytes([
    new Uint8Array(MAGIC),
    new Uint8Array(4),
    head,
    ...members.map((m) => m.member),
  ]);
  new DataView(out.buffer).setUint32(MAGIC.length, head.length, true);
  if (columns.length > 0 && columns[0].at !== MAGIC.length + 4 + head.length)
    throw new Error('shipped header offsets did not settle');
  return out;
}

/** One column's member, compressed; `gzip` picks the smaller id coding. */
async function columnMember(
  column: PackedColumn,
  records: number,
  gzip: Gzip,
  tryBoth: boolean,
): Promise<{ member: Uint8Array; ids: IdCoding; idWidth: Width; lengthWidth: Width }> {
  const { pool, offsets, count } = column.dict.parts();
  const plain = new Int32Array(records);
  const delta = new Int32Array(records);
  let previous = 0;
  for (let r = 0; r < records; r++) {
    plain[r] = column.ids[r] + 1;
    const step = plain[r] - previous;
    delta[r] = step >= 0 ? 2 * step : -2 * step - 1;
    previous = plain[r];
  }
  const lengths = new Int32Array(count);
  for (let k = 0; k < count; k++) lengths[k] = offsets[k + 1] - offsets[k];
  const lengthWidth = widthOf(lengths);
  const rest = [planesOf(lengths, lengthWidth), column.composite ?? new Uint8Array(0), pool];
  let best: { member: Uint8Array; ids: IdCoding; idWidth: Width } | null = null;
  let codings = [
    ['plain', plain],
    ['delta', delta],
  ] as const;
  if (!tryBoth) codings = [widthOf(delta) < widthOf(plain) ? codings[1] : codings[0]] as never;
  for (const [ids, values] of codings) {
    const idWidth = widthOf(values);
    const member = await gzip(concatBytes([planesOf(values, idWidth), ...rest]));
    if (!best || member.length < best.member.length) best = { member, ids, idWidth };
  }
  return { ...best!, lengthWidth };
}

/**
 * Values as byte planes (every low byte, then every next byte …): ids of neighbouring records are
 * close, so their high bytes repeat and gzip folds them — the core's id arrays compressed to
 * 3.66 MB as plain little-endian words and to 0.93 MB as planes (delta-coded where smaller).
 */
function planesOf(values: Int32Array, width: Width): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n * width);
  for (let b = 0; b < width; b++) {
    const shift = 8 * b;
    for (let i = 0; i < n; i++) out[b * n + i] = (values[i] >>> shift) & 0xff;
  }
  return out;
}

function widthOf(values: Int32Array): Width {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
}
