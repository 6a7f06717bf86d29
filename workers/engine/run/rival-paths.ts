/**
 * Paths that disagree, shown rather than hidden (#14 item 4, #17 item 1): the path that answered
 * an id is compared with the next one ranked after it (hops, then priority) that also answers it
 * (up to three are tried, each over the ids still not compared); an id the two answer differently carries the rival's answer, its row is flagged
 * `conflict` and its reason gives the other answer. A file of yours with a one-hop path still
 * outranks the bundled two-hop one — dropped on purpose — but no longer silently. Only paths
 * through one of your files are compared: the bundled tables come from one release, so runs of
 * them alone cost nothing more. A fallback tier (`alias`, `previous`, `closeMatch`) differs from
 * its primary by design and is never a rival.
 */
import type { PathInfo } from '../../api';
import type { TableRegistry } from '../plan/table-registry';
import type { MapJob, PathRunner } from './path-runner';
import type { PhaseTimer } from './phase-timer';
import { PairSink, runPath } from './walk-path';
import type { CrosswalkError } from '../errors';

/** What an equal path gives for an id where the one ranked first gives something else. */
export interface Disagreement {
  label: string;
  targets: string[];
}

export interface RivalContext {
  registry: TableRegistry;
  runner: PathRunner;
  timer: PhaseTimer;
  /** Whether a data pack's files are on this device (absent: none is). */
  onDevice?: (pack: string) => boolean;
}

/**
 * Compares each path of `job` that ran (from `job.used[firstUsed]` on) with the next path ranked
 * after it in `plans` that may rival it; returns the lookup keys the two answer differently.
 */
export async function compareRivals(
  plans: PathInfo[],
  job: MapJob,
  firstUsed: number,
  ctx: RivalContext,
): Promise<Map<number, Disagreement>> {
  const found = new Map<number, Disagreement>();
  for (let u = firstUsed; u < job.used.length; u++) {
    const ran = job.used[u];
    const after = plans.slice(plans.findIndex((p) => p.label === ran.label) + 1);
    const rivals = after.filter((p) => mayRival(ctx, ran, p)).slice(0, MAX_RIVALS);
    // Each id is compared with the first rival that answers it: the next path that also does.
    let left = answeredBy(job, u);
    for (const rival of rivals) {
      if (left.length === 0) break;
      const exec = await ctx.runner.prepare(
        { ...rival, index: job.used.length },
        ctx.timer,
        new Map<string, CrosswalkError>(),
      );
      if (!exec) continue;
      const scratch = new PairSink(job.sink.keyFirst.length);
      runPath(exec, job.keys, left, scratch, [], job.base);
      for (const g of left) {
        if (scratch.keyCount[g] === 0) continue;
        const mine = targetsOf(job.sink, g);
        const theirs = targetsOf(scratch, g);
        if (!sameSet(mine, theirs)) found.set(g, { label: rival.label, targets: theirs });
      }
      left = left.filter((g) => scratch.keyCount[g] === 0);
    }
  }
  return found;
}

/** Rivals tried per path that answered: each walks the ids still not compared. */
const MAX_RIVALS = 3;

/**
 * Through other tables, one of them yours, neither through a fallback tier, and the rival through
 * no data pack that is not on this device (a comparison never downloads one).
 */
function mayRival(ctx: RivalContext, a: PathInfo, b: PathInfo): boolean {
  const { registry } = ctx;
  const tier = (p: PathInfo) => p.steps.some((s) => registry.get(s.table).matchLabel);
  const away = (p: PathInfo) =>
    p.steps.some((s) => {
      const pack = registry.get(s.table).spec.pack;
      return pack !== undefined && !(ctx.onDevice?.(pack) ?? false);
    });
  if (away(b)) return false;
  if (tier(a) || tier(b)) return false;
  const user = (p: PathInfo) => p.steps.some((s) => registry.get(s.table).user);
  const tables = (p: PathInfo) => p.steps.map((s) => s.table).join('+');
  return (user(a) || user(b)) && tables(a) !== tables(b);
}

/** The job's keys whose first pair came through `job.used[u]`. */
function answeredBy(job: MapJob, u: number): Int32Array {
  const { sink, base } = job;
  const out: number[] = [];
  for (let g = base; g < base + job.keys.size; g++) {
    if (sink.keyCount[g] > 0 && sink.path.data[sink.keyFirst[g]] === u) out.push(g);
  }
  return Int32Array.from(out);
}

function targetsOf(sink: PairSink, g: number): string[] {
  const out: string[] = [];
  const first = sink.keyFirst[g];
  for (let p = first; p < first + sink.keyCount[g]; p++)
    out.push(sink.targets.get(sink.target.data[p]));
  return out;
}

function sameSet(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((t) => set.has(t));
}
