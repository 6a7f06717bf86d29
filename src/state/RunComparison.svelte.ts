/**
 * Comparing the result on screen with the run before it (#17: a diff between data versions):
 * map a list, change the tables (add a current file, disable one, load a manifest), map it again,
 * and see which inputs gained, lost or changed targets — computed in the worker, which holds
 * both runs.
 */
import type { MapResult, RunDiff } from '../../workers/api';
import { engine, type WorkerStamp } from '../worker-client/engine-client';
import { downloadBlob } from '../lib/download';
import { messageOf } from '../lib/error-message';

export interface RunComparisonOptions {
  onError: (message: string) => void;
}

interface Run {
  runId: number;
  label: string;
  stamp: WorkerStamp;
}

export class RunComparison {
  /** The run before the one on screen, made by the same worker. */
  previous = $state.raw<Run | null>(null);
  diff = $state.raw<RunDiff | null>(null);
  busy = $state(false);

  #current: Run | null = null;
  readonly #options: RunComparisonOptions;

  constructor(options: RunComparisonOptions) {
    this.#options = options;
  }

  /** A new result is on screen: the one it replaces is the run to compare it with. */
  shown(result: MapResult, stamp: WorkerStamp): void {
    const previous = this.#current;
    this.previous = previous && previous.stamp.current ? previous : null;
    this.#current = { runId: result.runId, label: labelOf(result), stamp };
    this.diff = null;
  }

  async compare(): Promise<void> {
    const previous = this.previous;
    const current = this.#current;
    if (!previous || !current || this.busy) return;
    if (!current.stamp.current) {
      this.#options.onError(
        'The engine was restarted since these runs; run them again to compare.',
      );
      return;
    }
    this.busy = true;
    try {
      this.diff = await engine.diffRuns(previous.runId, current.runId);
    } catch (error) {
      this.#options.onError(`Could not compare the runs: ${messageOf(error)}`);
    } finally {
      this.busy = false;
    }
  }

  async exportDiff(): Promise<void> {
    const diff = this.diff;
    if (!diff) return;
    try {
      const file = await engine.exportDiff(diff.before, diff.after, 'tsv');
      downloadBlob(file, `crosswalk-diff-run-${diff.before}-to-${diff.after}.tsv`);
    } catch (error) {
      this.#options.onError(`Export failed: ${messageOf(error)}`);
    }
  }
}

function labelOf(result: MapResult): string {
  return `${result.source} → ${result.targets.join(', ')}`;
}
