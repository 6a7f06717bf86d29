/**
 * A run's manifest (#17): the record that lets someone make the run again and check that the
 * data are the same — the settings, every table read with the sha256 of its content, the paths,
 * the counts, the time, and the sha256 of the input list. What the run read is taken when it
 * runs (`RunRecord`), so a table removed or changed since does not change the record.
 */
import type {
  ExportLayout,
  ManifestSettings,
  ManifestTable,
  MapRequest,
  MapResult,
  Phase,
  RunManifest,
} from '../../api';
import { sha256Hex } from '../checksum';
import type { Registered, TableRegistry } from '../plan/table-registry';

/** What a kept run remembers of how it was made, beside its results. */
export interface RunRecord {
  settings: Omit<ManifestSettings, 'policy' | 'layout'>;
  tables: ManifestTable[];
  enabledTables: string[];
}

/** The record of a run as it starts (the settings, the tables enabled) and ends (the tables read). */
export function recordRun(
  request: MapRequest,
  registry: TableRegistry,
  phases: readonly Phase[],
): RunRecord {
  const read = new Set<string>();
  for (const phase of phases)
    if (phase.kind === 'load' && registry.has(phase.name)) read.add(phase.name);
  return {
    settings: {
      source: request.source,
      target: request.target,
      alsoTargets: request.alsoTargets ?? [],
      split: request.split ?? 'auto',
      maxHops: request.maxHops,
      roundTrip: request.roundTrip ?? false,
      pinnedPath: request.pinnedPath,
      attributes: (request.attributes ?? []).map(({ table, column }) => ({ table, column })),
    },
    tables: [...read].map((name) => manifestTable(registry.get(name))),
    enabledTables: registry.enabled().map((table) => table.name),
  };
}

function manifestTable({ spec, user }: Registered): ManifestTable {
  return {
    name: spec.name,
    label: spec.label,
    source: spec.source,
    release: spec.date,
    licence: spec.licence,
    rows: spec.rows,
    sha256: spec.hash,
    bundled: !user,
    ...(spec.pack ? { pack: spec.pack } : {}),
  };
}

export interface ManifestOptions {
  includeIds: boolean;
  layout: ExportLayout;
  appVersion: string;
  /** The bundled data's version. */
  data: string;
}

/** The manifest of `result` (under the policy applied to it) made as `record` says. */
export async function buildManifest(
  result: MapResult,
  record: RunRecord,
  options: ManifestOptions,
): Promise<RunManifest> {
  const { inputs } = result;
  const ids = listed(result);
  return {
    format: 'crosswalk-manifest',
    formatVersion: 1,
    app: { name: 'Crosswalk', version: options.appVersion },
    created: new Date().toISOString(),
    data: options.data,
    settings: { ...record.settings, policy: result.policy, layout: options.layout },
    resolved: { source: result.source, sourceTypes: result.sourceTypes, targets: result.targets },
    tables: record.tables,
    enabledTables: record.enabledTables,
    paths: result.paths,
    summary: result.summary,
    timing: result.timing,
    input: {
      count: inputs.count,
      sha256: await sha256Hex(ids.bytes),
      ...(options.includeIds ? { ids: ids.list() } : {}),
    },
  };
}

const decoder = new TextDecoder();

/**
 * The inputs as listed, each followed by `\n`, as UTF-8: copied from the shared strings, never
 * decoded (8.9 million inputs at the 64 MB limit).
 */
function listed(result: MapResult): { bytes: Uint8Array; list: () => string[] } {
  const { strings, index } = result.inputs.text;
  const { bytes: pool, offsets } = strings;
  let size = 0;
  for (let i = 0; i < index.length; i++) size += offsets[index[i] + 1] - offsets[index[i]] + 1;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < index.length; i++) {
    const s = index[i];
    bytes.set(pool.subarray(offsets[s], offsets[s + 1]), at);
    at += offsets[s + 1] - offsets[s];
    bytes[at++] = 10;
  }
  const list = () =>
    Array.from(index, (s) => decoder.decode(pool.subarray(offsets[s], offsets[s + 1])));
  return { bytes, list };
}
