/**
 * A whole Node process mapping a few ids with the engine straight from the shipped packed tables
 * (bench/cold-process.ts compiles this file to plain JavaScript and times `node` running it):
 * no tsx, no CSV parsing. Arguments: the catalog's path, source type, target type, then the ids.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { CrosswalkEngine } from '../workers/engine/engine';

const [catalog, source, target, ...ids] = process.argv.slice(2);
const engine = new CrosswalkEngine({
  readBytes: async (url) => new Uint8Array(await readFile(new URL(url))),
});
await engine.init(pathToFileURL(catalog).href);
const result = await engine.map({ text: ids.join('\n'), source, target });
const loads = result.timing.phases.filter((p) => p.kind === 'load');
process.stdout.write(
  `${JSON.stringify({
    pairs: result.summary.pairs,
    workerMs: result.timing.totalMs,
    loads: loads.map((p) => [p.name, p.source, Math.round(p.ms * 10) / 10]),
  })}\n`,
);
