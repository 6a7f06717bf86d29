/**
 * Worker entry: builds the engine with the browser's stores and fetch, and exposes it over
 * Comlink. Nothing else happens here (workers/engine-api.ts holds the calls).
 */
import { expose } from 'comlink';
import { createEngineApi } from './engine-api';
import { CrosswalkEngine } from './engine/engine';
import { IdbTableStore } from './storage/idb-table-store';
import { IdbUserTableStore } from './storage/idb-user-table-store';
import { CachePackStore } from './storage/cache-pack-store';
import { FetchPackStore } from './storage/fetch-pack-store';

/** IndexedDB may be missing or blocked (private windows, stubbed in tests): then no store. */
function open<T>(create: () => T): T | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : create();
  } catch {
    return undefined;
  }
}

const engine = new CrosswalkEngine({
  store: open(() => new IdbTableStore()),
  userStore: open(() => new IdbUserTableStore()),
  // Without the Cache Storage (it needs a secure context), packs are fetched at each use.
  packStore: typeof caches === 'undefined' ? new FetchPackStore() : new CachePackStore(),
  async readBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});

expose(createEngineApi(engine));
