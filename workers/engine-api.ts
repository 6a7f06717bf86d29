/**
 * The contract's calls (workers/api.ts) over one engine: what the worker exposes. Results go
 * back with their buffers listed for transfer (zero-copy), never cloned; exports go as Blobs,
 * passed by reference. Kept apart from the entry so tests can expose it over a `MessageChannel`
 * exactly as the worker does.
 */
import { transfer } from 'comlink';
import type { EngineApi } from './api';
import type { CrosswalkEngine } from './engine/engine';
import { copyForTransfer } from './transfer';

export function createEngineApi(engine: CrosswalkEngine) {
  return {
    // A worker resolves the catalog's URL against its own; Node (tests) passes absolute URLs.
    init: (catalogUrl) => engine.init(new URL(catalogUrl, globalThis.location?.href).href),
    catalog: async () => engine.catalog(),
    detect: async (text, split) => engine.detect(text, split),
    countIds: (input) => engine.countIds(input),
    paths: async (source, target, maxHops) => engine.paths(source, target, maxHops),
    attributesFor: async (target) => engine.attributesFor(target),
    map: async (request, onProgress) => {
      const [copy, buffers] = copyForTransfer(await engine.map(request, onProgress));
      return transfer(copy, buffers);
    },
    exportResult: async (runId, format, layout) => {
      const file = engine.exportResult(runId, format, layout);
      // A Blob is cloned by reference, never copied; but a browser goes on taking in its bytes
      // after it is made (a second or two for 300 MB), and meanwhile the page's calls to name and
      // download it wait on that busy browser (up to 150 ms measured). Reading its last byte
      // waits here, in the worker, until the browser holds the whole file.
      await file.slice(-1).arrayBuffer();
      return file;
    },
    manifest: (runId, options) => engine.manifest(runId, options),
    diffRuns: async (before, after) => engine.diffRuns(before, after),
    exportDiff: async (before, after, format) => engine.exportDiff(before, after, format),
    applyPolicy: async (runId, policy) => {
      const [copy, buffers] = copyForTransfer(engine.applyPolicy(runId, policy));
      return transfer(copy, buffers);
    },
    cacheStats: async () => engine.cache.stats(),
    preload: (tables) => engine.preload(tables),
    warmUp: (source, target) => engine.warmUp(source, target),
    storage: () => engine.storage(),
    clearStorage: () => engine.clearStorage(),
    previewTable: (file, fileName, delimiter) => engine.previewTable(file, fileName, delimiter),
    checkTable: (file, spec, onProgress) => engine.checkTable(file, spec, onProgress),
    addTable: (name) => engine.addTable(name),
    removeTable: (name) => engine.removeTable(name),
    setTableOptions: (name, options) => engine.setTableOptions(name, options),
    syncUserTables: () => engine.syncUserTables(),
    fetchPack: (name) => engine.fetchPack(name),
    dropPack: (name) => engine.dropPack(name),
  } satisfies EngineApi;
}
