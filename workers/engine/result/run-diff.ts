/**
 * Two runs of the same list compared input by input (#17: a diff between data versions): which
 * inputs gained targets, lost them, or got other ones, and how the two runs' tables differ. No
 * id mapper does this for a user's own list; after a data release it is the question asked.
 */
import type {
  InputChange,
  InputChangeKind,
  IndexedStrings,
  ManifestTable,
  MapResult,
  RunDiff,
} from '../../api';
import { fail } from '../errors';
import { neutralise } from './export';

/** Changes the page is given (the export has all). */
const SHOWN = 200;
const decoder = new TextDecoder();

/** Calls `visit` with each input whose targets differ, in input order; returns the counts. */
function eachChange(
  before: MapResult,
  after: MapResult,
  visit: (change: InputChange) => void,
): RunDiff['counts'] {
  sameList(before, after);
  const counts = { same: 0, gained: 0, lost: 0, changed: 0 };
  for (let i = 0; i < before.inputs.count; i++) {
    const was = targetsOf(before, i);
    const now = targetsOf(after, i);
    const kind = kindOf(was, now);
    if (!kind) {
      counts.same++;
      continue;
    }
    counts[kind]++;
    visit({ index: i + 1, input: at(before.inputs.text, i), kind, before: was, after: now });
  }
  return counts;
}

export function diffRuns(
  before: MapResult,
  after: MapResult,
  tables: { before: ManifestTable[]; after: ManifestTable[] },
): RunDiff {
  const changes: InputChange[] = [];
  const counts = eachChange(before, after, (change) => {
    if (changes.length < SHOWN) changes.push(change);
  });
  return {
    before: before.runId,
    after: after.runId,
    inputs: before.inputs.count,
    counts,
    tables: tableChanges(tables.before, tables.after),
    changes,
  };
}

export const DIFF_COLUMNS = ['input_index', 'input', 'change', 'before', 'after'] as const;

/** Every change as TSV or CSV, targets joined by `|` (cells neutralised as the exports are). */
export function exportDiff(before: MapResult, after: MapResult, format: 'tsv' | 'csv'): Blob {
  const separator = format === 'tsv' ? '\t' : ',';
  const cell = (value: string) => {
    const safe = neutralise(value);
    return /["\r\n]/.test(safe) || safe.includes(separator)
      ? `"${safe.replace(/"/g, '""')}"`
      : safe;
  };
  const lines = [DIFF_COLUMNS.join(separator)];
  eachChange(before, after, (c) => {
    const row = [String(c.index), c.input, c.kind, c.before.join('|'), c.after.join('|')];
    lines.push(row.map(cell).join(separator));
  });
  const type = format === 'tsv' ? 'text/tab-separated-values' : 'text/csv';
  return new Blob([lines.join('\n'), '\n'], { type: `${type};charset=utf-8` });
}

function kindOf(was: string[], now: string[]): InputChangeKind | null {
  if (was.length === 0) return now.length === 0 ? null : 'gained';
  if (now.length === 0) return 'lost';
  const set = new Set(was);
  return now.length === set.size && now.every((t) => set.has(t)) ? null : 'changed';
}

/** Input i's distinct targets, sorted (as sets: the order of paths is not a change). */
function targetsOf(result: MapResult, i: number): string[] {
  const { pairStart } = result.inputs;
  const out = new Set<string>();
  for (let p = pairStart[i]; p < pairStart[i + 1]; p++) out.add(at(result.pairs.target, p));
  return [...out].sort();
}

/** Refuses two runs of different lists, or to different target types (nothing to compare). */
function sameList(before: MapResult, after: MapResult): void {
  const runs = `Runs ${before.runId} and ${after.runId}`;
  if (before.targets.join() !== after.targets.join())
    fail(
      'bad-request',
      `${runs} map to different types (${before.targets.join(', ')}; ${after.targets.join(', ')}); compare two runs to the same types.`,
    );
  const differ = `${runs} are of different lists; compare two runs of the same ids.`;
  if (before.inputs.count !== after.inputs.count) fail('bad-request', differ);
  // Byte by byte, never decoded: a million inputs compare in a few milliseconds.
  for (let i = 0; i < before.inputs.count; i++)
    if (!sameBytes(before.inputs.text, after.inputs.text, i)) fail('bad-request', differ);
}

function sameBytes(a: IndexedStrings, b: IndexedStrings, i: number): boolean {
  const sa = a.index[i];
  const sb = b.index[i];
  const [aFrom, aTo] = [a.strings.offsets[sa], a.strings.offsets[sa + 1]];
  const [bFrom, bTo] = [b.strings.offsets[sb], b.strings.offsets[sb + 1]];
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let j = 0; j < aTo - aFrom; j++)
    if (a.strings.bytes[aFrom + j] !== b.strings.bytes[bFrom + j]) return false;
  return true;
}

function tableChanges(before: ManifestTable[], after: ManifestTable[]): RunDiff['tables'] {
  const was = new Map(before.map((t) => [t.name, t.sha256]));
  const now = new Map(after.map((t) => [t.name, t.sha256]));
  return {
    added: [...now.keys()].filter((name) => !was.has(name)),
    removed: [...was.keys()].filter((name) => !now.has(name)),
    changed: [...now]
      .filter(([name, hash]) => was.has(name) && was.get(name) !== hash)
      .map(([n]) => n),
  };
}

function at(column: IndexedStrings, i: number): string {
  const { bytes, offsets } = column.strings;
  const s = column.index[i];
  return decoder.decode(bytes.subarray(offsets[s], offsets[s + 1]));
}
