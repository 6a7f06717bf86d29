/**
 * The command on each size of id file, every mode through every launcher that size is run with:
 * the median run's wall time, the runs' peak RSS, the command's own summary, and its checks.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIVE_IDS } from '../cold-process';
import { mb, measure, row } from '../measure';
import { BARE, NPX, type Launcher } from './launchers';
import { checkPath, type Mode } from './modes';
import { rssText, spawnTimed, type Spawned } from './process';
import { ANNOTATIONDBI, count, summaryOf, verdict, type Figure } from './report';
import { writeIds, type IdPool } from './workspace';

export const SIZES = [5, 100_000, 1_000_000, 10_000_000];
/** BENCH_RUNS runs for 5 ids, at most 3 up to 1M, 1 beyond. */
const runsFor = (size: number, runs: number) =>
  size <= 5 ? runs : size <= 1_000_000 ? Math.min(runs, 3) : 1;
/** Beyond this size the bare command is not run (npx adds its start-up only). */
const BARE_UP_TO = 1_000_000;

/** Who runs `size` ids: npx installed as a dependency only for 5, the bare command up to 1M. */
const launchersFor = (size: number, installed: Launcher): Launcher[] =>
  size === FIVE_IDS.length ? [NPX, installed, BARE] : size <= BARE_UP_TO ? [NPX, BARE] : [NPX];

export interface SizeRun {
  tmp: string;
  modes: Mode[];
  pool: IdPool;
  installed: Launcher;
  /** BENCH_RUNS. */
  runs: number;
}

/** Prints a line per mode and launcher for `size` ids; adds each median to `figures`. */
export async function sizeBench(size: number, bench: SizeRun, figures: Figure[]): Promise<void> {
  const { tmp, modes, pool, installed } = bench;
  const file = join(tmp, `ids-${size}.txt`);
  const out = join(tmp, 'out.tsv');
  const bytes = writeIds(file, size, pool);
  const runs = runsFor(size, bench.runs);
  const reference = ANNOTATIONDBI[size] ? `; AnnotationDbi (quoted): ${ANNOTATIONDBI[size]}` : '';
  console.log(
    `\n${count(size)} ids (${mb(bytes)} file), median of ${runs} run${runs > 1 ? 's' : ''}${reference}`,
  );
  for (const mode of modes) {
    for (const launcher of launchersFor(size, installed)) {
      const spawned: Spawned[] = [];
      let outBytes = 0;
      const m = await measure(runs, () => {
        spawned.push(
          spawnTimed(tmp, [...launcher.cmd, ...mode.args(file, out)], mode.env, launcher.cwd),
        );
        outBytes = statSync(out).size;
        rmSync(out);
      });
      for (const { stderr } of spawned) checkPath(mode, stderr);
      const rss = spawned.map((s) => s.rssKb).filter((kb) => kb !== null);
      const peakKb = rss.length > 0 ? Math.max(...rss) : null;
      // The command's own report of the median run (the VM varies from one run to the next).
      const summary = summaryOf(spawned[m.runsMs.indexOf(m.medianMs)].stderr, m.medianMs);
      if (summary.invalid > 0)
        throw new Error(`${mode.name}: ${summary.invalid} ids read as invalid`);
      const label = `${launcher.name} ${count(size)} ${mode.name}`;
      const target = launcher === BARE ? 'bare command' : verdict(size, m, peakKb);
      figures.push({
        size,
        mode: mode.name,
        launcher: launcher.name,
        ms: m.medianMs,
        rssKb: peakKb,
      });
      row(label, m, `${rssText(peakKb)}; ${target}; ${summary.text}; output ${mb(outBytes)}`);
    }
  }
  rmSync(file);
}
