/**
 * Turns the per-key pairs into the per-input result: every input in order with a status, its
 * pairs replicated for duplicates, convergent targets flagged, confidence and match type per pair.
 */
import type { MapResult, MapSummary, PathInfo } from '../../api';
import {
  INPUT_CONVERGENT,
  INPUT_DUPLICATE,
  INPUT_EXCEL_DATE,
  PAIR_CONVERGENT,
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../common/codes';
import { StringsBuffer } from '../packed/growable-buffers';
import { confidence } from './confidence';
import { buildRows } from './result-rows';
import type { PairSink } from '../run/walk-path';
import { looksLike, MATCH_TRIMMED, type IdType } from '../ids/id-types';
import type { ParsedInput } from '../ids/parse-input';
import { MatchTypes } from './match-types';

export interface AssembleArgs {
  input: ParsedInput;
  sink: PairSink;
  sourceType: IdType;
  paths: PathInfo[];
  /** Match labels of the tables along each path (e.g. `['alias']`). */
  pathLabels: string[][];
  /** Per key, 1 where the key looks like a symbol a spreadsheet turned into a date. */
  excelDate: Uint8Array;
  /** Per sink pair, round-trip flags (PAIR_ROUND_TRIP | PAIR_CONFIRMED), when a round trip ran. */
  roundTrip?: Uint8Array;
}

export type AssembledResult = Pick<
  MapResult,
  'inputs' | 'pairs' | 'rows' | 'summary' | 'matchTypes' | 'paths'
>;

export function assemble({
  input,
  sink,
  sourceType,
  paths,
  pathLabels,
  roundTrip,
  excelDate,
}: AssembleArgs): AssembledResult {
  const nKeys = input.keys.size;
  const keyStatus = new Uint8Array(nKeys);
  for (let k = 0; k < nKeys; k++) {
    const n = sink.keyCount[k];
    if (n === 1) keyStatus[k] = STATUS_MAPPED;
    else if (n > 1) keyStatus[k] = STATUS_AMBIGUOUS;
    else keyStatus[k] = looksLike(sourceType, input.keys.get(k)) ? STATUS_UNMAPPED : STATUS_INVALID;
  }

  // A target is convergent when two distinct keys reach it (duplicates of one key do not count).
  const firstKey = new Int32Array(sink.targets.size).fill(-1);
  const convergent = new Uint8Array(sink.targets.size);
  for (let k = 0; k < nKeys; k++) {
    for (let p = sink.keyFirst[k], end = p + sink.keyCount[k]; p < end; p++) {
      const t = sink.target.data[p];
      if (firstKey[t] < 0) firstKey[t] = k;
      else if (firstKey[t] !== k) convergent[t] = 1;
    }
  }

  const matchTypes = new MatchTypes();
  const pairMatch = new Uint8Array(sink.pairs);
  // A pair reached from a token that clean-up changed (`"P04637"`) adds `trimmed` to its match;
  // `P04637` on another row shares the key and pair, not the match type. Made on first use.
  const NONE = 255;
  const trimmedMatch = new Uint8Array(input.trimmed.includes(1) ? sink.pairs : 0).fill(NONE);
  const matchOfTrimmed = (p: number): number => {
    if (trimmedMatch[p] === NONE) {
      const labels = pathLabels[sink.path.data[p]];
      trimmedMatch[p] = matchTypes.of(labels, sink.bits.data[p] | MATCH_TRIMMED);
    }
    return trimmedMatch[p];
  };
  const pairConfidence = new Float32Array(sink.pairs);
  const pairFlags = new Uint8Array(sink.pairs);
  for (let k = 0; k < nKeys; k++) {
    const n = sink.keyCount[k];
    for (let p = sink.keyFirst[k], end = p + n; p < end; p++) {
      const labels = pathLabels[sink.path.data[p]];
      pairMatch[p] = matchTypes.of(labels, sink.bits.data[p]);
      pairConfidence[p] = confidence(sink.bits.data[p], labels.length, sink.hops.data[p], n);
      pairFlags[p] =
        (convergent[sink.target.data[p]] ? PAIR_CONVERGENT : 0) | (roundTrip?.[p] ?? 0);
    }
  }

  const count = input.count;
  let total = 0;
  for (let i = 0; i < count; i++) total += sink.keyCount[input.keyOf[i]];
  const status = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const pairStart = new Int32Array(count + 1);
  const pairInput = new Int32Array(total);
  const targets = new StringsBuffer(total * 10);
  const via = new StringsBuffer(total * 24);
  const viaPacked = { bytes: sink.via.bytes, offsets: sink.via.offsets.data };
  const path = new Uint16Array(total);
  const match = new Uint8Array(total);
  const conf = new Float32Array(total);
  const pairFlagsOut = new Uint8Array(total);
  const seenKey = new Uint8Array(nKeys);
  const summary: MapSummary = {
    inputs: count,
    distinct: nKeys,
    duplicates: input.duplicates,
    mapped: 0,
    ambiguous: 0,
    unmapped: 0,
    invalid: 0,
    convergent: 0,
    excelDates: 0,
    pairs: total,
  };
  let out = 0;
  for (let i = 0; i < count; i++) {
    const k = input.keyOf[i];
    status[i] = keyStatus[k];
    if (seenKey[k]) flags[i] |= INPUT_DUPLICATE;
    if (excelDate[k]) flags[i] |= INPUT_EXCEL_DATE;
    seenKey[k] = 1;
    pairStart[i] = out;
    const trimmed = input.trimmed[i] === 1;
    for (let p = sink.keyFirst[k], end = p + sink.keyCount[k]; p < end; p++) {
      pairInput[out] = i;
      sink.targets.writeTo(sink.target.data[p], targets);
      targets.end();
      via.copyFrom(viaPacked, p);
      path[out] = sink.path.data[p];
      match[out] = trimmed ? matchOfTrimmed(p) : pairMatch[p];
      conf[out] = pairConfidence[p];
      pairFlagsOut[out] = pairFlags[p];
      if (pairFlags[p] & PAIR_CONVERGENT) flags[i] |= INPUT_CONVERGENT;
      out++;
    }
    countStatus(summary, status[i]);
    if (flags[i] & INPUT_CONVERGENT) summary.convergent++;
    if (flags[i] & INPUT_EXCEL_DATE) summary.excelDates++;
  }
  pairStart[count] = out;
  const inputs = { count, text: input.tokens, status, flags, pairStart };
  return {
    paths,
    matchTypes: matchTypes.names,
    inputs,
    rows: buildRows(inputs),
    pairs: {
      count: total,
      input: pairInput,
      target: targets.toPacked(),
      via: via.toPacked(),
      path,
      match,
      confidence: conf,
      flags: pairFlagsOut,
    },
    summary,
  };
}

function countStatus(summary: MapSummary, status: number): void {
  if (status === STATUS_MAPPED) summary.mapped++;
  else if (status === STATUS_AMBIGUOUS) summary.ambiguous++;
  else if (status === STATUS_UNMAPPED) summary.unmapped++;
  else summary.invalid++;
}
