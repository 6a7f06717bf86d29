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
 * (random 32-bit words do not compress) — see the README's Benchmarks. This module reads the
 * layout; shipped-writer.ts writes it, at build time.
 */
import { fail } from '../errors';
import { StringDict } from '../packed/string-dict';
import { inflate as streamInflate } from './dialect';
import { PackedTable, type PackedColumn, type TableStats } from './packed-table';

/** `CWPACKED`; the header's `format` is the layout version, and a reader refuses any other. */
export const MAGIC = [0x43, 0x57, 0x50, 0x41, 0x43, 0x4b, 0x45, 0x44];
export const SHIPPED_FORMAT = 1;
export { SHIPPED_EXTENSION } from './shipped-extension';

export type Width = 1 | 2 | 4;
/** Record ids + 1 as they are, or each as the zigzag difference from the previous record's. */
export type IdCoding = 'plain' | 'delta';

export interface ShippedColumn {
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

export interface ShippedHeader {
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
      return inflateMember(name, inflate ?? streamInflate, member);
    }),
  );
  const decompress = performance.now() - start;
  start = performance.now();
  const columns = wanted.map((c, i) => wrapColumn(name, c, raw[i], header.records));
  const hub = header.hub >= 0 ? wanted.indexOf(header.columns[header.hub]) : -1;
  const table = new PackedTable(header.name, columns, header.records, header.stats, [], hub);
  return { table, times: { decompress, wrap: performance.now() - start } };
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
    dict: StringDict.fromStrings(pool, offsets, c.count),
    ids,
    ...(c.composite && { composite: raw.slice(flagsAt, flagsAt + records) }),
    ...(c.attribute && { attribute: true }),
  };
}

/** The values written as byte planes by shipped-writer.ts (`planesOf`). */
function fromPlanes(raw: Uint8Array, at: number, n: number, width: Width): Int32Array {
  const out = new Int32Array(n);
  for (let b = 0; b < width; b++) {
    const shift = 8 * b;
    const base = at + b * n;
    for (let i = 0; i < n; i++) out[i] |= raw[base + i] << shift;
  }
  return out;
}
