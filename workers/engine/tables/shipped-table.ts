/**
 * The shipped form of a bundled table (`<name>.packed`, written by scripts/build-data.ts): what
 * the engine's PackedTable holds, as arrays, so loading one is fetch + decompress + wrap and never
 * tokenizing CSV (#15). Each column is its own gzip member, so a run decompresses only the
 * columns it reads — `genes`' free-text `name` and `gene_type` only when asked for as output.
 *
 * Layout: the magic, a little-endian u32 header length, the header (JSON: counts, names, stats,
 * and where each column's member lies), then the members. A member holds the record ids + 1 (0: no
 * value, plain or delta-coded) and the dictionary's string lengths, each as byte planes of 1, 2 or
 * 4 bytes, then the RECORD_* flags when any record has some, then the dictionary's UTF-8 bytes.
 * Hashes and hash tables are not shipped: rebuilding them costs less than downloading them
 * (random 32-bit words do not compress) — see the README's Benchmarks.
 */
import { fail } from '../errors';
import { StringDict, rebuiltParts } from '../packed/string-dict';
import { gunzip } from './dialect';
import { PackedTable, type PackedColumn, type TableStats } from './packed-table';

/** `CWPACKED`; the header's `format` is the layout version, and a reader refuses any other. */
const MAGIC = [0x43, 0x57, 0x50, 0x41, 0x43, 0x4b, 0x45, 0x44];
export const SHIPPED_FORMAT = 1;
export { SHIPPED_EXTENSION } from './shipped-extension';

type Width = 1 | 2 | 4;
/** Record ids + 1 as they are, or each as the zigzag difference from the previous record's. */
type IdCoding = 'plain' | 'delta';

interface ShippedColumn {
  name: string;
  type: string;
  attribute?: boolean;
  count: number;
  ids: IdCoding;
  idWidth: Width;
  lengthWidth: Width;
  composite: boolean;
  /** The column's gzip member: offset from the file's start, and length. */
  at: number;
  bytes: number;
}

interface ShippedHeader {
  format: number;
  name: string;
  records: number;
  stats: TableStats;
  hub: number;
  columns: ShippedColumn[];
}

export function isShipped(bytes: Uint8Array): boolean {
  return bytes.length > MAGIC.length + 4 && MAGIC.every((b, i) => bytes[i] === b);
}

/** The shipped file of `table`; `gzip` compresses one member (zlib at build time). */
export function shippedBytes(
  table: PackedTable,
  gzip: (raw: Uint8Array) => Uint8Array,
): Uint8Array {
  const members = table.columns.map((c) => columnMember(c, table.records, gzip));
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
  const out = concat([
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

/** Inflates one gzip member (the engine's `inflate` option; DecompressionStream by default). */
export type Inflate = (member: Uint8Array) => Promise<Uint8Array>;

export interface ShippedTimes {
  decompress: number;
  wrap: number;
}

/**
 * The table in `bytes`, with every column or only the typed ones (what paths read): attribute
 * columns are then left compressed and absent from the table.
 */
export async function readShipped(
  name: string,
  bytes: Uint8Array,
  attributes: boolean,
  inflate?: Inflate,
): Promise<{ table: PackedTable; times: ShippedTimes }> {
  const header = readHeader(name, bytes);
  const wanted = header.columns.filter((c) => attributes || !c.attribute);
  let start = performance.now();
  // Members decompress concurrently: DecompressionStream works off the calling thread's turn.
  const raw = await Promise.all(
    wanted.map((c) => {
      const member = bytes.subarray(c.at, c.at + c.bytes);
      return inflate ? inflateMember(name, inflate, member) : gunzip(name, member);
    }),
  );
  const decompress = performance.now() - start;
  start = performance.now();
  const columns = wanted.map((c, i) => wrapColumn(name, c, raw[i], header.records));
  const hub = header.hub >= 0 ? wanted.indexOf(header.columns[header.hub]) : -1;
  const table = new PackedTable(header.name, columns, header.records, header.stats, [], hub);
  return { table, times: { decompress, wrap: performance.now() - start } };
}

/** The column names of a shipped file, attribute columns included, without decompressing. */
export function shippedColumns(name: string, bytes: Uint8Array): string[] {
  return readHeader(name, bytes).columns.map((c) => c.name);
}

async function inflateMember(name: string, inflate: Inflate, member: Uint8Array) {
  try {
    return await inflate(member);
  } catch (error) {
    return fail('unreadable-file', `Table "${name}" has a damaged column (${String(error)}).`);
  }
}

function readHeader(name: string, bytes: Uint8Array): ShippedHeader {
  if (!isShipped(bytes)) return fail('unreadable-file', `Table "${name}" is not a packed table.`);
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4;
  let header: ShippedHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(start, start + length)));
  } catch {
    return fail('unreadable-file', `Table "${name}" has a damaged header (truncated download?).`);
  }
  if (header.format !== SHIPPED_FORMAT)
    fail(
      'unreadable-file',
      `Table "${name}" is packed in layout ${header.format}, not ${SHIPPED_FORMAT}.`,
    );
  const end = header.columns.reduce((max, c) => Math.max(max, c.at + c.bytes), 0);
  if (end > bytes.length)
    fail('unreadable-file', `Table "${name}" is truncated (${bytes.length} of ${end} bytes).`);
  return header;
}

/** One column's member, before compression; `gzip` picks the smaller id coding. */
function columnMember(
  column: PackedColumn,
  records: number,
  gzip: (raw: Uint8Array) => Uint8Array,
): { member: Uint8Array; ids: IdCoding; idWidth: Width; lengthWidth: Width } {
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
  for (const [ids, values] of [
    ['plain', plain],
    ['delta', delta],
  ] as const) {
    const idWidth = widthOf(values);
    const member = gzip(concat([planesOf(values, idWidth), ...rest]));
    if (!best || member.length < best.member.length) best = { member, ids, idWidth };
  }
  return { ...best!, lengthWidth };
}

function wrapColumn(
  name: string,
  c: ShippedColumn,
  raw: Uint8Array,
  records: number,
): PackedColumn {
  const idBytes = records * c.idWidth;
  const lengthBytes = c.count * c.lengthWidth;
  const compositeBytes = c.composite ? records : 0;
  const poolAt = idBytes + lengthBytes + compositeBytes;
  if (raw.length < poolAt)
    fail('unreadable-file', `Column ${c.name} of table "${name}" is truncated.`);
  const ids = fromPlanes(raw, 0, records, c.idWidth);
  if (c.ids === 'delta') {
    let previous = 0;
    for (let r = 0; r < records; r++) {
      const v = ids[r];
      previous += v & 1 ? -((v + 1) >>> 1) : v >>> 1;
      ids[r] = previous - 1;
    }
  } else for (let r = 0; r < records; r++) ids[r] -= 1;
  const lengths = fromPlanes(raw, idBytes, c.count, c.lengthWidth);
  const offsets = new Int32Array(c.count + 1);
  for (let k = 0; k < c.count; k++) offsets[k + 1] = offsets[k] + lengths[k];
  const pool = raw.slice(poolAt, poolAt + offsets[c.count]);
  if (pool.length !== offsets[c.count])
    fail('unreadable-file', `Column ${c.name} of table "${name}" is truncated.`);
  const flagsAt = idBytes + lengthBytes;
  return {
    name: c.name,
    type: c.type,
    dict: new StringDict(c.count, rebuiltParts(pool, offsets, c.count)),
    ids,
    ...(c.composite && { composite: raw.slice(flagsAt, flagsAt + records) }),
    ...(c.attribute && { attribute: true }),
  };
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

function fromPlanes(raw: Uint8Array, at: number, n: number, width: Width): Int32Array {
  const out = new Int32Array(n);
  for (let b = 0; b < width; b++) {
    const shift = 8 * b;
    const base = at + b * n;
    for (let i = 0; i < n; i++) out[i] |= raw[base + i] << shift;
  }
  return out;
}

function widthOf(values: Int32Array): Width {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(sum(parts.map((p) => p.length)));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
