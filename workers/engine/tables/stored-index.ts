/**
 * The stored tables as the storage panel lists them, read defensively: an index entry that is
 * not an index entry is named as damaged, and a stored table the index does not name is still
 * listed, so it can be seen and cleared.
 */
import type { DamagedEntryInfo as DamagedEntry } from '../../api';
import type { StoredEntry, StoredTableInfo } from './table-store';

export interface StoredIndex {
  tables: StoredTableInfo[];
  damaged: DamagedEntry[];
}

const INDEX = 'stored-table index';

export function readStoredIndex(entries: StoredEntry[], tableKeys: string[]): StoredIndex {
  const tables: StoredTableInfo[] = [];
  const damaged: DamagedEntry[] = [];
  for (const { key, value } of entries) {
    const info = asInfo(key, value);
    if (typeof info === 'string') damaged.push({ store: INDEX, key, problem: info });
    else tables.push(info);
  }
  const indexed = new Set(entries.map((entry) => entry.key));
  for (const key of tableKeys) {
    if (indexed.has(key)) continue;
    damaged.push({ store: 'stored tables', key, problem: 'the index does not name it' });
  }
  return { tables, damaged };
}

function asInfo(key: string, value: unknown): StoredTableInfo | string {
  if (!value || typeof value !== 'object') return 'not an index entry';
  const info = value as Partial<StoredTableInfo>;
  if (info.key !== key) return 'it is filed under another key';
  if (typeof info.name !== 'string' || info.name === '') return 'it names no table';
  if (!isCount(info.bytes) || !isCount(info.savedAt)) return 'its size or date is not a number';
  return { key, name: info.name, bytes: info.bytes, savedAt: info.savedAt };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
