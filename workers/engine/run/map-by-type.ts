/**
 * Maps every type's lookup keys to the one target, each type along its own ranked paths with
 * fallback, into one sink: a pinned source is one type; a mixed list on `auto` is several.
 */
import type { PathInfo } from '../../api';
import type { IdReading } from '../ids/read-ids';
import type { TypeRun } from '../result/reasons';
import { mapSameType, type SameTypeContext } from './same-type';
import { PairSink } from './walk-path';
import { compareRivals, type Disagreement } from './rival-paths';

export interface TypeMapping {
  sink: PairSink;
  /** The paths that ran, every type's; a pair's `path` indexes here. */
  used: PathInfo[];
  typeRuns: TypeRun[];
  /** Lookup keys an equal-cost rival path answers differently (rival-paths.ts). */
  disagreements: Map<number, Disagreement>;
}

/**
 * `plans[t]`: the ranked paths of type `reading.types[t]` to the target (empty: none, or the
 * type is the target's, whose ids are looked up as they are).
 */
export async function mapByType(
  reading: IdReading,
  target: string,
  plans: PathInfo[][],
  ctx: SameTypeContext,
): Promise<TypeMapping> {
  const sink = new PairSink(reading.size);
  const used: PathInfo[] = [];
  const typeRuns: TypeRun[] = [];
  const disagreements = new Map<number, Disagreement>();
  for (let t = 0; t < reading.types.length; t++) {
    const pending = reading.pending[t];
    const firstPath = used.length;
    const { dict, base } = reading.spaces[t];
    const job = { keys: dict, base, pending, sink, used };
    const same = reading.types[t] === target;
    if (pending.length > 0 && same) await mapSameType(target, job, ctx);
    else if (pending.length > 0 && plans[t].length > 0) {
      await ctx.runner.runWithFallback(plans[t], job, ctx.timer, ctx.notes, ctx.onProgress);
      for (const [g, d] of await compareRivals(plans[t], job, firstPath, ctx))
        disagreements.set(g, d);
    }
    typeRuns.push({
      firstPath: used.length > firstPath ? firstPath : -1,
      hasPath: same || plans[t].length > 0,
    });
  }
  return { sink, used, typeRuns, disagreements };
}
