/**
 * On `auto`, an id several types fit — a bare number (NCBI Gene or OMIM), a name (a gene symbol,
 * a GO term name, a user's own id) — is read first as the list's commonest type that fits. The
 * ones that type does not find are looked up again as each other type that fits, in that order,
 * so the tables settle what the pattern could not; the cost falls on the misses only.
 */
import type { PathInfo } from '../../api';
import { MATCH_GROUP } from '../ids/id-types';
import { EARLY_AMBIGUOUS, EARLY_NONE, firstMember, type IdReading } from '../ids/read-ids';
import { lookupText } from '../result/key-pairs';
import { StringDict } from '../packed/string-dict';
import type { TypeMapping } from './map-by-type';
import { mapSameType, type SameTypeContext } from './same-type';
import type { PairSink } from './walk-path';

export interface RetryContext extends SameTypeContext {
  reading: IdReading;
  mapping: TypeMapping;
  target: string;
  /** The ranked paths from a type to the target (empty when none). */
  plan(type: string): PathInfo[];
}

/** Looks the misses up again as their other types; returns how many were found that way. */
export async function retryOtherTypes(ctx: RetryContext): Promise<number> {
  const { reading, mapping } = ctx;
  const { alternatives, setOf } = reading;
  if (!alternatives || !setOf || !alternatives.some((a) => a.length > 1)) return 0;
  const left: number[] = [];
  for (let k = 0; k < reading.rowKeys; k++) {
    if (alternatives[setOf[k]].length < 2) continue;
    const early = reading.early[k];
    if (early !== EARLY_NONE && early !== EARLY_AMBIGUOUS) continue;
    if ((reading.bits?.[k] ?? 0) & MATCH_GROUP) continue;
    if (!hasPairs(reading, mapping.sink, k)) left.push(k);
  }
  if (left.length === 0) return 0;
  const settled = new Set<number>();
  const order = [...new Set(left.flatMap((k) => alternatives[setOf[k]].slice(1)))];
  for (const type of order) {
    const tries = left.filter((k) => !settled.has(k) && alternatives[setOf[k]].includes(type));
    if (tries.length === 0) continue;
    const found = await lookUpAs(ctx, type, tries);
    for (const [k, g] of found) {
      reassign(reading, k, type, g);
      settled.add(k);
    }
  }
  if (settled.size > 0) {
    const n = settled.size;
    ctx.notes.push(
      `${n === 1 ? '1 id' : `${n} ids`} the list's commonest type did not find ${n === 1 ? 'was' : 'were'} found as another type that fits (${[...new Set([...settled].map((k) => reading.types[reading.type[k]]))].join(', ')}); the reason column says which.`,
    );
  }
  return settled.size;
}

/** Maps row keys `tries` as `type` in a space of their own; returns the lookup key of each found. */
async function lookUpAs(
  ctx: RetryContext,
  type: string,
  tries: number[],
): Promise<[number, number][]> {
  const { reading, mapping, target } = ctx;
  const dict = new StringDict(Math.max(16, tries.length));
  const local = tries.map((k) => dict.internString(lookupText(reading, firstMember(reading, k))));
  const base = reading.size;
  reading.size += dict.size;
  let t = reading.types.indexOf(type);
  if (t < 0) {
    t = reading.types.push(type) - 1;
    mapping.typeRuns.push({ firstPath: -1, hasPath: type === target || ctx.plan(type).length > 0 });
  }
  reading.spaces.push({ dict, base, type: t });
  const { sink, used } = mapping;
  sink.grow(reading.size);
  const pending = Int32Array.from({ length: dict.size }, (_, i) => base + i);
  const job = { keys: dict, base, pending, sink, used };
  const firstPath = used.length;
  if (type === target) await mapSameType(target, job, ctx);
  else {
    const paths = ctx.plan(type);
    if (paths.length === 0) return [];
    await ctx.runner.runWithFallback(paths, job, ctx.timer, ctx.notes, ctx.onProgress);
  }
  if (mapping.typeRuns[t].firstPath < 0 && used.length > firstPath)
    mapping.typeRuns[t].firstPath = firstPath;
  const found: [number, number][] = [];
  tries.forEach((k, i) => {
    if (sink.keyCount[base + local[i]] > 0) found.push([k, base + local[i]]);
  });
  return found;
}

/** Row key `k` is now read as `type` and looked up as `g`. */
function reassign(reading: IdReading, k: number, type: string, g: number): void {
  if (!reading.start) {
    // Each row key was its own lookup key: spell that out so one can differ.
    reading.start = Int32Array.from({ length: reading.rowKeys + 1 }, (_, i) => i);
    reading.members = Int32Array.from({ length: reading.rowKeys }, (_, i) => i);
  }
  // A row key the retry concerns has exactly one member (no groups, no decoys).
  reading.members![reading.start[k]] = g;
  reading.retried.set(k, reading.types[reading.type[k]]);
  reading.type[k] = reading.types.indexOf(type);
}

/** Whether row key `k` has a pair through any of its lookup keys. */
export function hasPairs(reading: IdReading, sink: PairSink, k: number): boolean {
  if (!reading.start) return sink.keyCount[k] > 0;
  for (let m = reading.start[k]; m < reading.start[k + 1]; m++)
    if (sink.keyCount[reading.members![m]] > 0) return true;
  return false;
}
