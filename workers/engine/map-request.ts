/**
 * One mapping request through the stages: read the ids (ids/), then for each target type plan
 * each id type's paths (plan/), walk them (run/), assemble the rows and say why each miss missed
 * (result/) — map-target.ts.
 */
import type { MapRequest, ProgressFn } from '../api';
import { detectionNote } from './ids/detect-type';
import { forkReading } from './ids/fork-reading';
import { IdReader, type TypeOracle } from './ids/id-reader';
import { parseInput, readInput, type ParsedInput } from './ids/parse-input';
import { readIds, type IdReading } from './ids/read-ids';
import { hasNames, rankNames } from './ids/name-ranking';
import { checkTypes, targetsOf } from './ids/resolve-types';
import { fail } from './errors';
import { DEFAULT_MAX_HOPS, findPaths, typesOf } from './plan/type-graph';
import type { Registered } from './plan/table-registry';
import type { Packs } from './tables/packs';
import { PhaseTimer } from './run/phase-timer';
import { mapToTarget, noPath, type MapDeps, type MappedResult } from './map-target';
import type { StringDict } from './packed/string-dict';

/**
 * Reads the request's ids once, then runs each of its target types over them: one result per
 * target, in the request's order (result/merge-targets.ts makes them one).
 */
export async function mapRequest(
  deps: MapDeps,
  request: MapRequest,
  onProgress?: ProgressFn,
): Promise<MappedResult[]> {
  const timer = new PhaseTimer();
  const input = await timer.timeAsync('setup', 'read and clean the input ids', async () =>
    parseInput(await readInput(request.text, deps.maxInputChars), request.split),
  );
  if (input.count === 0)
    fail('bad-request', 'There are no identifiers to map: the input is empty.');
  const enabled = deps.registry.enabled();
  const available = typesOf(enabled);
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

  // Each target runs from the reading as it was: a run changes its own (retries, history).
  const targets = targetsOf(request);
  // A target none of the types reaches fails the request before any target has run.
  const maxHops = request.maxHops ?? DEFAULT_MAX_HOPS;
  for (const target of targets) {
    const reached = (type: string) =>
      type === target || findPaths(enabled, type, target, maxHops).length > 0;
    if (!reading.types.some(reached)) noPath(reading.types, target, maxHops);
  }
  const pristine = targets.length > 1 ? forkReading(reading) : reading;
  const run = { deps, request, input, reader, timer, onProgress };
  const parts: MappedResult[] = [];
  for (const [j, target] of targets.entries()) {
    const own = j === 0 ? reading : forkReading(pristine);
    parts.push(await mapToTarget(run, own, target, j === 0));
  }
  const notes = [...inputNotes(input, reading)];
  const detection = parts[0].detection;
  if (detection) notes.unshift(detectionNote(detection));
  const timing = timer.finish();
  return parts.map((part) => ({ ...part, notes: [...notes, ...part.notes], timing }));
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
