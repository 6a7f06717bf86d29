/**
 * A stored user-table record, checked before it is trusted: a damaged one (a string, a record
 * missing its spec, columns that are not columns) is named and set aside, never allowed to stop
 * the app from starting.
 */
import type { CatalogColumn, CatalogTable } from '../tables/catalog';
import type { StoredEntry } from '../tables/table-store';

/** What is kept of a user's table besides its bytes: its description and whether it is on. */
export interface UserTableRecord {
  spec: CatalogTable;
  enabled: boolean;
}

export function readUserTableRecord({ key, value }: StoredEntry): UserTableRecord | string {
  if (!value || typeof value !== 'object') return 'it is not a table record';
  const { spec, enabled } = value as Partial<UserTableRecord>;
  if (!spec || typeof spec !== 'object') return 'it has no table description';
  if (spec.name !== key) return 'it is filed under another name than its own';
  if (typeof enabled !== 'boolean') return 'it does not say whether the table is enabled';
  for (const field of ['file', 'hash'] as const) {
    if (typeof spec[field] !== 'string' || spec[field] === '') return `its ${field} is missing`;
  }
  for (const field of ['bytes', 'rows'] as const) {
    if (!isCount(spec[field])) return `its ${field} is not a count`;
  }
  if (spec.priority !== undefined && !Number.isInteger(spec.priority))
    return 'its priority is not a whole number';
  if (spec.delimiter !== undefined && typeof spec.delimiter !== 'string')
    return 'its delimiter is not text';
  if (!Array.isArray(spec.columns) || !spec.columns.every(isColumn))
    return 'its columns are damaged';
  if (spec.columns.filter((c) => c.type).length < 2) return 'it has fewer than two typed columns';
  const text = (field: keyof CatalogTable, fallback: string) =>
    typeof spec[field] === 'string' ? (spec[field] as string) : fallback;
  return {
    enabled,
    spec: {
      ...spec,
      name: key,
      label: text('label', key),
      source: text('source', `your file ${spec.file}`),
      date: text('date', ''),
      licence: text('licence', 'yours (kept in this browser only)'),
    } as CatalogTable,
  };
}

function isColumn(column: unknown): column is CatalogColumn {
  if (!column || typeof column !== 'object') return false;
  const { name, type, separator } = column as Partial<CatalogColumn>;
  const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
  return typeof name === 'string' && optionalText(type) && optionalText(separator);
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
