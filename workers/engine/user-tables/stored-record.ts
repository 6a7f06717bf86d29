/**
 * A stored user-table record, checked before it is trusted: a damaged one (a string, a record
 * missing its spec, columns that are not columns, sizes no file of ours has) is named and set
 * aside, never allowed to stop the app from starting or a run from finishing.
 */
import { packedColumns } from '../tables/table-layout';
import type { CatalogColumn, CatalogTable } from '../tables/catalog';
import type { StoredEntry } from '../tables/table-store';

/** Larger files are refused before parsing: beyond this a typical laptop tab runs out of memory. */
export const MAX_USER_FILE_BYTES = 256 * 1024 * 1024;

/**
 * What a bigger file, read in a stream, may keep packed in memory (#19): the builder's arrays grow
 * by doubling and packing copies each column once, so the tab peaks near twice this (measured in
 * `npm run bench`, the README's Benchmarks).
 */
export const MAX_PACKED_BYTES = 768 * 1024 * 1024;

/** What is kept of a user's table besides its bytes: its description and whether it is on. */
export interface UserTableRecord {
  spec: CatalogTable;
  enabled: boolean;
  /** Where its bytes are filed (name and content hash); records from before have none. */
  fileKey?: string;
}

/** The key a record's file is kept under: its own, or (older records) the table's name. */
export function fileKeyOf(record: UserTableRecord): string {
  return record.fileKey ?? record.spec.name;
}

/** The key a new table's file is filed under: two tabs' files of one name never collide. */
export function newFileKey(spec: CatalogTable): string {
  return `${spec.name}\u0000${spec.hash}`;
}

export function readUserTableRecord({ key, value, rawKey }: StoredEntry): UserTableRecord | string {
  if (rawKey !== undefined && typeof rawKey !== 'string')
    return 'it is filed under a key that is not a name';
  if (!value || typeof value !== 'object') return 'it is not a table record';
  const { spec, enabled, fileKey } = value as Partial<UserTableRecord>;
  if (!spec || typeof spec !== 'object') return 'it has no table description';
  if (spec.name !== key) return 'it is filed under another name than its own';
  if (typeof enabled !== 'boolean') return 'it does not say whether the table is enabled';
  if (fileKey !== undefined && typeof fileKey !== 'string') return 'its file key is damaged';
  for (const field of ['file', 'hash'] as const) {
    if (typeof spec[field] !== 'string' || spec[field] === '') return `its ${field} is missing`;
  }
  const streamed = spec.streamed;
  if (streamed !== undefined && !(isCount(streamed?.bytes) && isCount(streamed?.rows)))
    return 'its streamed origin is damaged';
  // A streamed file's stored form is packed and compressed: a row kept may take under a byte.
  if (!isCount(spec.bytes) || spec.bytes > (streamed ? MAX_PACKED_BYTES : MAX_USER_FILE_BYTES))
    return 'its size is not a file size';
  if (!isCount(spec.rows) || spec.rows > (streamed ? streamed.rows : spec.bytes))
    return 'its row count does not fit its size';
  if (spec.priority !== undefined && !Number.isInteger(spec.priority))
    return 'its priority is not a whole number';
  if (
    spec.delimiter !== undefined &&
    (typeof spec.delimiter !== 'string' || spec.delimiter.length !== 1)
  )
    return 'its delimiter is not one character';
  if (!Array.isArray(spec.columns) || !spec.columns.every(isColumn))
    return 'its columns are damaged';
  const reading = readingProblem(spec);
  if (reading) return reading;
  const types = packedColumns(spec).flatMap((c) => (c.type ? [c.type] : []));
  if (types.length < 2) return 'it has fewer than two typed columns';
  // A recognised file may give one type to several columns (table-parts.ts makes tiers of them).
  if (!spec.format && new Set(types).size < types.length)
    return 'two of its columns have the same type';
  const text = (field: keyof CatalogTable, fallback: string) =>
    typeof spec[field] === 'string' ? (spec[field] as string) : fallback;
  return {
    enabled,
    ...(fileKey === undefined ? {} : { fileKey }),
    // Rebuilt field by field: nothing the engine does not expect (a BigInt, a cycle) comes along.
    spec: {
      name: key,
      label: text('label', key),
      file: spec.file,
      hash: spec.hash,
      bytes: spec.bytes,
      rows: spec.rows,
      columns: spec.columns.map(({ name, type, separator, prefixes, tier, manyValued }) => ({
        name,
        ...(type ? { type } : {}),
        ...(separator ? { separator } : {}),
        ...(prefixes ? { prefixes: { ...prefixes } } : {}),
        ...(tier ? { tier } : {}),
        ...(manyValued === true ? { manyValued } : {}),
      })),
      ...(spec.format === undefined ? {} : { format: spec.format }),
      ...(spec.header === undefined ? {} : { header: [...spec.header] }),
      ...(spec.long === undefined ? {} : { long: { ...spec.long, types: { ...spec.long.types } } }),
      ...(spec.hub === undefined ? {} : { hub: spec.hub }),
      ...(typeof spec.organism === 'string' ? { organism: spec.organism } : {}),
      ...(spec.history === undefined ? {} : { history: { ...spec.history } }),
      ...(spec.matchBy === undefined
        ? {}
        : {
            matchBy: {
              column: spec.matchBy.column,
              primary: [...spec.matchBy.primary],
              others: [...(spec.matchBy.others ?? [])],
            },
          }),
      ...(spec.priority === undefined ? {} : { priority: spec.priority }),
      ...(streamed === undefined
        ? {}
        : { streamed: { bytes: streamed.bytes, rows: streamed.rows } }),
      ...(spec.delimiter === undefined ? {} : { delimiter: spec.delimiter }),
      source: text('source', `your file ${spec.file}`),
      date: text('date', ''),
      licence: text('licence', 'yours (kept in this browser only)'),
    },
  };
}

const optionalText = (v: unknown) => v === undefined || (typeof v === 'string' && v !== '');
const isTexts = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((t) => typeof t === 'string');
const isTextMap = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && Object.values(v).every((t) => typeof t === 'string' && t !== '');

function isColumn(column: unknown): column is CatalogColumn {
  if (!column || typeof column !== 'object') return false;
  const { name, type, separator, prefixes, tier } = column as Partial<CatalogColumn>;
  return (
    typeof name === 'string' &&
    optionalText(type) &&
    optionalText(separator) &&
    optionalText(tier) &&
    (prefixes === undefined || isTextMap(prefixes))
  );
}

/** What is wrong with how a recognised file is read (#14), in words; null when nothing. */
function readingProblem(spec: CatalogTable): string | null {
  if (!optionalText(spec.format) || !optionalText(spec.hub)) return 'its format is damaged';
  if (spec.header !== undefined && !isTexts(spec.header)) return 'its header is damaged';
  const long = spec.long;
  if (long !== undefined) {
    const names = [long?.key, long?.keyType, long?.typeColumn, long?.value];
    if (!names.every((n) => typeof n === 'string' && n !== '') || !isTextMap(long.types))
      return 'its long form is damaged';
  }
  if (spec.history !== undefined && !isTextMap(spec.history)) return 'its history is damaged';
  const matchBy = spec.matchBy;
  if (
    matchBy !== undefined &&
    (typeof matchBy?.column !== 'string' ||
      !isTexts(matchBy.primary) ||
      !(matchBy.others === undefined || isTexts(matchBy.others)))
  )
    return 'its split by value is damaged';
  return null;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
