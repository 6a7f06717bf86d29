/**
 * Ids already of the target type — a mixed list mapped to symbols holds symbols — are their own
 * target when a current table of that type lists them (not a fallback tier such as `alias`: an
 * alias is not an approved symbol; not a history table). Tables in memory are asked first, then
 * those keyed by the type (its column first: `genes` for NCBI Gene ids), smallest first, so a
 * list of good ids loads one table. Ids none lists go the way a fallback tier leads back to the
 * type (`symbol → entrez → symbol via alias + genes`: an alias comes back as its approved symbol).
 */
import type { PathInfo, ProgressFn } from '../../api';
import { IntBuffer } from '../packed/growable-buffers';
import { findRoundPaths } from '../plan/type-graph';
import type { Registered, TableRegistry } from '../plan/table-registry';
import type { TableCache } from '../tables/table-cache';
import type { MapJob, PathRunner } from './path-runner';
import type { PhaseTimer } from './phase-timer';
import { resolveKey } from './walk-path';

export interface SameTypeContext {
  registry: TableRegistry;
  cache: TableCache;
  runner: PathRunner;
  timer: PhaseTimer;
  notes: string[];
  maxHops: number;
  onProgress?: ProgressFn;
  /** Whether a data pack's files are on this device (a comparison of paths never fetches one). */
  onDevice?: (pack: string) => boolean;
}

export async function mapSameType(type: string, job: MapJob, ctx: SameTypeContext): Promise<void> {
  let pending = job.pending;
  for (const registered of currentTables(type, ctx)) {
    if (pending.length === 0) return;
    pending = await asGiven(type, registered, { ...job, pending }, ctx);
  }
  const round = findRoundPaths(ctx.registry.enabled(), type, ctx.maxHops).map(
    ({ cost: _cost, ...path }) => path,
  );
  if (pending.length > 0 && round.length > 0)
    await ctx.runner.runWithFallback(
      round,
      { ...job, pending },
      ctx.timer,
      ctx.notes,
      ctx.onProgress,
    );
}

function currentTables(type: string, { registry, cache }: SameTypeContext): Registered[] {
  const rank = (t: Registered) => (cache.has(t.key) ? 0 : 2) + (t.columns[0].type === type ? 0 : 1);
  return registry
    .enabled()
    .filter((t) => !t.matchLabel && !t.spec.history && t.columns.some((c) => c.type === type))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.priority - b.priority ||
        a.spec.rows - b.spec.rows ||
        a.name.localeCompare(b.name),
    );
}

/** Pairs each id `registered` lists with itself; returns the ids it does not list. */
async function asGiven(
  type: string,
  registered: Registered,
  job: MapJob,
  { runner, timer }: SameTypeContext,
): Promise<Int32Array> {
  const table = await runner.load(registered, timer);
  const column = table.columns.findIndex((c) => c.type === type);
  const dict = table.columns[column].dict;
  const { keys, base, sink, used } = job;
  let path: PathInfo | null = null;
  const left = new IntBuffer(16);
  for (const g of job.pending) {
    let found = -1;
    let foundBits = 0;
    resolveKey(
      table,
      column,
      keys.bytesOf(g - base),
      () => keys.get(g - base),
      (id, bits) => {
        if (found >= 0) return;
        found = id;
        foundBits = bits;
      },
    );
    if (found < 0) {
      left.push(g);
      continue;
    }
    if (!path) {
      path = {
        index: used.length,
        label: `${type} as given, in ${registered.name}`,
        types: [type],
        steps: [],
      };
      used.push(path);
    }
    sink.addSelf(g, dict.bytesOf(found), path.index, foundBits);
  }
  return left.toArray();
}
