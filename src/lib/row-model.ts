/**
 * Turns a MapResult into table rows without creating an object per row: one row per input–target
 * pair, plus one row for each input with no pairs, in input order. Cells are decoded only for the
 * rows on screen.
 */
import type { MapResult, MapSummary } from '../../workers/api';
import {
  INPUT_DUPLICATE,
  INPUT_EXCEL_DATE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  STATUS_NAMES,
  type StatusName,
} from '../../workers/codes';
import { decodeAt } from './packed-strings';

export interface RowModel {
  count: number;
  /** Input index of each row. */
  input: Int32Array;
  /** Pair index of each row, or -1 for an input with no pairs. */
  pair: Int32Array;
}

export type StatusFilter = 'all' | StatusName;

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...STATUS_NAMES];

export function buildRowModel(result: MapResult): RowModel {
  const { count: inputCount, pairStart } = result.inputs;
  let count = 0;
  for (let i = 0; i < inputCount; i++) {
    count += Math.max(1, pairStart[i + 1] - pairStart[i]);
  }
  const input = new Int32Array(count);
  const pair = new Int32Array(count);
  let row = 0;
  for (let i = 0; i < inputCount; i++) {
    const first = pairStart[i];
    const end = pairStart[i + 1];
    if (end <= first) {
      input[row] = i;
      pair[row] = -1;
      row++;
      continue;
    }
    for (let j = first; j < end; j++) {
      input[row] = i;
      pair[row] = j;
      row++;
    }
  }
  return { count, input, pair };
}

/** Indexes of the rows whose input has the given status (all rows for `all`). */
export function filterRows(model: RowModel, status: Uint8Array, filter: StatusFilter): Int32Array {
  if (filter === 'all') {
    const all = new Int32Array(model.count);
    for (let row = 0; row < model.count; row++) all[row] = row;
    return all;
  }
  const wanted = STATUS_NAMES.indexOf(filter);
  let matching = 0;
  for (let row = 0; row < model.count; row++) {
    if (status[model.input[row]] === wanted) matching++;
  }
  const rows = new Int32Array(matching);
  let next = 0;
  for (let row = 0; row < model.count; row++) {
    if (status[model.input[row]] === wanted) rows[next++] = row;
  }
  return rows;
}

export interface RowFlag {
  label: string;
  title: string;
  kind: 'duplicate' | 'convergent' | 'confirmed' | 'unconfirmed' | 'excel-date';
}

export interface RowCells {
  /** 1-based input number, shared by all rows of one input. */
  number: number;
  input: string;
  status: StatusName;
  target: string;
  path: string;
  via: string;
  match: string;
  /** Two decimals, or empty when the row has no pair. */
  confidence: string;
  flags: RowFlag[];
  /** One value per requested attribute column (`result.attributes`), empty without a pair. */
  attributes: string[];
}

/** Path labels by `PathInfo.index`, which is what `pairs.path` holds. */
export function pathLabelsOf(result: MapResult): string[] {
  const labels: string[] = [];
  for (const path of result.paths) labels[path.index] = path.label;
  return labels;
}

export function rowCells(
  result: MapResult,
  model: RowModel,
  row: number,
  pathLabels: readonly string[],
): RowCells {
  const inputIndex = model.input[row];
  const pairIndex = model.pair[row];
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
  const cells: RowCells = {
    number: inputIndex + 1,
    input: decodeAt(result.inputs.text, inputIndex),
    status: STATUS_NAMES[result.inputs.status[inputIndex]] ?? 'invalid',
    target: '',
    path: '',
    via: '',
    match: '',
    confidence: '',
    flags,
    attributes: result.attributes.values.map(() => ''),
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
  cells.target = decodeAt(pairs.target, pairIndex);
  cells.path = pathLabels[pairs.path[pairIndex]] ?? '';
  cells.via = decodeAt(pairs.via, pairIndex);
  cells.match = result.matchTypes[pairs.match[pairIndex]] ?? '';
  cells.confidence = pairs.confidence[pairIndex].toFixed(2);
  cells.attributes = result.attributes.values.map((values) => decodeAt(values, pairIndex));
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
    if (statuses[i] === wanted && !(flags[i] & INPUT_DUPLICATE)) ids.push(decodeAt(text, i));
  }
  return ids;
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
  return parts.join(' · ');
}
