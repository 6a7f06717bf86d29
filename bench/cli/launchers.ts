/**
 * What starts the command: npx in the checkout (what #18's targets count), npx where crosswalk is
 * installed as a dependency, and the bare `node bin/crosswalk.js`; all run the built dist-node/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './process';

export interface Launcher {
  name: string;
  cmd: string[];
  /** The folder it runs in (default: the checkout). */
  cwd?: string;
}

/** npx in the checkout: the package's own bin, which npm links into its npx cache to run. */
export const NPX: Launcher = { name: 'npx', cmd: ['npx', 'crosswalk'] };
export const BARE: Launcher = {
  name: 'node',
  cmd: [process.execPath, join(root, 'bin/crosswalk.js')],
};

/**
 * npx where crosswalk is installed as a dependency (node_modules/.bin/crosswalk, here a link to
 * the checkout's bin): npm runs the link without reading any package tree. Makes that project,
 * `consumer`, in `tmp`.
 */
export function installedNpx(tmp: string): Launcher {
  const consumer = join(tmp, 'consumer');
  mkdirSync(join(consumer, 'node_modules/.bin'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  symlinkSync(join(root, 'bin/crosswalk.js'), join(consumer, 'node_modules/.bin/crosswalk'));
  return { name: 'npx (installed)', cmd: ['npx', 'crosswalk'], cwd: consumer };
}

/** bin/crosswalk.js runs dist-node/: built first when a checkout lacks it. */
export function ensureBuilt(): void {
  if (existsSync(join(root, 'dist-node/cli.mjs'))) return;
  console.log('dist-node/ missing: npm run build:node');
  const build = spawnSync('npm', ['run', 'build:node'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:node failed');
}
