/**
 * Where parsed tables persist between visits. The engine only knows this interface, and trusts
 * nothing a store returns: any entry may be damaged (another build, another tab, a browser bug,
 * a user's experiment), so reads hand back raw values for the engine to check.
 */
import type { StoredTable } from './stored-layout';

export interface StoredTableInfo {
  key: string;
  name: string;
  bytes: number;
  savedAt: number;
}

/** An entry as read from a store: its key, and a value that may be anything. */
export interface StoredEntry {
  /** The key in words (a key that is not a string is shown as one). */
  key: string;
  value: unknown;
  /** The key as stored, to delete the entry by (it may not be a string). */
  rawKey?: unknown;
}

export interface TableStore {
  get(key: string): Promise<StoredTable | undefined>;
  put(stored: StoredTable): Promise<void>;
  delete(key: string): Promise<void>;
  /** The index entries (small records naming each stored table), unchecked. */
  list(): Promise<StoredEntry[]>;
  /** The keys of the stored tables themselves, whether or not the index names them. */
  keys(): Promise<string[]>;
  clear(): Promise<void>;
}
