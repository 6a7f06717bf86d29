/** Where parsed tables persist between visits. The engine only knows this interface. */
import type { StoredTable } from './stored-layout';

export interface StoredTableInfo {
  key: string;
  name: string;
  bytes: number;
  savedAt: number;
}

export interface TableStore {
  get(key: string): Promise<StoredTable | undefined>;
  put(stored: StoredTable): Promise<void>;
  delete(key: string): Promise<void>;
  list(): Promise<StoredTableInfo[]>;
  clear(): Promise<void>;
}
