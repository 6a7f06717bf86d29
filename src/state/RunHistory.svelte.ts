import type { IdTypeId, MapResult, Phase } from '../../workers/api';
import { kindTotals, PHASE_KINDS, withUiPhases, type PhaseKind } from '../lib/timing';
import { readStoredJson, writeStoredJson } from '../lib/stored-json';

/** One finished run, kept (also across reloads) so first run, second run and after reload compare. */
export interface RunRecord {
  run: number;
  /** Which page load ran it; a change between rows means "after reload". */
  pageLoad: number;
  finishedAt: number;
  source: IdTypeId;
  target: IdTypeId;
  inputs: number;
  /** From the Run click to the results on screen. */
  totalMs: number;
  workerMs: number;
  /** Worker phases followed by the UI's `transfer` and `render`. */
  phases: Phase[];
  kinds: Partial<Record<PhaseKind, number>>;
}

// Bump the version whenever RunRecord changes shape, so an old history is never misread.
const STORAGE_KEY = 'crosswalk.run-history.v1';
const MAX_RECORDS = 50;

function loadRecords(): RunRecord[] {
  const stored = readStoredJson<unknown>(STORAGE_KEY, []);
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (record): record is RunRecord =>
      typeof record === 'object' &&
      record !== null &&
      typeof record.run === 'number' &&
      Array.isArray(record.phases),
  );
}

export class RunHistory {
  records = $state.raw<RunRecord[]>(loadRecords());
  /** The run whose phases the timing panel shows; null means the latest. */
  selectedRun = $state<number | null>(null);
  readonly pageLoad: number;

  selected = $derived.by(
    () =>
      this.records.find((record) => record.run === this.selectedRun) ?? this.records.at(-1) ?? null,
  );

  /** Kinds that occur in any kept run, in pipeline order: the history table's columns. */
  kindsSeen = $derived(
    PHASE_KINDS.filter((kind) => this.records.some((record) => record.kinds[kind] !== undefined)),
  );

  constructor() {
    this.pageLoad = Math.max(0, ...this.records.map((record) => record.pageLoad)) + 1;
  }

  add(result: MapResult, roundTripMs: number, renderMs: number): RunRecord {
    const phases = withUiPhases(result.timing, roundTripMs, renderMs);
    const record: RunRecord = {
      run: (this.records.at(-1)?.run ?? 0) + 1,
      pageLoad: this.pageLoad,
      finishedAt: Date.now(),
      source: result.source,
      target: result.target,
      inputs: result.summary.inputs,
      totalMs: roundTripMs + renderMs,
      workerMs: result.timing.totalMs,
      phases,
      kinds: kindTotals(phases),
    };
    this.records = [...this.records, record].slice(-MAX_RECORDS);
    this.selectedRun = null;
    writeStoredJson(STORAGE_KEY, this.records);
    return record;
  }

  select(run: number): void {
    this.selectedRun = run;
  }

  clear(): void {
    this.records = [];
    this.selectedRun = null;
    writeStoredJson(STORAGE_KEY, []);
  }
}
