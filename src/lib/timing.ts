import type { Phase, Timing } from '../../workers/api';

export type PhaseKind = Phase['kind'];

export const PHASE_KINDS: readonly PhaseKind[] = [
  'setup',
  'config',
  'paths',
  'load',
  'step',
  'assembly',
  'transfer',
  'render',
];

/** A phase placed in a flat list, `depth` levels below the run. */
export interface PhaseRow {
  phase: Phase;
  depth: number;
}

/** Phases in display order: each phase followed by its children, recursively. */
export function flattenPhases(phases: readonly Phase[], depth = 0): PhaseRow[] {
  const rows: PhaseRow[] = [];
  for (const phase of phases) {
    rows.push({ phase, depth });
    if (phase.children?.length) rows.push(...flattenPhases(phase.children, depth + 1));
  }
  return rows;
}

/**
 * Milliseconds per kind of phase. A parent's time includes its children's, so each phase adds only
 * its own time (its ms minus its children's) — no time is counted twice.
 */
export function kindTotals(phases: readonly Phase[]): Partial<Record<PhaseKind, number>> {
  const totals: Partial<Record<PhaseKind, number>> = {};
  const visit = (list: readonly Phase[]) => {
    for (const phase of list) {
      const childMs = (phase.children ?? []).reduce((sum, child) => sum + child.ms, 0);
      totals[phase.kind] = (totals[phase.kind] ?? 0) + Math.max(0, phase.ms - childMs);
      if (phase.children) visit(phase.children);
    }
  };
  visit(phases);
  return totals;
}

/**
 * The worker's phases plus the two only the UI can see: `transfer` (measured round trip minus the
 * worker's own total: messaging, cloning, queueing) and `render` (until the results are painted).
 */
export function withUiPhases(timing: Timing, roundTripMs: number, renderMs: number): Phase[] {
  return [
    ...timing.phases,
    { name: 'transfer', kind: 'transfer', ms: Math.max(0, roundTripMs - timing.totalMs) },
    { name: 'render', kind: 'render', ms: Math.max(0, renderMs) },
  ];
}

/** Bar width of a phase as a percentage of the run, never 0 so tiny phases stay visible. */
export function barPercent(ms: number, totalMs: number): number {
  if (totalMs <= 0) return 0;
  return Math.min(100, Math.max(0.5, (ms / totalMs) * 100));
}

/** Names of the tables a run read and parsed from their files (the worker then stores them). */
export function parsedTables(phases: readonly Phase[]): string[] {
  return loadedFrom(phases, ['parsed']);
}

/** Names of the tables a run read from their files, parsed or shipped packed (a pack's, fetched). */
export function tablesReadFromFiles(phases: readonly Phase[]): string[] {
  return loadedFrom(phases, ['parsed', 'shipped']);
}

function loadedFrom(phases: readonly Phase[], sources: Phase['source'][]): string[] {
  return flattenPhases(phases)
    .filter(({ phase }) => phase.kind === 'load' && sources.includes(phase.source))
    .map(({ phase }) => phase.name);
}
