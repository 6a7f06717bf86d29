/**
 * Turns the per-key pairs into the per-input result: every input in order with a status, its
 * pairs replicated for duplicates, convergent targets flagged, confidence and match type per pair
 * (the path's tables, the relaxations of the walk, and the form the input was read from).
 */
import type { MapResult, MapSummary, PackedStrings, PathInfo } from '../../api';
import {
  NO_TYPE,
  PAIR_CONVERGENT,
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../common/codes';
import { StringsBuffer } from '../packed/growable-buffers';
import { PrefixedVias } from './prefixed-vias';
import { answerCount, answersOf } from './many-valued';
import { writePairs } from './write-pairs';
import { textOf } from '../packed/bytes-text';
import { confidence } from './confidence';
import { buildRows } from './result-rows';
import type { PairSink } from '../run/walk-path';
import { idType, looksLike, MATCH_GROUP } from '../ids/id-types';
import type { ParsedInput } from '../ids/parse-input';
import {
  EARLY_AMBIGUOUS,
  EARLY_DECOY,
  EARLY_NONE,
  EARLY_WITHDRAWN,
  type IdReading,
} from '../ids/read-ids';
import { keyPairs, lookupText, type KeyPairs } from './key-pairs';
import { MatchTypes } from './match-types';

export interface AssembleArgs {
  input: ParsedInput;
  reading: IdReading;
  sink: PairSink;
  paths: PathInfo[];
  /** Match labels of the tables along each path (e.g. `['alias']`). */
  pathLabels: string[][];
  /** Per path, whether its last step reaches a column declared many-valued. */
  pathMany: boolean[];
  /** Per key, 1 where the key looks like a symbol a spreadsheet turned into a date. */
  excelDate: Uint8Array;
  /** Per sink pair, round-trip flags (PAIR_ROUND_TRIP | PAIR_CONFIRMED), when a round trip ran. */
  roundTrip?: Uint8Array;
}

export type AssembledResult = Pick<
  MapResult,
  'inputs' | 'pairs' | 'rows' | 'summary' | 'matchTypes' | 'paths'
> & {
  /** Per row key: its status, the pairs it has and its id as looked up (reasons come next). */
  keyStatus: Uint8Array;
  keyPairs: KeyPairs;
  normalised: MapResult['keys']['normalised'];
};

export function assemble({
  input,
  reading,
  sink,
  paths,
  pathLabels,
  pathMany,
  roundTrip,
  excelDate,
}: AssembleArgs): AssembledResult {
  const answers = answersOf(sink, pathMany);
  const rowKeys = reading.rowKeys;
  const byKey = keyPairs(reading, sink, rowKeys);
  const normalised = normalisedKeys(reading, input, rowKeys);
  const keyStatus = new Uint8Array(rowKeys);
  for (let k = 0; k < rowKeys; k++) {
    const n = answers
      ? answerCount(answers, byKey.start[k], byKey.start[k + 1], byKey.pairs)
      : byKey.start[k + 1] - byKey.start[k];
    keyStatus[k] =
      n === 1 ? STATUS_MAPPED : n > 1 ? STATUS_AMBIGUOUS : unmappedStatus(reading, k, normalised);
  }

  // A target is convergent when two distinct ids reach it: not duplicates of one row, not two
  // members of one group, not two forms of one id (`P04637`, `sp|P04637|P53_HUMAN`).
  const firstKey = new Int32Array(sink.targets.size).fill(-1);
  const convergent = new Uint8Array(sink.targets.size);
  for (let k = 0; k < rowKeys; k++) {
    const id = identityOf(reading, k);
    for (let j = byKey.start[k]; j < byKey.start[k + 1]; j++) {
      const t = sink.target.data[byKey.pairs[j]];
      if (firstKey[t] < 0) firstKey[t] = id;
      else if (firstKey[t] !== id) convergent[t] = 1;
    }
  }

  const matchTypes = new MatchTypes();
  const pairMatch = new Uint8Array(sink.pairs);
  // A pair reached from a token that clean-up changed (`"P04637"`), from a form (`sp|…`) or a
  // group's member adds that to its match; `P04637` on another row shares the pair, not the
  // match type. Made on first use, by path and bits.
  const extraMatch = new Map<number, number>();
  const matchWith = (p: number, extra: number): number => {
    const path = sink.path.data[p];
    const bits = sink.bits.data[p] | extra;
    const at = path * 65536 + bits;
    let index = extraMatch.get(at);
    if (index === undefined) {
      index = matchTypes.of(pathLabels[path], bits);
      extraMatch.set(at, index);
    }
    return index;
  };
  const pairConfidence = new Float32Array(sink.pairs);
  const pairFlags = new Uint8Array(sink.pairs);
  for (let g = 0; g < sink.keyCount.length; g++) {
    const n = sink.keyCount[g];
    const first = sink.keyFirst[g];
    const answered = answers ? answerCount(answers, first, first + n) : n;
    for (let p = first, end = p + n; p < end; p++) {
      const labels = pathLabels[sink.path.data[p]];
      pairMatch[p] = matchTypes.of(labels, sink.bits.data[p]);
      pairConfidence[p] = confidence(sink.bits.data[p], labels.length, sink.hops.data[p], answered);
      pairFlags[p] =
        (convergent[sink.target.data[p]] ? PAIR_CONVERGENT : 0) | (roundTrip?.[p] ?? 0);
    }
  }
  const keyBits = reading.bits;
  const memberBits = reading.memberBits;
  const viaPrefix = reading.viaPrefix;

  const count = input.count;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const k = input.keyOf[i];
    total += byKey.start[k + 1] - byKey.start[k];
  }
  const status = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const pairStart = new Int32Array(count + 1);
  const pairInput = new Int32Array(total);
  // Targets and paths by index into the sink's own strings: an input repeated or a target reached
  // a million times is still one string.
  const targetIndex = new Int32Array(total);
  const vias = new PrefixedVias(sink, viaPrefix);
  const viaIndex = new Int32Array(total);
  const path = new Uint16Array(total);
  const match = new Uint8Array(total);
  const conf = new Float32Array(total);
  const pairFlagsOut = new Uint8Array(total);
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
    conflicts: 0,
    pairs: total,
  };
  const out = writePairs(
    {
      keyOf: input.keyOf,
      trimmed: input.trimmed,
      keyStatus,
      excelDate,
      keyBits,
      memberBits,
      byKey,
      sinkTarget: sink.target.data,
      sinkPath: sink.path.data,
      pairMatch,
      pairConfidence,
      pairFlags,
    },
    { status, flags, pairStart, pairInput, targetIndex, viaIndex, path, match, conf, pairFlagsOut },
    vias,
    matchWith,
    summary,
  );
  pairStart[count] = out;
  const inputs = { count, text: input.text, status, flags, pairStart, key: input.keyOf };
  return {
    paths,
    matchTypes: matchTypes.names,
    inputs,
    rows: buildRows(inputs),
    pairs: {
      count: total,
      input: pairInput,
      target: { strings: sink.targets.strings(), index: targetIndex },
      // One target type; result/merge-targets.ts numbers several.
      targetType: new Uint8Array(total),
      via: { strings: vias.strings(), index: viaIndex },
      path,
      match,
      confidence: conf,
      flags: pairFlagsOut,
    },
    summary,
    keyStatus,
    keyPairs: byKey,
    normalised,
  };
}

/** The status of a row key with no pairs: unmapped when shaped like its type, else invalid. */
function unmappedStatus(reading: IdReading, k: number, normalised: PackedStrings): number {
  const early = reading.early[k];
  if (early === EARLY_DECOY || early === EARLY_WITHDRAWN) return STATUS_UNMAPPED;
  if (early !== EARLY_NONE && early !== EARLY_AMBIGUOUS) return STATUS_INVALID;
  const t = reading.type[k];
  if (t === NO_TYPE) return STATUS_INVALID;
  if (reading.bits && reading.bits[k] & MATCH_GROUP) return STATUS_UNMAPPED;
  const text = textOf(normalised.bytes, normalised.offsets[k], normalised.offsets[k + 1]);
  return looksLike(idType(reading.types[t]), text) ? STATUS_UNMAPPED : STATUS_INVALID;
}

/** Each row key's id as looked up: its members' texts joined by `;`, `''` when none. */
function normalisedKeys(reading: IdReading, input: ParsedInput, rowKeys: number): PackedStrings {
  const keys = input.keys;
  const out = new StringsBuffer(rowKeys * 12 + 16);
  const { start, members } = reading;
  for (let k = 0; k < rowKeys; k++) {
    if (!start) keys.writeTo(k, out);
    else {
      for (let m = start[k]; m < start[k + 1]; m++) {
        if (m > start[k]) out.append(SEMICOLON);
        const g = members![m];
        if (g < rowKeys || reading.spaces.length === 1) keys.writeTo(g, out);
        else out.append(encoder.encode(lookupText(reading, g)));
      }
    }
    out.end();
  }
  return out.toPacked();
}

const SEMICOLON = new Uint8Array([59]);
const encoder = new TextEncoder();

/** What makes two row keys the same id: their one lookup key, or the row key of a group. */
function identityOf(reading: IdReading, k: number): number {
  const { start, members } = reading;
  if (!start) return k;
  return start[k + 1] - start[k] === 1 ? members![start[k]] : reading.size + k;
}
