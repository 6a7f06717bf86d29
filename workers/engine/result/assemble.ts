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
import { looksLike, MATCH_GROUP, MATCH_TRIMMED, type IdType } from '../ids/id-types';
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
  const groups = input.groups;
  // Keys the rows name; members of groups that no row names come after them.
  const rowKeys = groups ? groups.rowKeys : nKeys;
  const groupPairs = groups ? unionPairs(groups, sink) : null;
  const keyStatus = new Uint8Array(rowKeys);
  for (let k = 0; k < rowKeys; k++) {
    const isGroup = groupPairs !== null && groups!.start[k + 1] > groups!.start[k];
    const n = isGroup ? groupPairs.start[k + 1] - groupPairs.start[k] : sink.keyCount[k];
    if (n === 1) keyStatus[k] = STATUS_MAPPED;
    else if (n > 1) keyStatus[k] = STATUS_AMBIGUOUS;
    else if (isGroup) keyStatus[k] = STATUS_UNMAPPED;
    else keyStatus[k] = looksLike(sourceType, input.keys.get(k)) ? STATUS_UNMAPPED : STATUS_INVALID;
  }

  // A target is convergent when two distinct row keys reach it (duplicates of one key do not
  // count, nor two members of one group).
  const firstKey = new Int32Array(sink.targets.size).fill(-1);
  const convergent = new Uint8Array(sink.targets.size);
  const reach = (k: number, p: number): void => {
    const t = sink.target.data[p];
    if (firstKey[t] < 0) firstKey[t] = k;
    else if (firstKey[t] !== k) convergent[t] = 1;
  };
  for (let k = 0; k < rowKeys; k++) {
    if (groupPairs !== null && groups!.start[k + 1] > groups!.start[k]) {
      for (let j = groupPairs.start[k]; j < groupPairs.start[k + 1]; j++)
        reach(k, groupPairs.pairs[j]);
    } else {
      for (let p = sink.keyFirst[k], end = p + sink.keyCount[k]; p < end; p++) reach(k, p);
    }
  }

  const matchTypes = new MatchTypes();
  const pairMatch = new Uint8Array(sink.pairs);
  // A pair reached from a token that clean-up changed (`"P04637"`) adds `trimmed` to its match,
  // and one reached from a group's member adds `group`; `P04637` on another row shares the key
  // and pair, not the match type. Made on first use, four slots per pair (none, trimmed, group,
  // both).
  const NONE = 255;
  const extra = input.trimmed.includes(1) || groups !== null;
  const extraMatch = new Uint8Array(extra ? sink.pairs * 4 : 0).fill(NONE);
  const matchWith = (p: number, slot: number): number => {
    const at = p * 4 + slot;
    if (extraMatch[at] === NONE) {
      const labels = pathLabels[sink.path.data[p]];
      const bits = (slot & 1 ? MATCH_TRIMMED : 0) | (slot & 2 ? MATCH_GROUP : 0);
      extraMatch[at] = matchTypes.of(labels, sink.bits.data[p] | bits);
    }
    return extraMatch[at];
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
  const pairsOfKey = (k: number): number =>
    groupPairs !== null && k < rowKeys && groups!.start[k + 1] > groups!.start[k]
      ? groupPairs.start[k + 1] - groupPairs.start[k]
      : sink.keyCount[k];
  let total = 0;
  for (let i = 0; i < count; i++) total += pairsOfKey(input.keyOf[i]);
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
  const seenKey = new Uint8Array(rowKeys);
  const summary: MapSummary = {
    inputs: count,
    distinct: rowKeys,
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
    const isGroup = groupPairs !== null && groups!.start[k + 1] > groups!.start[k];
    const slot = (input.trimmed[i] === 1 ? 1 : 0) | (isGroup ? 2 : 0);
    const from = isGroup ? groupPairs.start[k] : sink.keyFirst[k];
    const to = isGroup ? groupPairs.start[k + 1] : from + sink.keyCount[k];
    for (let j = from; j < to; j++) {
      // A group's pairs are its members' (each `via` starts with its member).
      const p = isGroup ? groupPairs.pairs[j] : j;
      pairInput[out] = i;
      sink.targets.writeTo(sink.target.data[p], targets);
      targets.end();
      via.copyFrom(viaPacked, p);
      path[out] = sink.path.data[p];
      match[out] = slot === 0 ? pairMatch[p] : matchWith(p, slot);
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

/**
 * The sink pairs of each group key: its members' pairs in member order, each target once (the
 * first member to reach it gives the pair). Over the row keys, empty for a key that is no group.
 */
function unionPairs(
  groups: NonNullable<ParsedInput['groups']>,
  sink: PairSink,
): { start: Int32Array; pairs: Int32Array } {
  const start = new Int32Array(groups.rowKeys + 1);
  let total = 0;
  for (let k = 0; k < groups.rowKeys; k++) {
    for (let m = groups.start[k]; m < groups.start[k + 1]; m++)
      total += sink.keyCount[groups.members[m]];
  }
  const pairs = new Int32Array(total);
  // The group that last took each target, so a target two members reach is taken once.
  const takenBy = new Int32Array(sink.targets.size).fill(-1);
  let out = 0;
  for (let k = 0; k < groups.rowKeys; k++) {
    start[k] = out;
    for (let m = groups.start[k]; m < groups.start[k + 1]; m++) {
      const member = groups.members[m];
      for (let p = sink.keyFirst[member], end = p + sink.keyCount[member]; p < end; p++) {
        const t = sink.target.data[p];
        if (takenBy[t] === k) continue;
        takenBy[t] = k;
        pairs[out++] = p;
      }
    }
  }
  start[groups.rowKeys] = out;
  return { start, pairs: pairs.subarray(0, out) };
}

function countStatus(summary: MapSummary, status: number): void {
  if (status === STATUS_MAPPED) summary.mapped++;
  else if (status === STATUS_AMBIGUOUS) summary.ambiguous++;
  else if (status === STATUS_UNMAPPED) summary.unmapped++;
  else summary.invalid++;
}
