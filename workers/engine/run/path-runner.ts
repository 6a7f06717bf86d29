/**
 * Runs the ranked paths of one request: loads each path's tables, maps the keys still unmapped,
 * and goes on to the next path. A table that cannot be read (offline, damaged) costs only the
 * paths through it, and a note names it; the run fails only when no path could run at all.
 */
import type { PathInfo, ProgressFn } from '../../api';
import { CrosswalkError } from '../errors';
import type { PairSink } from './walk-path';
import { runPath, type ExecPath, type StepTiming } from './walk-path';
import { addStepPhases, type PhaseTimer } from './phase-timer';
import type { StringDict } from '../packed/string-dict';
import type { PackedTable } from '../tables/packed-table';
import type { TableLoader } from '../tables/table-loader';
import type { Registered, TableRegistry } from '../plan/table-registry';

/**
 * Load failures that skip a table's paths instead of failing the run: the file is missing or
 * damaged, or no longer has the columns its description names (another tab replaced it).
 */
const UNREADABLE = new Set<string>([
  'fetch-failed',
  'unreadable-file',
  'empty-file',
  'missing-column',
  'no-usable-ids',
]);

/** One type's keys to map: numbered from `base` in `sink`, which every type of a run shares. */
export interface MapJob {
  keys: StringDict;
  base: number;
  pending: Int32Array;
  sink: PairSink;
  /** The run's paths so far, every type's; this job appends the ones it runs. */
  used: PathInfo[];
}

export class PathRunner {
  constructor(
    readonly registry: TableRegistry,
    readonly loader: TableLoader,
  ) {}

  /**
   * Maps `job.pending` (lookup keys of one type) along `paths` in rank order, each path taking the
   * keys the earlier ones left; the paths that ran are appended to `job.used`, and a pair's
   * `path` is its index there.
   */
  async runWithFallback(
    paths: PathInfo[],
    job: MapJob,
    timer: PhaseTimer,
    notes: string[],
    onProgress?: ProgressFn,
  ): Promise<void> {
    const { sink, used } = job;
    const total = job.pending.length;
    let pending = job.pending;
    const first = used.length;
    const unreadable = new Map<string, CrosswalkError>();
    for (const path of paths) {
      if (pending.length === 0) break;
      if (path.steps.some((s) => unreadable.has(s.table))) continue;
      const exec = await this.prepare(
        { ...path, index: used.length },
        timer,
        unreadable,
        onProgress,
      );
      if (!exec) continue;
      used.push(exec.info);
      onProgress?.({
        phase: `mapping via ${exec.info.label}`,
        done: total - pending.length,
        total,
      });
      const before = pending.length;
      const timings: StepTiming[] = [];
      pending = runPath(exec, job.keys, pending, sink, timings, job.base);
      addStepPhases(timer, exec.info, timings);
      if (used.length - first > 1 && before > pending.length) {
        notes.push(
          `${before - pending.length === 1 ? '1 id was' : `${before - pending.length} ids were`} mapped only by fallback path ${used.length - first}: ${exec.info.label}.`,
        );
      }
    }
    if (unreadable.size > 0) {
      if (used.length === first) throw [...unreadable.values()][0];
      const skipped = paths.filter((p) => p.steps.some((s) => unreadable.has(s.table)));
      notes.push(
        `${[...unreadable.values()].map((e) => e.message).join(' ')} Paths through ${[...unreadable.keys()].join(', ')} were skipped: ${skipped.map((p) => p.label).join('; ')}.`,
      );
    }
  }

  /** Loads the path's tables, or records the one that could not be read and returns null. */
  async prepare(
    path: PathInfo,
    timer: PhaseTimer,
    unreadable: Map<string, CrosswalkError>,
    onProgress?: ProgressFn,
  ): Promise<ExecPath | null> {
    // Every table of the path is asked for at once: one's file is read and inflated (off this
    // thread) while another is wrapped. The cache shares a table two steps both need.
    const loads = path.steps.map((step) =>
      this.load(this.registry.get(step.table), timer, onProgress, [step.from, step.to]),
    );
    for (const load of loads) load.catch(() => undefined);
    const steps = [];
    for (const [i, step] of path.steps.entries()) {
      let table: PackedTable;
      try {
        table = await loads[i];
      } catch (error) {
        if (!(error instanceof CrosswalkError) || !UNREADABLE.has(error.code)) throw error;
        unreadable.set(step.table, error);
        return null;
      }
      steps.push({ table, from: table.columnIndex(step.from), to: table.columnIndex(step.to) });
    }
    return { info: path, steps };
  }

  /**
   * Loads one table as a timed `load` phase, building the edge list `edge` when given; with its
   * attribute (untyped) columns only when `attributes` is set (see TableLoader.load).
   */
  async load(
    registered: Registered,
    timer: PhaseTimer,
    onProgress?: ProgressFn,
    edge?: [string, string],
    attributes = false,
  ): Promise<PackedTable> {
    const phase = timer.begin('load', registered.name);
    try {
      return await this.loader.load(registered, phase, onProgress, edge, attributes);
    } finally {
      timer.end(phase);
    }
  }
}
