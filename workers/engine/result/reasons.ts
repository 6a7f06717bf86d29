/**
 * Why each distinct input is not simply mapped, as a short fixed phrase a user can filter on
 * (README, "Reasons"); a phrase may end in a parenthesised detail (`not in any table (close to
 * TP53)`). Computed once per distinct input after assembly, from what the reading knew before the
 * run and what the walk found.
 */
import type { PackedStrings, PathInfo } from '../../api';
import { NO_TYPE, STATUS_AMBIGUOUS, STATUS_INVALID, STATUS_MAPPED } from '../../common/codes';
import { idType, looksLike, MATCH_CONTAMINANT, MATCH_GROUP } from '../ids/id-types';
import {
  EARLY_AMBIGUOUS,
  EARLY_DECOY,
  EARLY_NAMES_OTHER,
  EARLY_NO_TABLE,
  EARLY_NOT_RECOGNISED,
  EARLY_SHAPED_OTHER,
  EARLY_WITHDRAWN,
  firstMember,
  type IdReading,
} from '../ids/read-ids';
import type { IdReader } from '../ids/id-reader';
import type { PairSink } from '../run/walk-path';
import type { KeyPairs } from './key-pairs';
import type { Resolution } from '../run/history';
import { nearestMatch, type FirstStep } from './nearest-match';
import type { Disagreement } from '../run/rival-paths';

export type { FirstStep };

/** What each of the run's types did: its first path in `used` (-1: none ran), and whether it had any. */
export interface TypeRun {
  firstPath: number;
  hasPath: boolean;
}

export interface ReasonArgs {
  reading: IdReading;
  reader: IdReader;
  keyStatus: Uint8Array;
  keyPairs: KeyPairs;
  /** Per row key, the id as looked up (UTF-8, read as bytes: most misses are never decoded). */
  normalised: PackedStrings;
  sink: PairSink;
  target: string;
  used: PathInfo[];
  typeRuns: TypeRun[];
  excelDate: Uint8Array;
  /** Per type index, the first step of each path that ran: where an unmapped id is sought. */
  firstSteps: FirstStep[][];
  /** Lookup keys an equal-cost rival path answers differently. */
  disagreements: Map<number, Disagreement>;
}

/**
 * Details in parentheses are best effort, for the first ids only, so a long list of misses does
 * not hold the result up: a nearest match (a typo away) costs ~400 lookups per id, and the type
 * a malformed id looks like ~8 pattern tests — 500,000 malformed ids took 0.5 s more without the
 * cap (`npm run bench`, 1M ids). The phrase before the parentheses is always given.
 */
interface DetailBudget {
  nearest: number;
  shape: number;
}
const NEAREST_LIMIT = 200;
const SHAPE_LIMIT = 2000;

export function reasonsOf(args: ReasonArgs): { reason: Uint16Array; reasons: string[] } {
  const { reading, keyStatus } = args;
  const reasons = [''];
  const index = new Map<string, number>([['', 0]]);
  const reason = new Uint16Array(reading.rowKeys);
  const budget: DetailBudget = { nearest: NEAREST_LIMIT, shape: SHAPE_LIMIT };
  let lastPhrase = '';
  let lastAt = 0;
  for (let k = 0; k < reading.rowKeys; k++) {
    const status = keyStatus[k];
    let phrase: string;
    if (status === STATUS_MAPPED || status === STATUS_AMBIGUOUS) phrase = mappedReason(args, k);
    else phrase = missReason(args, k, budget);
    if (phrase === '') continue;
    // Runs of one phrase are the rule (a list of misses): skip the map for a repeat.
    if (phrase === lastPhrase) {
      reason[k] = lastAt;
      continue;
    }
    let at = index.get(phrase);
    if (at === undefined) {
      // Uint16 holds 65,535 phrases; later distinct details share their bare phrase.
      if (reasons.length >= 65535) phrase = phrase.replace(/ \(.*\)$/, '');
      at = index.get(phrase) ?? reasons.push(phrase) - 1;
      index.set(phrase, at);
    }
    reason[k] = at;
    lastPhrase = phrase;
    lastAt = at;
  }
  return { reason, reasons };
}

function mappedReason(args: ReasonArgs, k: number): string {
  const { reading, keyPairs, sink, used, typeRuns } = args;
  const from = keyPairs.start[k];
  const to = keyPairs.start[k + 1];
  const bits = reading.bits?.[k] ?? 0;
  const history = reading.history.get(k);
  if (history) return historyPhrase(history);
  const disagrees = reading.historyDisagrees.get(k);
  if (disagrees) return `current here; history: ${historyPhrase(disagrees)}`;
  const rival = args.disagreements.get(firstMember(reading, k));
  if (rival) return `paths disagree (${rival.label} gives ${rival.targets.join(', ')})`;
  if (to - from > 1) {
    if (bits & MATCH_GROUP) return 'several targets (group members)';
    return `several targets via ${fanOutTable(sink, keyPairs.pairs.subarray(from, to), used)}`;
  }
  const first = reading.retried.get(k);
  if (first !== undefined)
    return `read as ${reading.types[reading.type[k]]} (not found as ${first})`;
  const member = keyPairs.member ? keyPairs.member[from] : -1;
  const formBits = bits | (member >= 0 ? (reading.memberBits?.[member] ?? 0) : 0);
  if (formBits & MATCH_CONTAMINANT) return 'contaminant';
  const t = reading.type[k];
  if (t !== NO_TYPE && sink.path.data[keyPairs.pairs[from]] !== typeRuns[t].firstPath)
    return 'only by a fallback path';
  return '';
}

function missReason(args: ReasonArgs, k: number, budget: DetailBudget): string {
  const { reading, target, typeRuns } = args;
  const t = reading.type[k];
  const type = t === NO_TYPE ? '' : reading.types[t];
  const detail = reading.detail.get(k) ?? '';
  switch (reading.early[k]) {
    case EARLY_DECOY:
      return 'decoy';
    case EARLY_NAMES_OTHER:
      return `prefix names ${detail}`;
    case EARLY_SHAPED_OTHER:
      return `not shaped like ${type} (looks like ${detail})`;
    case EARLY_NO_TABLE:
      return `no table for prefix ${detail}`;
    case EARLY_NOT_RECOGNISED:
      return 'not shaped like any type';
    case EARLY_WITHDRAWN:
      return historyPhrase(reading.history.get(k)!);
  }
  const history = reading.history.get(k);
  if (history) return historyPhrase(history);
  if (!typeRuns[t].hasPath) return `no path from ${type} to ${target}`;
  if (args.keyStatus[k] === STATUS_INVALID) {
    const bare = `not shaped like ${type}`;
    if (budget.shape-- <= 0) return bare;
    const id = textOf(args.normalised, k);
    const other = args.reader.patterned.find((p) => p.id !== type && looksLike(p, id));
    return other ? `${bare} (looks like ${other.id})` : bare;
  }
  if (args.excelDate[k]) return 'spreadsheet date';
  if (reading.early[k] === EARLY_AMBIGUOUS)
    return `ambiguous type (not found as ${[type, ...detail.split(', ')].join(' or ')})`;
  if ((reading.bits?.[k] ?? 0) & MATCH_GROUP) return 'no member in any table';
  const g = reading.start ? reading.members![reading.start[k]] : k;
  const hit = args.sink.firstHit[g];
  if (hit > 0) return `in ${args.used[hit - 1].steps[0].table}, no path to ${target}`;
  if (budget.nearest-- <= 0) return NOT_FOUND;
  const nearest = nearestMatch(args.firstSteps[t], textOf(args.normalised, k), !idType(type).regex);
  return nearest ? `${NOT_FOUND} (close to ${nearest})` : NOT_FOUND;
}

const NOT_FOUND = 'not in any table';

/**
 * The table at which an input's pairs part ways: the step after the last id all their hop chains
 * share (`AMY1 > 276 > …` and `AMY1 > 277 > …` part at the alias table).
 */
function fanOutTable(sink: PairSink, pairs: Int32Array, used: PathInfo[]): string {
  const chains = [...pairs].map((p) => viaOf(sink, p).split(' > '));
  let hop = 1;
  while (hop < chains[0].length && chains.every((c) => c[hop] === chains[0][hop])) hop++;
  const path = used[sink.path.data[pairs[0]]];
  return path.steps[Math.min(hop, path.steps.length) - 1].table;
}

const decoder = new TextDecoder();

function viaOf(sink: PairSink, p: number): string {
  const offsets = sink.via.offsets.data;
  return decoder.decode(sink.via.bytes.subarray(offsets[p], offsets[p + 1]));
}

function textOf(packed: PackedStrings, k: number): string {
  return decoder.decode(packed.bytes.subarray(packed.offsets[k], packed.offsets[k + 1]));
}

/**
 * What the history says became of an id: `replaced (by 5678 on 2019-05-03)`, `merged (into …)`,
 * `split (into A, B)`, `withdrawn (on 2005-05-08)`, `secondary id (of CHEBI:15377)`; a chain's
 * intermediate ids follow `via`.
 */
export function historyPhrase(r: Resolution): string {
  const ends = [
    ...new Set([
      ...r.chains.map((c) => c[c.length - 1]),
      ...r.withdrawnEnds.map((id) => `${id}, since withdrawn`),
    ]),
  ].join(', ');
  const via = [...new Set(r.chains.flatMap((c) => c.slice(1, -1)))];
  const detail = `${via.length > 0 ? ` via ${via.join(', ')}` : ''}${r.date ? ` on ${r.date}` : ''}`;
  switch (r.kind) {
    case 'withdrawn':
      return r.date ? `withdrawn (on ${r.date})` : 'withdrawn';
    case 'secondary':
      return `secondary id (of ${ends}${detail})`;
    case 'split':
      return `split (into ${ends}${detail})`;
    case 'merged':
      return `merged (into ${ends}${detail})`;
    default:
      return `replaced (by ${ends}${detail})`;
  }
}
