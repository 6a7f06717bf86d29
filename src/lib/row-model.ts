/**
 * The results table's rows of a MapResult (one per input–target pair, plus one for each input with
 * no pairs, laid out by the worker in `result.rows`): status filters, and cells decoded only for
 * the rows on screen.
 */
import type { IdTypeId, MapResult, MapSummary, ResultRows } from '../../workers/api';
import {
  INPUT_CONFLICT,
  INPUT_DUPLICATE,
  INPUT_EXCEL_DATE,
  NO_TYPE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  REVIEWED,
  STATUS_NAMES,
  type StatusName,
} from '../../workers/common/codes';
import { decodeAt, decodeIndexed } from './packed-strings';
import { NOT_RECOGNISED } from './type-mix';

export type StatusFilter = 'all' | StatusName;

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...STATUS_NAMES];

/** The rows a status filter lets through, in order, as indexes into `result.rows`. */
export interface RowSelection {
  readonly length: number;
  rowAt(index: number): number;
}

/** Takes no per-row work: the worker grouped the rows by status (`ResultRows.byStatus`). */
export function selectRows(rows: ResultRows, filter: StatusFilter): RowSelection {
  if (filter === 'all') return { length: rows.count, rowAt: (index) => index };
  const status = STATUS_NAMES.indexOf(filter);
  const selected = rows.byStatus.subarray(rows.statusStart[status], rows.statusStart[status + 1]);
  return { length: selected.length, rowAt: (index) => selected[index] };
}

export interface RowFlag {
  label: string;
  title: string;
  kind: 'duplicate' | 'convergent' | 'confirmed' | 'unconfirmed' | 'excel-date' | 'conflict';
}

export interface RowCells {
  /** 1-based input number, shared by all rows of one input. */
  number: number;
  input: string;
  status: StatusName;
  target: string;
  /** The target's type id in a run of several target types (#16: short, for a badge); else empty. */
  targetType: string;
  /** The target is a reviewed UniProt entry (Swiss-Prot), as a table says. */
  reviewed: boolean;
  path: string;
  via: string;
  match: string;
  /** Two decimals, or empty when the row has no pair. */
  confidence: string;
  flags: RowFlag[];
  /** One value per requested attribute column (`result.attributes`), empty without a pair. */
  attributes: string[];
  /** The label of the type the input was read as, or `not recognised`. */
  sourceType: string;
  /** Why the input is not simply mapped (`not in any table (close to TP53)`), or empty. */
  reason: string;
}

/** Labels a result's rows show, worked out once per result rather than per row. */
export interface RowLabels {
  /** By `PathInfo.index`, which is what `pairs.path` holds. */
  paths: readonly string[];
  /** By index into `result.sourceTypes`, which is what `keys.type` holds. */
  sourceTypes: readonly string[];
  /** Type ids by index into `result.targets` (what `pairs.targetType` holds); empty for one. */
  targets: readonly string[];
}

/** Path labels by `PathInfo.index`, which is what `pairs.path` holds. */
export function pathLabelsOf(result: MapResult): string[] {
  const labels: string[] = [];
  for (const path of result.paths) labels[path.index] = path.label;
  return labels;
}

export function rowLabelsOf(result: MapResult, typeLabel: (type: IdTypeId) => string): RowLabels {
  return {
    paths: pathLabelsOf(result),
    sourceTypes: result.sourceTypes.map(typeLabel),
    targets: result.targets.length > 1 ? result.targets : [],
  };
}

export function rowCells(result: MapResult, row: number, labels: RowLabels): RowCells {
  const inputIndex = result.rows.input[row];
  const pairIndex = result.rows.pair[row];
  const key = result.inputs.key[inputIndex];
  const sourceType = result.keys.type[key];
  const inputFlags = result.inputs.flags[inputIndex];
  const flags: RowFlag[] = [];
  if (inputFlags & INPUT_DUPLICATE) {
    flags.push({ label: 'duplicate', title: 'Same id as an earlier input', kind: 'duplicate' });
  }
  if (inputFlags & INPUT_EXCEL_DATE) {
    flags.push({
      label: 'Excel date?',
      title: 'Looks like a gene symbol a spreadsheet turned into a date (SEPT7 → 7-Sep)',
      kind: 'excel-date',
    });
  }
  if (inputFlags & INPUT_CONFLICT) {
    flags.push({
      label: '≠',
      title: 'Paths disagree: the next path ranked gives other targets (the reason says which)',
      kind: 'conflict',
    });
  }
  const cells: RowCells = {
    number: inputIndex + 1,
    input: decodeIndexed(result.inputs.text, inputIndex),
    status: STATUS_NAMES[result.inputs.status[inputIndex]] ?? 'invalid',
    target: '',
    targetType: '',
    reviewed: false,
    path: '',
    via: '',
    match: '',
    confidence: '',
    flags,
    attributes: result.attributes.values.map(() => ''),
    sourceType: sourceType === NO_TYPE ? NOT_RECOGNISED : (labels.sourceTypes[sourceType] ?? ''),
    reason: result.reasons[result.keys.reason[key]] ?? '',
  };
  if (pairIndex < 0) return cells;

  const { pairs } = result;
  const pairFlags = pairs.flags[pairIndex];
  if (pairFlags & PAIR_CONVERGENT) {
    flags.push({
      label: '⇉',
      title: 'Convergent: another distinct input reaches this target too',
      kind: 'convergent',
    });
  }
  if (pairFlags & PAIR_ROUND_TRIP) {
    flags.push(
      pairFlags & PAIR_CONFIRMED
        ? { label: '✓', title: 'Confirmed by the round trip', kind: 'confirmed' }
        : { label: 'unconfirmed', title: 'The round trip did not lead back', kind: 'unconfirmed' },
    );
  }
  cells.target = decodeIndexed(pairs.target, pairIndex);
  cells.targetType = labels.targets[pairs.targetType[pairIndex]] ?? '';
  cells.reviewed = result.reviewed?.[pairs.target.index[pairIndex]] === REVIEWED;
  cells.path = labels.paths[pairs.path[pairIndex]] ?? '';
  cells.via = decodeIndexed(pairs.via, pairIndex);
  cells.match = result.matchTypes[pairs.match[pairIndex]] ?? '';
  cells.confidence = pairs.confidence[pairIndex].toFixed(2);
  const target = pairs.target.index[pairIndex];
  cells.attributes = result.attributes.values.map((values) => decodeAt(values, target));
  return cells;
}

/**
 * Distinct input ids with a status, in input order — what "copy unmapped ids" puts on the
 * clipboard. Repeats of an id are skipped (the engine flags them as duplicates).
 */
export function inputsWithStatus(result: MapResult, status: StatusName): string[] {
  const wanted = STATUS_NAMES.indexOf(status);
  const ids: string[] = [];
  const { count, status: statuses, flags, text } = result.inputs;
  for (let i = 0; i < count; i++) {
    if (statuses[i] === wanted && !(flags[i] & INPUT_DUPLICATE)) ids.push(decodeIndexed(text, i));
  }
  return ids;
}

/**
 * The targets on screen (under the ambiguity policy applied), each once, in the order their
 * first row shows them, the first target type's before the next's — what "copy targets" puts on
 * the clipboard for the next tool.
 */
export function distinctTargets(result: MapResult): string[] {
  const { index, strings } = result.pairs.target;
  const types = result.pairs.targetType;
  // By index first (the worker stores each target once: a million rows decode a few thousand
  // strings), then by text, for a result whose rows each carry their own.
  const seen = new Uint8Array(strings.offsets.length - 1);
  const targets = new Set<string>();
  for (let type = 0; type < result.targets.length; type++) {
    for (let p = 0; p < result.pairs.count; p++) {
      const t = index[p];
      if (seen[t] || types[p] !== type) continue;
      seen[t] = 1;
      targets.add(decodeAt(strings, t));
    }
  }
  return [...targets];
}

const countFormat = new Intl.NumberFormat('en-US');

/** "N inputs · M mapped · A ambiguous · U unmapped · I invalid · C convergent" (+ duplicates). */
export function summaryLine(summary: MapSummary): string {
  const parts = [
    `${countFormat.format(summary.inputs)} inputs`,
    `${countFormat.format(summary.mapped)} mapped`,
    `${countFormat.format(summary.ambiguous)} ambiguous`,
    `${countFormat.format(summary.unmapped)} unmapped`,
    `${countFormat.format(summary.invalid)} invalid`,
    `${countFormat.format(summary.convergent)} convergent`,
  ];
  if (summary.duplicates > 0) parts.push(`${countFormat.format(summary.duplicates)} duplicates`);
  if (summary.excelDates > 0) {
    parts.push(`${countFormat.format(summary.excelDates)} Excel-mangled symbols`);
  }
  if (summary.conflicts > 0) {
    parts.push(
      `${countFormat.format(summary.conflicts)} ${summary.conflicts === 1 ? 'conflict' : 'conflicts'} between paths`,
    );
  }
  return parts.join(' · ');
}
