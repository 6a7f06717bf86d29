/**
 * `crosswalk map`: the app's run from the command line — the same engine, data, statuses and
 * export (byte for byte: workers/engine/result/export.ts writes both), streamed to standard
 * output or `--out`, with progress and timing on standard error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AmbiguityPolicy, MapRequest, RunManifest } from '../../../workers/api';
import {
  manifestText,
  manifestWarnings,
  parseManifest,
} from '../../../workers/common/manifest-file';
import { createEngine, NODE_MAX_INPUT_CHARS, packageVersion } from '../../engine';
import { addTable } from '../add-table';
import { CliError, EXIT, usage } from '../cli-error';
import { ProgressReport } from '../progress';
import { readIdsText } from '../read-input';
import { writeParts } from '../write-output';
import { parseMapArgs, type MapOptions } from './map-args';
import { setTables } from '../table-switches';

export async function mapCommand(args: string[]): Promise<void> {
  const options = parseMapArgs(args);
  const report = new ProgressReport(options.quiet);
  const manifest = options.fromManifest ? readManifest(options.fromManifest) : null;
  const request = manifest ? fromManifest(options, manifest) : options;
  if (request.to.length === 0) throw usage('Name a target type: --to TYPE (see crosswalk types).');
  // The engine refuses it too, as a bad request (exit 4); it is a flag's value, so exit 2.
  if (request.to.includes(request.from))
    throw usage(`--from and --to are both ${request.from}; choose a different target type.`);
  const started = performance.now();
  const engine = await createEngine({
    data: options.data,
    cache: options.cache,
    keepAdded: false,
    maxInputChars: NODE_MAX_INPUT_CHARS,
  });
  for (const table of options.tables) {
    const { name, report: check } = await addTable(engine, table, report.note.bind(report));
    report.note(`table "${name}": ${check.rows} rows`);
  }
  if (manifest) {
    for (const warning of manifestWarnings(manifest, engine.catalog(), 'command'))
      report.note(warning);
  }
  await setTables(engine, {
    only: manifest?.enabledTables,
    enable: options.enable,
    disable: options.disable,
    say: (line) => report.note(line),
  });
  const text =
    options.files.length === 0 && manifest?.input.ids
      ? manifest.input.ids.join('\n')
      : await readIdsText(options.files, NODE_MAX_INPUT_CHARS);
  const [target, ...alsoTargets] = request.to;
  const mapRequest: MapRequest = {
    text,
    source: request.from,
    target,
    alsoTargets,
    split: request.split,
    maxHops: request.maxHops,
    roundTrip: request.roundTrip,
    pinnedPath: request.pinnedPath,
    attributes: request.columns,
  };
  const mapped = await engine.map(mapRequest, report.update);
  const result =
    request.policy === 'keep' ? mapped : engine.applyPolicy(mapped.runId, request.policy);
  report.done();
  await writeParts(
    engine.exportParts(result.runId, options.format, {
      layout: request.layout,
      indexOffset: options.indexOffset,
    }),
    options.out,
  );
  const idsGiven = !(options.files.length === 0 && manifest?.input.ids);
  if (options.manifest || (manifest && idsGiven)) {
    const record = await engine.manifest(result.runId, {
      includeIds: options.includeIds,
      layout: request.layout,
      appVersion: packageVersion(),
    });
    if (options.manifest) writeFileSync(options.manifest, manifestText(record));
    // The list given for a manifest's run, checked against the one it recorded.
    if (manifest && idsGiven && record.input.sha256 !== manifest.input.sha256)
      report.note(
        `These ${record.input.count} ids are not the manifest's list (${manifest.input.count} inputs, sha256 ${manifest.input.sha256.slice(0, 12)}…): the run is not the one recorded.`,
      );
  }
  // Tables parsed in this run (a --table file) are written to the cache now, not after the
  // engine's 1 s idle delay, which is for a page that must stay responsive.
  await engine.loader.flushWrites();
  report.summary(result, performance.now() - started);
}

function readManifest(file: string): RunManifest {
  const text = readFileSync(file, 'utf8');
  try {
    return parseManifest(text, file);
  } catch (error) {
    // A file that is no manifest is unusable input (exit 4), not a failure of the command.
    throw new CliError((error as Error).message, EXIT.input);
  }
}

/** The manifest's settings, each flag given on the command line taking precedence. */
function fromManifest(options: MapOptions, manifest: RunManifest): MapOptions {
  const s = manifest.settings;
  const given = options.given;
  const pick = <T>(flag: string, mine: T, theirs: T): T => (given.has(flag) ? mine : theirs);
  return {
    ...options,
    from: pick('from', options.from, s.source),
    to: pick('to', options.to, [s.target, ...s.alsoTargets]),
    split: pick('split', options.split, s.split),
    maxHops: pick('max-hops', options.maxHops, s.maxHops),
    roundTrip: pick('round-trip', options.roundTrip, s.roundTrip),
    pinnedPath: pick('path', options.pinnedPath, s.pinnedPath),
    columns: pick('column', options.columns, s.attributes),
    policy: pick('policy', options.policy, s.policy as AmbiguityPolicy),
    layout: pick('layout', options.layout, s.layout),
  };
}
