/**
 * Worker entry: wires the engine to Comlink and nothing else. Results go back with their
 * buffers transferred (zero-copy), never cloned.
 */
import { expose, transfer } from 'comlink';
import type { EngineApi, MapResult } from './api';
import { CrosswalkEngine } from './engine/engine';
import { IdbTableStore } from './storage/idb-table-store';
import { IdbUserTableStore } from './storage/idb-user-table-store';

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
  async readBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});

/**
 * An exact-length copy of every array, for transfer: the engine keeps its own result for export,
 * and its arrays may be views of larger growable buffers that must not be sent whole.
 */
function copyForTransfer(result: MapResult): [MapResult, ArrayBuffer[]] {
  const buffers: ArrayBuffer[] = [];
  const copy = <T extends Uint8Array | Int32Array | Uint16Array | Float32Array>(view: T): T => {
    const sliced = view.slice() as T;
    buffers.push(sliced.buffer as ArrayBuffer);
    return sliced;
  };
  const strings = (p: { bytes: Uint8Array; offsets: Int32Array }) => ({
    bytes: copy(p.bytes),
    offsets: copy(p.offsets),
  });
  const { inputs, pairs, rows } = result;
  const copied: MapResult = {
    ...result,
    inputs: {
      ...inputs,
      text: strings(inputs.text),
      status: copy(inputs.status),
      flags: copy(inputs.flags),
      pairStart: copy(inputs.pairStart),
    },
    pairs: {
      ...pairs,
      input: copy(pairs.input),
      target: strings(pairs.target),
      via: strings(pairs.via),
      path: copy(pairs.path),
      match: copy(pairs.match),
      confidence: copy(pairs.confidence),
      flags: copy(pairs.flags),
    },
    // Exact-length arrays the engine does not keep: sent as they are.
    rows,
    attributes: { ...result.attributes, values: result.attributes.values.map(strings) },
  };
  buffers.push(
    ...[rows.input, rows.pair, rows.byStatus, rows.statusStart].map(
      (view) => view.buffer as ArrayBuffer,
    ),
  );
  return [copied, buffers];
}

const api = {
  init: (catalogUrl) => engine.init(new URL(catalogUrl, self.location.href).href),
  catalog: async () => engine.catalog(),
  detect: async (text) => engine.detect(text),
  countIds: (input) => engine.countIds(input),
  paths: async (source, target, maxHops) => engine.paths(source, target, maxHops),
  attributesFor: async (target) => engine.attributesFor(target),
  map: async (request, onProgress) => {
    const [copy, buffers] = copyForTransfer(await engine.map(request, onProgress));
    return transfer(copy, buffers);
  },
  exportResult: async (runId, format) => {
    const bytes = engine.exportResult(runId, format);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  cacheStats: async () => engine.cache.stats(),
  preload: (tables) => engine.preload(tables),
  warmUp: (source, target) => engine.warmUp(source, target),
  storage: () => engine.storage(),
  clearStorage: () => engine.clearStorage(),
  previewTable: (file, fileName, delimiter) => engine.previewTable(file, fileName, delimiter),
  checkTable: (file, spec) => engine.checkTable(file, spec),
  addTable: (name) => engine.addTable(name),
  removeTable: (name) => engine.removeTable(name),
  setTableOptions: (name, options) => engine.setTableOptions(name, options),
} satisfies EngineApi;

expose(api);
