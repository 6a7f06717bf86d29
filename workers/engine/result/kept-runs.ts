/**
 * The last few runs, kept in the worker after their results went to the page: each as its
 * target types' results as they came, the record of how it was made, and the ambiguity policy
 * last applied. Exports, policies, manifests and diffs are made from them; their rows are the
 * page's and are not kept.
 */
import type { AmbiguityPolicy, MapResult } from '../../api';
import { STATUS_NAMES } from '../../common/codes';
import { fail } from '../errors';
import { AMBIGUITY_POLICIES, applyPolicy, policyEffects } from './ambiguity-policy';
import type { RunRecord } from './manifest';
import { mergeTargets } from './merge-targets';
import { buildRows } from './result-rows';

/** Runs kept: the one on screen and the two before (a diff compares two of them). */
const KEPT_RUNS = 3;
const NO_ROWS: MapResult['rows'] = {
  count: 0,
  input: new Int32Array(0),
  pair: new Int32Array(0),
  byStatus: new Int32Array(0),
  statusStart: new Int32Array(STATUS_NAMES.length + 1),
};

interface KeptRun {
  parts: MapResult[];
  record: RunRecord;
  policy: AmbiguityPolicy;
}

export class KeptRuns {
  readonly #runs = new Map<number, KeptRun>();

  /** Keeps a run (its target types' results), dropping the oldest past KEPT_RUNS. */
  keep(runId: number, parts: MapResult[], record: RunRecord): void {
    this.#runs.set(runId, {
      parts: parts.map((part) => ({ ...part, rows: NO_ROWS })),
      record,
      policy: 'keep',
    });
    for (const id of this.#runs.keys()) {
      if (this.#runs.size <= KEPT_RUNS) break;
      this.#runs.delete(id);
    }
  }

  record(runId: number): RunRecord {
    return this.#kept(runId).record;
  }

  /** A kept run as it is now: under the policy last applied to it. */
  current(runId: number): MapResult {
    return this.#withPolicy(runId, this.#kept(runId).policy);
  }

  /** A kept run with `policy` applied (from the run as it came), its rows rebuilt; kept so. */
  apply(runId: number, policy: AmbiguityPolicy): MapResult {
    if (!AMBIGUITY_POLICIES.includes(policy))
      fail('bad-request', `There is no ambiguity policy "${policy}".`);
    const applied = this.#withPolicy(runId, policy);
    this.#kept(runId).policy = policy;
    return applied.rows === NO_ROWS ? { ...applied, rows: buildRows(applied.inputs) } : applied;
  }

  /**
   * A kept run under `policy`, applied to each target type's result as it came, then merged: the
   * policy's `first` is each type's first target. The counts of what each policy changes stay
   * those of the run as it came.
   */
  #withPolicy(runId: number, policy: AmbiguityPolicy): MapResult {
    const { parts } = this.#kept(runId);
    const applied = mergeTargets(parts.map((part) => applyPolicy(part, policy)));
    return parts.length === 1 ? applied : { ...applied, policyEffects: policyEffects(...parts) };
  }

  #kept(runId: number): KeptRun {
    const kept = this.#runs.get(runId);
    if (!kept)
      fail('bad-request', `Run ${runId} is no longer kept; run the mapping again to export it.`);
    return kept;
  }
}
