/**
 * One mapping request through the stages: read the ids (ids/), plan each type's paths (plan/),
 * walk them (run/), then assemble the rows and say why each miss missed (result/).
 */
import type { MapRequest, MapResult, PathInfo, ProgressFn } from '../api';
import { detectionNote, detectionOf } from './ids/detect-type';
import { excelDateNote, markExcelDates } from './ids/excel-dates';
import { IdReader, type TypeOracle } from './ids/id-reader';
import { parseInput, readInput, type ParsedInput } from './ids/parse-input';
import { readIds, type IdReading } from './ids/read-ids';
import { hasNames, rankNames } from './ids/name-ranking';
import { checkTypes } from './ids/resolve-types';
import { fail } from './errors';
import { DEFAULT_MAX_HOPS, findPaths, typesOf } from './plan/type-graph';
import type { Registered, TableRegistry } from './plan/table-registry';
import type { Packs } from './tables/packs';
import { assemble, type AssembledResult } from './result/assemble';
import { policyEffects } from './result/ambiguity-policy';
import { reasonsOf, type FirstStep } from './result/reasons';
import { mapByType, type TypeMapping } from './run/map-by-type';
import { hasPairs, retryOtherTypes } from './run/retry-types';
import { consultHistory } from './run/consult-history';
import type { PathRunner } from './run/path-runner';
import { PhaseTimer } from './run/phase-timer';
import { roundTripFlags, type ReverseMapper } from './run/round-trip';
import type { TableCache } from './tables/table-cache';
import type { StringDict } from './packed/string-dict';
import type { TableLoader } from './tables/table-loader';

export interface MapDeps {
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

export async function mapRequest(
  deps: MapDeps,
  request: MapRequest,
  onProgress?: ProgressFn,
): Promise<MappedResult> {
  const timer = new PhaseTimer();
  const input = await timer.timeAsync('setup', 'read and clean the input ids', async () =>
    parseInput(await readInput(request.text), request.split),
  );
  if (input.count === 0)
    fail('bad-request', 'There are no identifiers to map: the input is empty.');
  const enabled = deps.registry.enabled();
  const available = typesOf(enabled);
  const target = request.target;
  const auto = request.source === 'auto';
  const reader = new IdReader(auto ? autoTypes(enabled, deps.packs) : available, oracle(deps));
  if (auto && reader.freeText.length > 1 && hasNames(input.keys)) {
    const order = await timer.timeAsync('config', 'rank the types of the names', () =>
      nameTypeOrder(deps, reader.freeText, input, timer),
    );
    reader.freeText.splice(0, reader.freeText.length, ...order);
  }
  const reading = timer.time('config', 'read each id: its type and its form', () => {
    checkTypes(request, available);
    return readIds(input, request.source, reader);
  });
  if (reading.types.length === 0)
    fail('unknown-type', 'Could not recognise the type of these ids; choose the source type.');
  const source = reading.types[0];

  const maxHops = request.maxHops ?? DEFAULT_MAX_HOPS;
  const plans = timer.time('paths', `find paths ${reading.types.join(', ')} → ${target}`, () =>
    reading.types.map((type) =>
      type === target
        ? []
        : findPaths(enabled, type, target, maxHops).map(({ cost: _c, ...p }) => p),
    ),
  );
  if (plans.every((p, t) => p.length === 0 && reading.types[t] !== target)) {
    fail(
      'no-path',
      `No path from ${reading.types.join(' or ')} to ${target} within ${maxHops} hops over the enabled tables.`,
    );
  }
  // A pinned path is one of the source's paths (on auto, the commonest type's, as previewed).
  if (request.pinnedPath !== undefined && source !== target)
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

  notes.push(...inputNotes(input, reading));
  if (excel.keys.length > 0) notes.push(excelDateNote(excel.keys));
  notes.push(...deps.loader.notices.splice(0));
  for (const pack of deps.packs.takeFetched())
    notes.push(
      `Data pack "${pack.label}" (${(pack.bytes / 1024 / 1024).toFixed(1)} MB, ${pack.licence}) was downloaded for this run; it stays on this device for offline use (Lookup tables → Data packs).`,
    );
  const detection = auto ? detectionOf(reading, input.keyOf) : undefined;
  if (detection) notes.unshift(detectionNote(detection));
  const attributes = await deps.attributes(request, target, assembled.pairs, timer);
  const reviewed = await deps.reviewed(target, assembled.pairs, timer);
  const { keyStatus: _s, keyPairs: _p, normalised, ...rows } = assembled;
  const asRun = {
    source,
    sourceTypes: reading.types,
    target,
    detection,
    ...rows,
    keys: { count: reading.rowKeys, normalised, type: reading.type, reason },
    reasons,
    attributes,
    timing: timer.finish(),
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

/** The one path the user pinned (by its index in the source's plan), with no fallback. */
function pinned(paths: PathInfo[], index: number, source: string, target: string): PathInfo[] {
  const path = paths[index];
  if (!path) fail('bad-request', `Path ${index + 1} does not exist for ${source} → ${target}.`);
  return [{ ...path, index: 0 }];
}

/**
 * Whether the tables in memory hold an id as a type: true when one does, false only when every
 * table of that type is in memory and none does, else undefined (not known without loading).
 */
function oracle({ registry, cache }: MapDeps): TypeOracle {
  const byType = new Map<string, { dicts: StringDict[]; complete: boolean }>();
  for (const registered of registry.enabled()) {
    if (registered.spec.history) continue;
    const table = cache.peek(registered.key);
    for (const { name, type } of registered.columns) {
      if (!type) continue;
      const entry = byType.get(type) ?? { dicts: [], complete: true };
      const dict = table?.columns.find((c) => c.name === name)?.dict;
      if (dict) entry.dicts.push(dict);
      else entry.complete = false;
      byType.set(type, entry);
    }
  }
  return (type, id) => {
    const entry = byType.get(type);
    if (!entry || entry.dicts.length === 0) return undefined;
    for (const dict of entry.dicts) if (dict.lookupString(id) >= 0) return true;
    return entry.complete ? false : undefined;
  };
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

function inputNotes(input: ParsedInput, reading: IdReading): string[] {
  const notes: string[] = [];
  const repaired = input.trimmed.reduce((n, b) => n + b, 0);
  if (repaired > 0)
    notes.push(
      `${repaired === 1 ? '1 id' : `${repaired} ids`} had stray spaces, quotes or invisible characters removed.`,
    );
  if (reading.groups > 0) {
    const n = reading.groups;
    notes.push(
      `${n === 1 ? '1 line was' : `${n} lines were`} read as a group of ids separated by ";" (as MaxQuant writes protein groups): each member was mapped, and the line's targets are their union (match type "group").`,
    );
  }
  return notes;
}

/**
 * The types `auto` may read ids as: those of the core and of packs on this device. Detection
 * never downloads a pack: a list of a pack's ids needs its type chosen once, which fetches it.
 */
export function autoTypes(enabled: Registered[], packs: Packs): Set<string> {
  return typesOf(enabled.filter((t) => !t.spec.pack || packs.onDevice(t.spec.pack)));
}

/**
 * The free-text types in the order the list's names fit them exactly, after loading their
 * tables from the core or a pack on this device (never downloading one).
 */
async function nameTypeOrder(
  deps: MapDeps,
  freeText: string[],
  input: ParsedInput,
  timer: PhaseTimer,
): Promise<string[]> {
  const dicts = new Map<string, StringDict[]>();
  for (const registered of deps.registry.enabled()) {
    const { pack, history } = registered.spec;
    if (history || registered.matchLabel || (pack && !deps.packs.onDevice(pack))) continue;
    for (const column of registered.columns) {
      if (!column.type || !freeText.includes(column.type)) continue;
      const table = await deps.runner.load(registered, timer);
      const dict = table.columns.find((c) => c.name === column.name)?.dict;
      if (dict) dicts.set(column.type, [...(dicts.get(column.type) ?? []), dict]);
    }
  }
  return rankNames(input.keys, freeText, (type) => dicts.get(type) ?? []);
}
