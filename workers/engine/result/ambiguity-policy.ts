/**
 * What to do with inputs that reached several targets, chosen after the run (#16): `keep` them
 * all (the default), take the `first`, `drop` them, or `prefer-reviewed` UniProt entries. A policy
 * makes a new result from the run's own — nothing is looked up again — so choosing one is instant
 * and the export says which was applied.
 *
 * Order: an input's pairs come in the order of its paths (best first), then of the tables' rows
 * along the path; `first` takes the first of them.
 */
import type { AmbiguityPolicy, MapResult } from '../../api';
import {
  INPUT_CONVERGENT,
  PAIR_CONVERGENT,
  REVIEWED,
  STATUS_AMBIGUOUS,
  STATUS_MAPPED,
} from '../../common/codes';
import { buildRows } from './result-rows';
import { recount } from './recount';

export const AMBIGUITY_POLICIES: readonly AmbiguityPolicy[] = [
  'keep',
  'first',
  'drop',
  'prefer-reviewed',
];

/** The reason phrases a policy gives the inputs it changed (before any parenthesised detail). */
export const POLICY_REASONS = {
  first: 'first target kept by policy',
  drop: 'dropped by policy',
  'prefer-reviewed': 'unreviewed dropped by policy',
} as const;

type Run = Pick<MapResult, 'inputs' | 'pairs' | 'reviewed'>;

/** The pairs of input i the policy keeps, or null when it leaves the input as it is. */
function kept(result: Run, policy: AmbiguityPolicy, i: number): number[] | null {
  const { pairStart, status } = result.inputs;
  if (policy === 'keep' || status[i] !== STATUS_AMBIGUOUS) return null;
  const start = pairStart[i];
  const end = pairStart[i + 1];
  if (policy === 'first') return [start];
  if (policy === 'drop') return [];
  const reviewed = result.reviewed;
  if (!reviewed) return null;
  const keep: number[] = [];
  for (let p = start; p < end; p++)
    if (reviewed[result.pairs.target.index[p]] === REVIEWED) keep.push(p);
  // None reviewed, or all of them: nothing to prefer.
  return keep.length === 0 || keep.length === end - start ? null : keep;
}

/**
 * How many inputs each policy would change in a run as it came: `runs` are its target types'
 * results (one each, same inputs); an input counts once however many of them it changes in.
 */
export function policyEffects(...runs: Run[]): Record<AmbiguityPolicy, number> {
  const effects = { keep: 0, first: 0, drop: 0, 'prefer-reviewed': 0 };
  const count = runs[0].inputs.count;
  for (let i = 0; i < count; i++) {
    let ambiguous = false;
    let reviewed = false;
    for (const run of runs) {
      if (run.inputs.status[i] !== STATUS_AMBIGUOUS) continue;
      ambiguous = true;
      reviewed ||= kept(run, 'prefer-reviewed', i) !== null;
    }
    if (!ambiguous) continue;
    effects.first++;
    effects.drop++;
    if (reviewed) effects['prefer-reviewed']++;
  }
  return effects;
}

/**
 * `result` (as the run gave it) with `policy` applied: the inputs it changes keep the pairs it
 * chose, get the status those pairs give (one: mapped; dropped ones stay ambiguous, with no
 * target) and a reason saying what the policy did. Confidence stays the run's: choosing one of
 * seven accessions does not make it likelier to be the one meant.
 */
export function applyPolicy(result: MapResult, policy: AmbiguityPolicy): MapResult {
  if (policy === 'keep') return { ...result, policy };
  const { inputs, pairs, keys } = result;
  const choices = Array.from({ length: inputs.count }, (_, i) => kept(result, policy, i));
  let total = 0;
  for (let i = 0; i < inputs.count; i++)
    total += choices[i]?.length ?? inputs.pairStart[i + 1] - inputs.pairStart[i];

  const status = inputs.status.slice();
  const flags = inputs.flags.slice();
  const pairStart = new Int32Array(inputs.count + 1);
  const from = new Int32Array(total);
  const reasons = [...result.reasons];
  const reason = keys.reason.slice();
  const reasonAt = new Map<string, number>();
  let out = 0;
  for (let i = 0; i < inputs.count; i++) {
    pairStart[i] = out;
    const start = inputs.pairStart[i];
    const before = inputs.pairStart[i + 1] - start;
    const choice = choices[i];
    if (!choice) {
      // Left as it is: no array per input (a million inputs are mostly left).
      for (let p = start; p < start + before; p++) from[out++] = p;
      continue;
    }
    for (const p of choice) from[out++] = p;
    if (choice.length === 1) status[i] = STATUS_MAPPED;
    flags[i] &= ~INPUT_CONVERGENT;
    for (const p of choice) if (pairs.flags[p] & PAIR_CONVERGENT) flags[i] |= INPUT_CONVERGENT;
    const phrase = policyReason(policy, before, choice.length);
    let at = reasonAt.get(phrase);
    if (at === undefined) {
      at = reasons.push(phrase) - 1;
      reasonAt.set(phrase, at);
    }
    reason[inputs.key[i]] = at;
  }
  pairStart[inputs.count] = out;

  const pick = <T extends Int32Array | Uint16Array | Uint8Array | Float32Array>(array: T): T => {
    const picked = new (array.constructor as new (n: number) => T)(total);
    for (let j = 0; j < total; j++) picked[j] = array[from[j]];
    return picked;
  };
  const newInputs = { ...inputs, status, flags, pairStart };
  return {
    ...result,
    policy,
    inputs: newInputs,
    keys: { ...keys, reason },
    reasons,
    pairs: {
      count: total,
      input: pick(pairs.input),
      target: { strings: pairs.target.strings, index: pick(pairs.target.index) },
      targetType: pick(pairs.targetType),
      via: { strings: pairs.via.strings, index: pick(pairs.via.index) },
      path: pick(pairs.path),
      match: pick(pairs.match),
      confidence: pick(pairs.confidence),
      flags: pick(pairs.flags),
    },
    rows: buildRows(newInputs),
    summary: recount(result.summary, status, flags, total),
  };
}

function policyReason(policy: AmbiguityPolicy, before: number, after: number): string {
  if (policy === 'first') return `${POLICY_REASONS.first} (of ${before})`;
  if (policy === 'drop') return `${POLICY_REASONS.drop} (${before} targets)`;
  return `${POLICY_REASONS['prefer-reviewed']} (${before - after} of ${before})`;
}
