/** Collects the phases of one run, in order, for the timing panel. */
import type { Phase, PathInfo, Timing } from '../../api';
import type { StepTiming } from './walk-path';

export class PhaseTimer {
  readonly #phases: Phase[] = [];
  readonly #started = performance.now();
  readonly #open = new Map<Phase, number>();

  time<T>(kind: Phase['kind'], name: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.#phases.push({ name, kind, ms: performance.now() - start });
    }
  }

  async timeAsync<T>(kind: Phase['kind'], name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.#phases.push({ name, kind, ms: performance.now() - start });
    }
  }

  /** Starts a phase whose sub-phases the caller fills in; close it with `end`. */
  begin(kind: Phase['kind'], name: string): Phase {
    const phase: Phase = { name, kind, ms: 0, children: [] };
    this.#open.set(phase, performance.now());
    this.#phases.push(phase);
    return phase;
  }

  end(phase: Phase): void {
    phase.ms = performance.now() - (this.#open.get(phase) ?? performance.now());
    this.#open.delete(phase);
  }

  add(phase: Phase): void {
    this.#phases.push(phase);
  }

  finish(): Timing {
    return { totalMs: performance.now() - this.#started, phases: this.#phases };
  }
}

/** One `step` phase per path step (step -1 is the look-up of the inputs in the first table). */
export function addStepPhases(timer: PhaseTimer, path: PathInfo, timings: StepTiming[]): void {
  for (const t of timings) {
    const step = path.steps[Math.max(0, t.step)];
    const name =
      t.step < 0
        ? `path ${path.index + 1}: look up ids in ${step.table}.${step.from}`
        : `path ${path.index + 1} step ${t.step + 1}: ${step.fromType} → ${step.toType} (${step.table})`;
    timer.add({ name, kind: 'step', ms: t.ms, detail: `${t.inputs} in → ${t.outputs} out` });
  }
}
