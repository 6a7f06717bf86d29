/**
 * Expectations for the command's output computed without it: the engine run in this process as
 * the app's worker runs it (CrosswalkEngine on the bundled catalog, the browser's export
 * function), and plain readings of the data's CSV sources (data/*.csv.gz) and fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type {
  AmbiguityPolicy,
  ExportFormat,
  ExportLayout,
  MapRequest,
  UserTableSpec,
} from '../../../workers/api';
import { CrosswalkEngine } from '../../../workers/engine/engine';
import { exportRows } from '../../../workers/engine/result/export';
import { parseCsvRecords } from '../../reference-csv';
import { PUBLIC_DATA, SOURCE_DATA } from './run-cli';

/** A fresh engine on the bundled catalog, reading its files through node:fs (no cache folder). */
export async function bundledEngine(): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({
    readBytes: async (url) => new Uint8Array(readFileSync(new URL(url))),
  });
  await engine.init(pathToFileURL(join(PUBLIC_DATA, 'catalog.json')).href);
  return engine;
}

export interface ExportSettings {
  format?: ExportFormat;
  layout?: ExportLayout;
  policy?: AmbiguityPolicy;
}

/** One run at a time: the engine keeps its last few runs only, and a policy applies to one. */
let turn: Promise<unknown> = Promise.resolve();

/** The app's export of a run, as text: the bytes its Download button saves. */
export function appExport(
  engine: CrosswalkEngine,
  request: MapRequest,
  { format = 'tsv', layout = 'long', policy = 'keep' }: ExportSettings = {},
): Promise<string> {
  const next = turn.then(async () => {
    const mapped = await engine.map(request);
    const result = policy === 'keep' ? mapped : engine.applyPolicy(mapped.runId, policy);
    return exportRows(result, format, undefined, layout).text();
  });
  turn = next.catch(() => undefined);
  return next;
}

/** Adds a file of the user's to an in-process engine, as the app's Add table dialog does. */
export async function addUserTable(
  engine: CrosswalkEngine,
  file: string,
  spec: UserTableSpec,
): Promise<void> {
  const name = file.split('/').pop()!;
  await engine.checkTable(new File([readFileSync(file)], name), spec);
  await engine.addTable(spec.name);
}

/** A bundled table's CSV source, read plainly: its header and rows. */
export function sourceTable(name: string): { header: string[]; rows: string[][] } {
  const text = gunzipSync(readFileSync(join(SOURCE_DATA, `${name}.csv.gz`))).toString('utf8');
  const records = parseCsvRecords(text);
  return { header: records[0], rows: records.slice(1) };
}

/** key → its values, in file order, each once: a table's edges read from its CSV source. */
export function edges(name: string, from: string, to: string): Map<string, string[]> {
  const { header, rows } = sourceTable(name);
  const [f, t] = [header.indexOf(from), header.indexOf(to)];
  if (f < 0 || t < 0) throw new Error(`${name} has no column ${from} or ${to}`);
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row[f]) ?? [];
    if (!list.includes(row[t])) list.push(row[t]);
    map.set(row[f], list);
  }
  return map;
}

/** Where `key` leads through each edge map in turn (a path's hops), as a sorted set. */
export function through(key: string, ...hops: Map<string, string[]>[]): string[] {
  let keys = [key];
  for (const hop of hops) keys = [...new Set(keys.flatMap((k) => hop.get(k) ?? []))];
  return keys.sort();
}
