import type { AttributeRef, MapResult } from '../../../workers/api';
import { packStrings } from '../../../src/lib/packed-strings';
import { buildRows } from '../../../workers/engine/result/result-rows';

export interface InputSpec {
  id: string;
  status: number;
  flags?: number;
  pairs?: {
    target: string;
    via?: string;
    path?: number;
    match?: number;
    confidence?: number;
    flags?: number;
  }[];
}

/** An attribute column of the result: its ref, its title (default `column (table)`), one value per pair. */
export interface AttributeSpec extends AttributeRef {
  label?: string;
  values: string[];
}

/** A small MapResult in the worker's packed layout, built from readable specs. */
export function makeResult(inputs: InputSpec[], attributes: AttributeSpec[] = []): MapResult {
  const pairs = inputs.flatMap((input, inputIndex) =>
    (input.pairs ?? []).map((pair) => ({ ...pair, inputIndex })),
  );
  const pairStart = new Int32Array(inputs.length + 1);
  let next = 0;
  inputs.forEach((input, index) => {
    pairStart[index] = next;
    next += input.pairs?.length ?? 0;
  });
  pairStart[inputs.length] = next;
  for (const attribute of attributes) {
    if (attribute.values.length !== pairs.length) {
      throw new Error(
        `${attribute.column}: ${attribute.values.length} values for ${pairs.length} pairs`,
      );
    }
  }
  const statuses = inputs.map((input) => input.status);
  const packedInputs: MapResult['inputs'] = {
    count: inputs.length,
    text: packStrings(inputs.map((input) => input.id)),
    status: Uint8Array.from(statuses),
    flags: Uint8Array.from(inputs.map((input) => input.flags ?? 0)),
    pairStart,
  };
  const countStatus = (status: number) => statuses.filter((value) => value === status).length;
  return {
    runId: 1,
    source: 'uniprot',
    target: 'entrez',
    paths: [
      { index: 0, label: 'UniProt → NCBI Gene', types: ['uniprot', 'entrez'], steps: [] },
      {
        index: 1,
        label: 'UniProt → symbol → NCBI Gene',
        types: ['uniprot', 'symbol', 'entrez'],
        steps: [],
      },
    ],
    matchTypes: ['exact', 'alias'],
    inputs: packedInputs,
    // The worker's layout, tested on its own in tests/unit/engine/result-rows.test.ts.
    rows: buildRows(packedInputs),
    pairs: {
      count: pairs.length,
      input: Int32Array.from(pairs.map((pair) => pair.inputIndex)),
      target: packStrings(pairs.map((pair) => pair.target)),
      via: packStrings(pairs.map((pair) => pair.via ?? '')),
      path: Uint16Array.from(pairs.map((pair) => pair.path ?? 0)),
      match: Uint8Array.from(pairs.map((pair) => pair.match ?? 0)),
      confidence: Float32Array.from(pairs.map((pair) => pair.confidence ?? 1)),
      flags: Uint8Array.from(pairs.map((pair) => pair.flags ?? 0)),
    },
    attributes: {
      refs: attributes.map(({ table, column }) => ({ table, column })),
      labels: attributes.map((a) => a.label ?? `${a.column} (${a.table})`),
      values: attributes.map((a) => packStrings(a.values)),
    },
    summary: {
      inputs: inputs.length,
      distinct: new Set(inputs.map((input) => input.id)).size,
      duplicates: inputs.filter((input) => (input.flags ?? 0) & 1).length,
      mapped: countStatus(0),
      ambiguous: countStatus(1),
      unmapped: countStatus(2),
      invalid: countStatus(3),
      excelDates: inputs.filter((input) => (input.flags ?? 0) & 4).length,
      convergent: inputs.filter((input) => (input.flags ?? 0) & 2).length,
      pairs: pairs.length,
    },
    timing: { totalMs: 0, phases: [] },
    notes: [],
  };
}
