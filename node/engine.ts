/**
 * The engine in Node: the same CrosswalkEngine the browser's worker runs, reading the bundled
 * tables from disk (no network, ever) and keeping what it parses in a cache folder, as the browser
 * keeps it in IndexedDB. The command line (cli/) and library users (index.ts) both start here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CrosswalkEngine } from '../workers/engine/engine';
import { FsTableStore } from './stores/fs-table-store';
import { FsUserTableStore } from './stores/fs-user-table-store';
import { RunUserTableStore } from './stores/run-user-table-store';
import type { UserTableStore } from '../workers/engine/user-tables/user-table-store';

export interface NodeEngineOptions {
  /** A folder holding `catalog.json` and its tables; default: the data the package ships. */
  data?: string;
  /**
   * Where imported tables and parsed tables are kept between runs (default `defaultCacheDir()`);
   * `false` keeps nothing (every table given is parsed in each run).
   */
  cache?: string | false;
  /**
   * The largest list mapped at once, in characters. A tab's limit is 64 MB; a process has the
   * machine's memory, so the default is 256 MB (some 30 million ids).
   */
  maxInputChars?: number;
  /**
   * Whether tables added (`addTable`) are kept in the cache folder for later runs (default true,
   * what `crosswalk import` does); false: they last for this process (`crosswalk map --table`).
   */
  keepAdded?: boolean;
}

export const NODE_MAX_INPUT_CHARS = 256 * 1024 * 1024;

/** The folder this package is installed in (or checked out at): the one with its package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'public/data'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the folder Crosswalk is installed in.');
    dir = parent;
  }
  return dir;
}

/** The package's version (recorded in each manifest). */
export function packageVersion(): string {
  return (
    JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** `$CROSSWALK_CACHE`, else `$XDG_CACHE_HOME/crosswalk`, else `~/.cache/crosswalk`. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.CROSSWALK_CACHE) return resolve(env.CROSSWALK_CACHE);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'crosswalk');
}

/** The data the package ships: the app's bundled tables and data packs. */
export const bundledData = () => join(packageRoot(), 'public/data');

function userStore(cache: string | false, keepAdded: boolean): UserTableStore | undefined {
  if (cache === false) return undefined;
  const kept = new FsUserTableStore(cache);
  return keepAdded ? kept : new RunUserTableStore(kept);
}

/** An engine over `options.data`, initialised (its catalog read, imported tables restored). */
export async function createEngine(options: NodeEngineOptions = {}): Promise<CrosswalkEngine> {
  const cache = options.cache === undefined ? defaultCacheDir() : options.cache;
  const engine = new CrosswalkEngine({
    readBytes: async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
    // Synchronous: zlib's threadpool took ~20 ms to start in a fresh process; a column takes ~1 ms.
    inflate: async (member) => new Uint8Array(gunzipSync(member)),
    store: cache === false ? undefined : new FsTableStore(cache),
    userStore: userStore(cache, options.keepAdded ?? true),
    maxInputChars: options.maxInputChars ?? NODE_MAX_INPUT_CHARS,
  });
  const catalog = join(resolve(options.data ?? bundledData()), 'catalog.json');
  await engine.init(pathToFileURL(catalog).href);
  return engine;
}
