/**
 * Retired and secondary ids, never silently (#13): an id no current table knows is looked up in
 * its type's history tables (the `history` pack, fetched the first time one is needed). Replaced
 * or merged: mapped through the current id, the old → new step first in its hop chain; split:
 * every successor; withdrawn: unmapped, with the date where the source gives one. A current
 * table's own answer always wins; when the history says such an id was retired, the row says so.
 */
import type { PathInfo } from '../../api';
import { MATCH_GROUP, MATCH_RETIRED, MATCH_SECONDARY } from '../ids/id-types';
import {
  EARLY_AMBIGUOUS,
  EARLY_NONE,
  EARLY_WITHDRAWN,
  firstMember,
  type IdReading,
} from '../ids/read-ids';
import { lookupText } from '../result/key-pairs';
import { StringDict } from '../packed/string-dict';
import type { Registered } from '../plan/table-registry';
import { CrosswalkError } from '../errors';
import { HistoryTable, resolveHistory, type Resolution } from './history';
import type { TypeMapping } from './map-by-type';
import { hasPairs } from './retry-types';
import { mapSameType, type SameTypeContext } from './same-type';

export interface HistoryContext extends SameTypeContext {
  reading: IdReading;
  mapping: TypeMapping;
  target: string;
  plan(type: string): PathInfo[];
}

/** Resolves the misses of every type that has a history table; returns how many it found. */
export async function consultHistory(ctx: HistoryContext): Promise<number> {
  const { reading } = ctx;
  const replaced = new Map<number, { resolution: Resolution; members: number[] }>();
  for (let t = 0; t < reading.types.length; t++) {
    const type = reading.types[t];
    const registered = ctx.registry.enabled().filter((r) => r.spec.history?.type === type);
    if (registered.length === 0) continue;
    const misses: number[] = [];
    const known: number[] = [];
    for (let k = 0; k < reading.rowKeys; k++) {
      if (reading.type[k] !== t || reading.retried.has(k)) continue;
      const early = reading.early[k];
      if (
        (early !== EARLY_NONE && early !== EARLY_AMBIGUOUS) ||
        (reading.bits?.[k] ?? 0) & MATCH_GROUP
      )
        continue;
      if (hasPairs(reading, ctx.mapping.sink, k)) known.push(k);
      else if (ctx.mapping.sink.firstHit[firstMember(reading, k)] === 0) misses.push(k);
    }
    // Known ids are checked too, so a row is flagged the same whether or not its list has misses.
    if (misses.length === 0 && known.length === 0) continue;
    const tables = await loadHistory(ctx, registered, type, misses.length > 0);
    if (tables.length === 0) continue;
    const isCurrent = currentIds(ctx, type);
    const found: [number, Resolution][] = [];
    for (const k of misses) {
      const resolution = resolveHistory(
        tables,
        lookupText(reading, firstMember(reading, k)),
        isCurrent,
      );
      if (resolution) found.push([k, resolution]);
    }
    // A current table's answer stands; a history that retired such an id is said beside it —
    // when a primary table lists the id, not a fallback tier (the alias table lists old symbols
    // on purpose: TNFA is an alias of TNF and, in HGNC's history, replaced by TNF).
    for (const k of known) {
      if (byFallback(ctx, k)) continue;
      const resolution = resolveHistory(
        tables,
        lookupText(reading, firstMember(reading, k)),
        () => true,
      );
      if (resolution) reading.historyDisagrees.set(k, resolution);
    }
    for (const [k, members] of await mapSuccessors(ctx, t, found))
      replaced.set(k, { resolution: found.find(([key]) => key === k)![1], members });
  }
  if (replaced.size > 0) relink(reading, replaced);
  return replaced.size;
}

/** Maps the current ids the resolutions lead to as `type`; returns each key's lookup keys. */
async function mapSuccessors(
  ctx: HistoryContext,
  t: number,
  found: [number, Resolution][],
): Promise<Map<number, number[]>> {
  const { reading, mapping, target } = ctx;
  const type = reading.types[t];
  const dict = new StringDict(Math.max(16, found.length));
  const base = reading.size;
  const lookups = new Map<number, number[]>();
  for (const [k, resolution] of found) {
    const ends = resolution.chains.map(
      (chain) => base + dict.internString(chain[chain.length - 1]),
    );
    lookups.set(k, [...new Set(ends)]);
  }
  reading.size += dict.size;
  reading.spaces.push({ dict, base, type: t });
  mapping.sink.grow(reading.size);
  const pending = Int32Array.from({ length: dict.size }, (_, i) => base + i);
  const job = { keys: dict, base, pending, sink: mapping.sink, used: mapping.used };
  if (pending.length > 0) {
    if (type === target) await mapSameType(target, job, ctx);
    else {
      const paths = ctx.plan(type);
      if (paths.length > 0) await ctx.runner.runWithFallback(paths, job, ctx.timer, ctx.notes);
    }
  }
  return lookups;
}

/**
 * Points each resolved row key at its successors' lookup keys (a split: several), with the ids
 * passed on the way as the start of their hop chains; a withdrawn id is looked up as nothing.
 */
function relink(
  reading: IdReading,
  replaced: Map<number, { resolution: Resolution; members: number[] }>,
): void {
  const { rowKeys } = reading;
  const start = new Int32Array(rowKeys + 1);
  const members: number[] = [];
  const memberBits: number[] = [];
  const bits = reading.bits ?? new Uint16Array(rowKeys);
  for (let k = 0; k < rowKeys; k++) {
    start[k] = members.length;
    const entry = replaced.get(k);
    if (!entry) {
      const from = reading.start ? reading.start[k] : k;
      const to = reading.start ? reading.start[k + 1] : k + 1;
      for (let m = from; m < to; m++) {
        members.push(reading.members ? reading.members[m] : m);
        memberBits.push(reading.memberBits?.[m] ?? 0);
      }
      continue;
    }
    const { resolution } = entry;
    reading.history.set(k, resolution);
    if (resolution.kind === 'withdrawn') {
      reading.early[k] = EARLY_WITHDRAWN;
      continue;
    }
    bits[k] |= resolution.kind === 'secondary' ? MATCH_SECONDARY : MATCH_RETIRED;
    for (const g of entry.members) {
      const chain = resolution.chains.find((c) => c[c.length - 1] === chainEnd(reading, g));
      reading.viaPrefix.set(members.length, `${(chain ?? []).slice(0, -1).join(' > ')} > `);
      members.push(g);
      memberBits.push(0);
    }
  }
  start[rowKeys] = members.length;
  reading.start = start;
  reading.members = Int32Array.from(members);
  reading.memberBits = Uint16Array.from(memberBits);
  reading.bits = bits;
}

function chainEnd(reading: IdReading, g: number): string {
  return lookupText(reading, g);
}

/** Whether a current table of `type` in memory lists an id (the run loaded them). */
function currentIds({ registry, cache }: HistoryContext, type: string): (id: string) => boolean {
  const dicts: StringDict[] = [];
  for (const r of registry.enabled() as Registered[]) {
    if (r.spec.history || r.matchLabel) continue;
    const table = cache.peek(r.key);
    const column = r.columns.find((c) => c.type === type);
    const dict = column && table?.columns.find((c) => c.name === column.name)?.dict;
    if (dict) dicts.push(dict);
  }
  return (id) => dicts.some((d) => d.lookupString(id) >= 0);
}

/**
 * The history tables of `type`, or none when they cannot be read (offline before the pack was
 * ever fetched): the misses then stay as they are, and a note says their history was not read.
 */
async function loadHistory(
  ctx: HistoryContext,
  registered: Registered[],
  type: string,
  hasMisses: boolean,
): Promise<HistoryTable[]> {
  const tables: HistoryTable[] = [];
  try {
    for (const r of registered) {
      // With its untyped `event` and `date` columns.
      const table = await ctx.runner.load(r, ctx.timer, undefined, undefined, true);
      tables.push(new HistoryTable(r.name, table, r.spec.history));
    }
  } catch (error) {
    if (!(error instanceof CrosswalkError)) throw error;
    // With no misses only the flags on current ids are lost; a note would be noise.
    if (hasMisses)
      ctx.notes.push(
        `The history of ${type} ids could not be read, so ids no table knows were not checked for being retired: ${error.message}`,
      );
    return [];
  }
  return tables;
}

/** Whether row key `k`'s first pair came through a fallback tier (a table with a match label). */
function byFallback({ reading, mapping, registry }: HistoryContext, k: number): boolean {
  const g = firstMember(reading, k);
  const p = mapping.sink.keyFirst[g];
  if (p < 0) return false;
  const path = mapping.used[mapping.sink.path.data[p]];
  return path.steps.some((step) => registry.get(step.table).matchLabel !== undefined);
}
