/**
 * One command as a whole process, spawn to exit: its wall time, and its peak RSS from
 * `/usr/bin/time -f %M` (under npx: its largest process) where the machine has it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** GNU time, when it is there and reports: without it the runs are timed but not weighed. */
export const TIME = ((): string | null => {
  if (!existsSync('/usr/bin/time')) return null;
  return spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : null;
})();

/** What a user's shell gives the command: none of the variables `npm run` adds. */
const ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD'),
);

export interface Spawned {
  ms: number;
  rssKb: number | null;
  stderr: string;
}

/** One process, spawn to exit; throws when it fails. `tmp` holds time's report. */
export function spawnTimed(
  tmp: string,
  cmd: string[],
  env: Record<string, string> = {},
  cwd = root,
): Spawned {
  const rssFile = join(tmp, 'rss.txt');
  const [file, ...args] = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...cmd] : cmd;
  const start = performance.now();
  const run = spawnSync(file, args, {
    cwd,
    env: { ...ENV, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (run.status !== 0)
    throw new Error(`\`${cmd.join(' ')}\` failed (${run.status ?? run.signal}): ${run.stderr}`);
  const rssKb = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : null;
  return { ms, rssKb, stderr: run.stderr };
}

export const rssText = (kb: number | null) =>
  kb === null ? 'peak RSS unavailable (no /usr/bin/time)' : `peak RSS ${Math.round(kb / 1024)} MB`;
