/** What a result sends over the worker boundary, and which buffers it hands over. */
import type { IndexedStrings, MapResult } from './api';

/**
 * An exact-length copy of every array, for transfer: the engine keeps its own result for export,
 * and its arrays may be views of larger growable buffers that must not be sent whole.
 */
export function copyForTransfer(result: MapResult): [MapResult, ArrayBuffer[]] {
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
  const indexed = (column: IndexedStrings) => ({
    strings: strings(column.strings),
    index: copy(column.index),
  });
  const { inputs, pairs, rows } = result;
  const copied: MapResult = {
    ...result,
    inputs: {
      ...inputs,
      text: indexed(inputs.text),
      status: copy(inputs.status),
      flags: copy(inputs.flags),
      pairStart: copy(inputs.pairStart),
      key: copy(inputs.key),
    },
    keys: {
      ...result.keys,
      normalised: strings(result.keys.normalised),
      type: copy(result.keys.type),
      reason: copy(result.keys.reason),
    },
    pairs: {
      ...pairs,
      input: copy(pairs.input),
      target: indexed(pairs.target),
      targetType: copy(pairs.targetType),
      via: indexed(pairs.via),
      path: copy(pairs.path),
      match: copy(pairs.match),
      confidence: copy(pairs.confidence),
      flags: copy(pairs.flags),
    },
    reviewed: result.reviewed && copy(result.reviewed),
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
