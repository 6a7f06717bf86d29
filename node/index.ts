/**
 * Crosswalk as a library for Node scripts: `createEngine()` gives the engine the app and the
 * `crosswalk` command run, on the bundled data (README, "In a pipeline").
 *
 *   const engine = await createEngine();
 *   const result = await engine.map({ text: 'P04637\nP38398', source: 'uniprot', target: 'entrez' });
 *   for await (const part of engine.exportParts(result.runId, 'tsv')) process.stdout.write(part);
 */
export {
  createEngine,
  defaultCacheDir,
  bundledData,
  NODE_MAX_INPUT_CHARS,
  type NodeEngineOptions,
} from './engine';
export type { CrosswalkEngine } from '../workers/engine/engine';
export type * from '../workers/api';
