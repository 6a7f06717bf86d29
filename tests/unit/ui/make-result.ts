import type { AttributeRef, IndexedStrings, MapResult } from '../../../workers/api';
import { packStrings } from '../../../src/lib/packed-strings';
import { buildRows } from '../../../workers/engine/result/result-rows';

export interface InputSpec {
  id: string;
  status: number;
  flags?: number;
  /** Index into the run's `sourceTypes`, or NO_TYPE (default 0); the first input with an id sets it. */
  type?: number;
  /** Index into the run's `reasons` (default 0, none); the first input with an id sets it. */
  reason?: number;
  pairs?: {
    target: string;
    /** Index into the run's `targets` (default 0). */
    targetType?: number;
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

/** What a run read its ids as, and why some are not simply mapped. */
export interface RunSpec {
  /** Default `['uniprot']`. */
  sourceTypes?: string[];
  /** Default `['']`; `reasons[0]` must be `''`. */
  reasons?: string[];
  /** Default `['entrez']`. */
  targets?: string[];
}

/**
 * A small MapResult in the worker's packed layout, built from readable specs. Inputs with the
 * same id share one key (in order of first appearance), as the worker's duplicates do.
 */
export function makeResult(
  inputs: InputSpec[],
  attributes: AttributeSpec[] = [],
  run: RunSpec = {},
): MapResult {
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
  const keyOf = new Map<string, number>();
  const keySpecs: InputSpec[] = [];
  for (const input of inputs) {
    if (keyOf.has(input.id)) continue;
    keyOf.set(input.id, keySpecs.length);
    keySpecs.push(input);
  }
  const statuses = inputs.map((input) => input.status);
  const packedInputs: MapResult['inputs'] = {
    count: inputs.length,
    text: oneEach(inputs.map((input) => input.id)),
    status: Uint8Array.from(statuses),
    flags: Uint8Array.from(inputs.map((input) => input.flags ?? 0)),
    pairStart,
    key: Int32Array.from(inputs.map((input) => keyOf.get(input.id) ?? -1)),
  };
  const countStatus = (status: number) => statuses.filter((value) => value === status).length;
  return {
    runId: 1,
    source: run.sourceTypes?.[0] ?? 'uniprot',
    sourceTypes: run.sourceTypes ?? ['uniprot'],
    target: run.targets?.[0] ?? 'entrez',
    targets: run.targets ?? ['entrez'],
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
    keys: {
      count: keySpecs.length,
      normalised: packStrings(keySpecs.map((spec) => spec.id)),
      type: Uint8Array.from(keySpecs.map((spec) => spec.type ?? 0)),
      reason: Uint16Array.from(keySpecs.map((spec) => spec.reason ?? 0)),
    },
    reasons: run.reasons ?? [''],
    // The worker's layout, tested on its own in tests/unit/engine/result-rows.test.ts.
    rows: buildRows(packedInputs),
    pairs: {
      count: pairs.length,
      input: Int32Array.from(pairs.map((pair) => pair.inputIndex)),
      target: oneEach(pairs.map((pair) => pair.target)),
      targetType: Uint8Array.from(pairs.map((pair) => pair.targetType ?? 0)),
      via: oneEach(pairs.map((pair) => pair.via ?? '')),
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
      conflicts: inputs.filter((input) => (input.flags ?? 0) & 8).length,
      convergent: inputs.filter((input) => (input.flags ?? 0) & 2).length,
      pairs: pairs.length,
    },
    timing: { totalMs: 0, phases: [] },
    notes: [],
    policy: 'keep',
    policyEffects: { keep: 0, first: 0, drop: 0, 'prefer-reviewed': 0 },
    reviewed: null,
  };
}

/** An indexed column with a string per row (the engine shares repeats; the UI reads both alike). */
function oneEach(values: string[]): IndexedStrings {
  return { strings: packStrings(values), index: Int32Array.from(values.keys()) };
}
