/**
 * Progress and timing on standard error, never mixed with the output: a bar redrawn in place on
 * a terminal, one plain line per phase otherwise (a pipeline's log), nothing with `--quiet`.
 */
import type { MapResult, Progress } from '../../workers/api';

const BAR = 24;

export class ProgressReport {
  #lastPhase = '';
  #drawn = false;

  constructor(
    readonly quiet: boolean,
    readonly terminal = Boolean(process.stderr.isTTY),
  ) {}

  readonly update = (progress: Progress): void => {
    if (this.quiet) return;
    if (this.terminal) {
      const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
      const filled = Math.round(share * BAR);
      const counts = progress.total > 0 ? ` ${progress.done}/${progress.total}` : '';
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(BAR - filled)}] ${progress.phase}${counts}\x1b[K`,
      );
      this.#drawn = true;
    } else if (progress.phase !== this.#lastPhase) {
      process.stderr.write(`crosswalk: ${progress.phase}\n`);
    }
    this.#lastPhase = progress.phase;
  };

  /** Clears the bar (a terminal), so what follows starts on a clean line. */
  done(): void {
    if (this.#drawn) process.stderr.write('\r\x1b[K');
    this.#drawn = false;
  }

  note(line: string): void {
    if (!this.quiet) process.stderr.write(`crosswalk: ${line}\n`);
  }

  /** The run's counts, then each top-level phase and how long it took. */
  summary(result: MapResult, wallMs: number): void {
    this.done();
    const s = result.summary;
    this.note(
      `${s.inputs} inputs: ${s.mapped} mapped, ${s.ambiguous} ambiguous, ${s.unmapped} unmapped, ${s.invalid} invalid; ${s.pairs} pairs; ${Math.round(wallMs)} ms`,
    );
    const byKind = new Map<string, number>();
    for (const phase of result.timing.phases)
      byKind.set(phase.kind, (byKind.get(phase.kind) ?? 0) + phase.ms);
    this.note(
      `timing: ${[...byKind].map(([kind, ms]) => `${kind} ${Math.round(ms)} ms`).join(', ')} (the engine's ${Math.round(result.timing.totalMs)} ms)`,
    );
  }
}
