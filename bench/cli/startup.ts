/** Where a whole command's time goes before it starts: node, npm, npx, our modules. */
import { measure, row } from '../measure';
import { BARE, NPX, type Launcher } from './launchers';
import { spawnTimed } from './process';

/** A launcher's `--version`, median of `runs`. */
const version = (tmp: string, launcher: Launcher, runs: number) =>
  measure(runs, () => spawnTimed(tmp, [...launcher.cmd, '--version'], {}, launcher.cwd));

/** Each figure the median of BENCH_RUNS runs, 5 at least. */
export async function startupBench(
  tmp: string,
  installed: Launcher,
  benchRuns: number,
): Promise<void> {
  const runs = Math.max(benchRuns, 5);
  // The first npx of a checkout links it into npm's npx cache (running its prepare script).
  const first = spawnTimed(tmp, [...NPX.cmd, '--version']);
  console.log(
    `${'first npx crosswalk --version (not counted)'.padEnd(44)} ${first.ms.toFixed(0).padStart(6)} ms`,
  );
  const empty = await measure(runs, () => spawnTimed(tmp, [process.execPath, '-e', '']));
  row('node -e "" (an empty node process)', empty, '');
  const npm = await measure(runs, () => spawnTimed(tmp, ['npm', '--version']));
  row('npm --version (npm starting, no npx)', npm, '');
  const bare = await version(tmp, BARE, runs);
  row(
    'node bin/crosswalk.js --version',
    bare,
    `our modules load in ${Math.round(bare.medianMs - empty.medianMs)} ms`,
  );
  const npx = await version(tmp, NPX, runs);
  row(
    'npx crosswalk --version (in the checkout)',
    npx,
    `npx's own start-up ${Math.round(npx.medianMs - bare.medianMs)} ms`,
  );
  // libnpmexec: a bin of the package npx runs in goes through a link in npm's npx cache, and
  // loading that tree reads the checkout's node_modules/ (its lockfile never lists them).
  console.log(
    `${''.padEnd(44)} (in a checkout npm links the package into its npx cache and reads both package trees, node_modules/ included, on each start)`,
  );
  const dep = await version(tmp, installed, runs);
  row(
    'npx crosswalk --version (installed as a dep)',
    dep,
    `npx's own start-up ${Math.round(dep.medianMs - bare.medianMs)} ms: node_modules/.bin/crosswalk run at once`,
  );
}
