/**
 * One target type's run over the ids as read (#16: a request may name several): plan each type's
 * paths to it (plan/), walk them with fallback, retry and history (run/), then assemble the rows
 * and say why each miss missed (result/).
 */
import type { MapRequest, MapResult, PathInfo, ProgressFn } from '../api';
import { detectionOf } from './ids/detect-type';
import { excelDateNote, markExcelDates } from './ids/excel-dates';
import type { IdReader } from './ids/id-reader';
import type { ParsedInput } from './ids/parse-input';
import type { IdReading } from './ids/read-ids';
import { fail } from './errors';
import { DEFAULT_MAX_HOPS, findPaths } from './plan/type-graph';
import type { TableRegistry } from './plan/table-registry';
import { assemble, type AssembledResult } from './result/assemble';
import { markConflicts } from './result/conflicts';
import { policyEffects } from './result/ambiguity-policy';
import { reasonsOf, type FirstStep } from './result/reasons';
import { mapByType, type TypeMapping } from './run/map-by-type';
import { hasPairs, retryOtherTypes } from './run/retry-types';
import { consultHistory } from './run/consult-history';
import type { PhaseTimer } from './run/phase-timer';
import type { PathRunner } from './run/path-runner';
import type { Packs } from './tables/packs';
import type { TableCache } from './tables/table-cache';
import type { TableLoader } from './tables/table-loader';
import { roundTripFlags, type ReverseMapper } from './run/round-trip';

export interface MapDeps {
  /** The largest input read, in UTF-16 code units (EngineOptions.maxInputChars). */
  maxInputChars?: number;
  registry: TableRegistry;
  packs: Packs;
  cache: TableCache;
  runner: PathRunner;
  loader: TableLoader;
  reverse: ReverseMapper;
  attributes(
    request: MapRequest,
    target: string,
    pairs: AssembledResult['pairs'],
    timer: PhaseTimer,
  ): Promise<MapResult['attributes']>;
  reviewed(
    target: string,
    pairs: AssembledResult['pairs'],
    timer: PhaseTimer,
  ): Promise<Uint8Array | null>;
}

export type MappedResult = Omit<MapResult, 'runId'>;

/** What every target's run shares: the request and its ids, parsed and read once. */
export interface TargetRun {
  deps: MapDeps;
  request: MapRequest;
  input: ParsedInput;
  reader: IdReader;
  timer: PhaseTimer;
  onProgress?: ProgressFn;
}

/**
 * The run to `target` of the ids as `reading` has them (a reading of its own: the run changes
 * it); `first`: the request's first target, the one attribute columns annotate.
 */
export async function mapToTarget(
  run: TargetRun,
  reading: IdReading,
  target: string,
  first: boolean,
): Promise<MappedResult> {
  const { deps, request, input, reader, timer, onProgress } = run;
  const enabled = deps.registry.enabled();
  const auto = request.source === 'auto';
  const maxHops = request.maxHops ?? DEFAULT_MAX_HOPS;
  const plans = timer.time('paths', `find paths ${reading.types.join(', ')} → ${target}`, () =>
    reading.types.map((type) =>
      type === target
        ? []
        : findPaths(enabled, type, target, maxHops).map(({ cost: _c, ...p }) => p),
    ),
  );
  if (plans.every((p, t) => p.length === 0 && reading.types[t] !== target))
    noPath(reading.types, target, maxHops);
  // A pinned path is one of the source's paths to the first target (on auto, the commonest
  // type's, as previewed); the other targets take their ranked paths.
  const source = reading.types[0];
  if (first && request.pinnedPath !== undefined && source !== target)
    plans[0] = pinned(plans[0], request.pinnedPath, source, target);

  const notes: string[] = [];
  const context = {
    registry: deps.registry,
    cache: deps.cache,
    runner: deps.runner,
    timer,
    notes,
    maxHops,
    onProgress,
    onDevice: (pack: string) => deps.packs.onDevice(pack),
  };
  const mapping = await mapByType(reading, target, plans, context);
  const later = {
    ...context,
    reading,
    mapping,
    target,
    plan: (type: string) =>
      findPaths(enabled, type, target, maxHops).map(({ cost: _c, ...p }) => p),
  };
  await retryOtherTypes(later);
  await consultHistory(later);
  const { sink, used } = mapping;
  let roundTrip: Uint8Array | undefined;
  if (request.roundTrip) {
    roundTrip = await timer.timeAsync('step', 'round trip back to the source type', () =>
      roundTrips(deps.reverse, mapping, reading, target, maxHops),
    );
  }
  const symbol = reading.types.indexOf('symbol');
  const excel = markExcelDates(
    symbol >= 0 ? 'symbol' : '',
    { size: reading.rowKeys, get: (k) => input.keys.get(k) },
    (k) => reading.type[k] !== symbol || hasPairs(reading, sink, k),
  );
  const assembled = timer.time('assembly', 'statuses, convergence, confidence, output', () =>
    assemble({
      input,
      reading,
      sink,
      paths: used,
      pathLabels: used.map((p) => deps.registry.labels(p)),
      pathMany: used.map((p) => endsManyValued(deps.registry, p)),
      roundTrip,
      excelDate: excel.flags,
    }),
  );
  markConflicts(assembled, reading, mapping.disagreements);
  const firstSteps = firstStepsOf(deps, reading, used);
  const { reason, reasons } = timer.time('assembly', 'a reason for each id not simply mapped', () =>
    reasonsOf({
      reading,
      reader,
      keyStatus: assembled.keyStatus,
      keyPairs: assembled.keyPairs,
      normalised: assembled.normalised,
      sink,
      target,
      used,
      typeRuns: mapping.typeRuns,
      excelDate: excel.flags,
      firstSteps,
      disagreements: mapping.disagreements,
    }),
  );

  if (excel.keys.length > 0) notes.push(excelDateNote(excel.keys));
  notes.push(...deps.loader.notices.splice(0));
  for (const pack of deps.packs.takeFetched())
    notes.push(
      `Data pack "${pack.label}" (${(pack.bytes / 1024 / 1024).toFixed(1)} MB, ${pack.licence}) was downloaded for this run; it stays on this device for offline use (Lookup tables → Data packs).`,
    );
  // Attribute columns annotate the first target type's targets.
  const asked = first ? request : { ...request, attributes: [] };
  const attributes = await deps.attributes(asked, target, assembled.pairs, timer);
  const reviewed = await deps.reviewed(target, assembled.pairs, timer);
  const { keyStatus: _s, keyPairs: _p, normalised, ...rows } = assembled;
  const asRun = {
    source: reading.types[0],
    sourceTypes: reading.types,
    target,
    targets: [target],
    detection: auto ? detectionOf(reading, input.keyOf) : undefined,
    ...rows,
    keys: { count: reading.rowKeys, normalised, type: reading.type, reason },
    reasons,
    attributes,
    // The whole request's, set once every target has run.
    timing: { totalMs: 0, phases: [] },
    notes,
    policy: 'keep' as const,
    reviewed,
  };
  return { ...asRun, policyEffects: policyEffects(asRun) };
}

/** Whether a path's last step reaches a column declared many-valued (go's GO ids, …). */
function endsManyValued(registry: TableRegistry, path: PathInfo): boolean {
  const last = path.steps.at(-1);
  if (!last) return false;
  const column = registry.get(last.table).spec.columns.find((c) => c.name === last.to);
  return column?.manyValued === true;
}

/** Refuses a target none of the ids' types reaches. */
export function noPath(types: string[], target: string, maxHops: number): never {
  return fail(
    'no-path',
    `No path from ${types.join(' or ')} to ${target} within ${maxHops} hops over the enabled tables.`,
  );
}

/** The one path the user pinned (by its index in the source's plan), with no fallback. */
function pinned(paths: PathInfo[], index: number, source: string, target: string): PathInfo[] {
  const path = paths[index];
  if (!path) fail('bad-request', `Path ${index + 1} does not exist for ${source} → ${target}.`);
  return [{ ...path, index: 0 }];
}

/** Each type's pairs confirmed (or not) by its own way back from the target. */
async function roundTrips(
  reverse: ReverseMapper,
  { sink, used }: TypeMapping,
  reading: IdReading,
  target: string,
  maxHops: number,
): Promise<Uint8Array> {
  const flags = new Uint8Array(sink.pairs);
  for (const type of reading.types) {
    if (type === target) continue;
    const ofType = (p: number) => used[sink.path.data[p]].types[0] === type;
    const typeFlags = await roundTripFlags(reverse, sink, type, target, maxHops, ofType);
    for (let p = 0; p < sink.pairs; p++) flags[p] |= typeFlags[p];
  }
  return flags;
}

/**
 * The first step of every path that ran, per type: where an unmapped id of it was sought (in
 * memory since the run; a table the budget has evicted meanwhile is left out).
 */
function firstStepsOf(deps: MapDeps, reading: IdReading, used: PathInfo[]): FirstStep[][] {
  const steps: FirstStep[][] = reading.types.map(() => []);
  for (const path of used) {
    const t = reading.types.indexOf(path.types[0]);
    const step = path.steps[0];
    // An id of the target's own type was looked up as it is (run/same-type.ts): no first step.
    if (!step || t < 0 || steps[t].some((s) => s.name === step.table)) continue;
    const table = deps.cache.peek(deps.registry.get(step.table).key);
    if (table) steps[t].push({ table, column: table.columnIndex(step.from), name: step.table });
  }
  return steps;
}
