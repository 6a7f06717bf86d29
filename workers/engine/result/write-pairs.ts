/**
 * The per-input half of assembly: each input's status and flags, and its key's pairs written out
 * once per input, duplicates included. The hottest loop of a large run (10.7 million pairs at the
 * 64 MB input limit), so it reads only typed arrays hoisted into locals.
 */
import type { MapSummary } from '../../api';
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
import { MATCH_TRIMMED } from '../ids/id-types';
import type { IdReading } from '../ids/read-ids';
import type { KeyPairs } from './key-pairs';
import type { PrefixedVias } from './prefixed-vias';

export function writePairs(
  from: {
    keyOf: Int32Array;
    trimmed: Uint8Array;
    keyStatus: Uint8Array;
    excelDate: Uint8Array;
    keyBits: IdReading['bits'];
    memberBits: IdReading['memberBits'];
    byKey: KeyPairs;
    sinkTarget: Int32Array;
    sinkPath: Int32Array;
    pairMatch: Uint8Array;
    pairConfidence: Float32Array;
    pairFlags: Uint8Array;
  },
  to: {
    status: Uint8Array;
    flags: Uint8Array;
    pairStart: Int32Array;
    pairInput: Int32Array;
    targetIndex: Int32Array;
    viaIndex: Int32Array;
    path: Uint16Array;
    match: Uint8Array;
    conf: Float32Array;
    pairFlagsOut: Uint8Array;
  },
  vias: PrefixedVias,
  matchWith: (p: number, extra: number) => number,
  summary: MapSummary,
): number {
  const {
    keyOf,
    trimmed,
    keyStatus,
    excelDate,
    keyBits,
    memberBits,
    sinkTarget,
    sinkPath,
    pairMatch,
    pairConfidence,
    pairFlags,
  } = from;
  const { start: keyStart, pairs: keyPairsOf, member } = from.byKey;
  const {
    status,
    flags,
    pairStart,
    pairInput,
    targetIndex,
    viaIndex,
    path,
    match,
    conf,
    pairFlagsOut,
  } = to;
  const seenKey = new Uint8Array(keyStatus.length);
  const count = keyOf.length;
  const perStatus = new Int32Array(4);
  let convergentInputs = 0;
  let excelInputs = 0;
  let out = 0;
  for (let i = 0; i < count; i++) {
    const k = keyOf[i];
    const s = keyStatus[k];
    status[i] = s;
    let f = 0;
    if (seenKey[k]) f |= INPUT_DUPLICATE;
    if (excelDate[k]) f |= INPUT_EXCEL_DATE;
    seenKey[k] = 1;
    pairStart[i] = out;
    const extraOfKey = (trimmed[i] === 1 ? MATCH_TRIMMED : 0) | (keyBits ? keyBits[k] : 0);
    for (let j = keyStart[k], end = keyStart[k + 1]; j < end; j++) {
      const p = keyPairsOf[j];
      const extra = memberBits ? extraOfKey | memberBits[member![j]] : extraOfKey;
      pairInput[out] = i;
      targetIndex[out] = sinkTarget[p];
      viaIndex[out] = member ? vias.of(p, member[j]) : p;
      path[out] = sinkPath[p];
      match[out] = extra === 0 ? pairMatch[p] : matchWith(p, extra);
      conf[out] = pairConfidence[p];
      const pf = pairFlags[p];
      pairFlagsOut[out] = pf;
      if (pf & PAIR_CONVERGENT) f |= INPUT_CONVERGENT;
      out++;
    }
    flags[i] = f;
    perStatus[s]++;
    if (f & INPUT_CONVERGENT) convergentInputs++;
    if (f & INPUT_EXCEL_DATE) excelInputs++;
  }
  summary.mapped = perStatus[STATUS_MAPPED];
  summary.ambiguous = perStatus[STATUS_AMBIGUOUS];
  summary.unmapped = perStatus[STATUS_UNMAPPED];
  summary.invalid = perStatus[STATUS_INVALID];
  summary.convergent = convergentInputs;
  summary.excelDates = excelInputs;
  return out;
}
