/**
 * Worker entry: wires the engine to Comlink and nothing else. Results go back with their
 * buffers transferred (zero-copy), never cloned.
 */
import { expose, transfer } from 'comlink';
import type { EngineApi, MapResult } from './api';
import { CrosswalkEngine } from './engine/engine';

const engine = new CrosswalkEngine({
  async readBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});

function buffersOf(result: MapResult): ArrayBuffer[] {
  const { inputs, pairs } = result;
  const views = [
    inputs.text.bytes,
    inputs.text.offsets,
    inputs.status,
    inputs.flags,
    inputs.pairStart,
    pairs.input,
    pairs.target.bytes,
    pairs.target.offsets,
    pairs.via.bytes,
    pairs.via.offsets,
    pairs.path,
    pairs.match,
    pairs.confidence,
    pairs.flags,
  ];
  return views.map((v) => v.buffer as ArrayBuffer);
}

const api = {
  init: (catalogUrl) => engine.init(new URL(catalogUrl, self.location.href).href),
  catalog: async () => engine.catalog(),
  detect: async (text) => engine.detect(text),
  paths: async (source, target, maxHops) => engine.paths(source, target, maxHops),
  map: async (request, onProgress) => {
    const result = await engine.map(request, onProgress);
    // The engine keeps the run for export; the UI gets its own copy of the buffers by transfer.
    const copy = structuredClone(result);
    return transfer(copy, buffersOf(copy));
  },
  exportResult: async (runId, format) => {
    const bytes = engine.exportResult(runId, format);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  cacheStats: async () => engine.cache.stats(),
  preload: (tables) => engine.preload(tables),
} satisfies EngineApi;

expose(api);
