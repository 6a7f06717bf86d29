/**
 * A whole Node process mapping a few ids with the engine straight from the shipped packed tables
 * (bench/cold-process.ts compiles this file to plain JavaScript and times `node` running it):
 * no tsx, no CSV parsing. Arguments: the catalog's path, source type, target type, then the ids.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CrosswalkEngine } from '../workers/engine/engine';

// Node's clock starts with the process: when this module began running.
const moduleAt = performance.now();
const [catalog, source, target, ...ids] = process.argv.slice(2);
const engine = new CrosswalkEngine({
  readBytes: async (url) => new Uint8Array(await readFile(new URL(url))),
  // Synchronous: zlib's threadpool took ~20 ms to start in a fresh process; a column takes ~1 ms.
  inflate: async (member) => new Uint8Array(gunzipSync(member)),
});
await engine.init(pathToFileURL(catalog).href);
const result = await engine.map({ text: ids.join('\n'), source, target });
const loads = result.timing.phases.filter((p) => p.kind === 'load');
process.stdout.write(
  `${JSON.stringify({
    pairs: result.summary.pairs,
    moduleAt: Math.round(moduleAt),
    workerMs: result.timing.totalMs,
    loads: loads.map((p) => [p.name, p.source, Math.round(p.ms * 10) / 10]),
  })}\n`,
);
