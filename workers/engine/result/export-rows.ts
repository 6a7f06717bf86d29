/**
 * The rows an export writes, as cells in column order: `long`, one per input–target pair plus
 * one per input without any (LONG_COLUMNS), or `wide` (#16), one per input, its targets and their
 * attribute values joined by `|`. Arrays, not records keyed by column: records of twenty spread
 * properties cost 26 µs a row in V8 (a million-row export took 28 s in Node), arrays ~1 µs; and a
 * type named like a standard column (`input`) can no longer overwrite it.
 */
import type { IndexedStrings, MapResult } from '../../api';
import {
  INPUT_CONFLICT,
  INPUT_DUPLICATE,
  INPUT_EXCEL_DATE,
  NO_TYPE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  REVIEW_UNKNOWN,
  REVIEWED,
  STATUS_NAMES,
  UNREVIEWED,
} from '../../common/codes';

/** The long layout's standard columns, in order; the requested attribute columns follow. */
export const EXPORT_COLUMNS = [
  'input_index',
  'input',
  'status',
  'target',
  'path',
  'via',
  'match',
  'confidence',
  'duplicate',
  'convergent',
  'round_trip',
  'excel_date',
  // #16, before #12's three, which stay last.
  'reviewed',
  'policy',
  // The pair's target type: a run may have several (#16).
  'target_type',
  // `yes` where two ranked paths answer the input differently (#17; the reason gives the other).
  'conflict',
  'source_type',
  'normalised',
  'reason',
] as const;

/** A cell holding a packed string's bytes (an id), written as they are or decoded when needed. */
export interface PackedCell {
  bytes: Uint8Array;
  start: number;
  end: number;
}

export type Cell = string | number | PackedCell;

/** One row's cells, in its layout's column order. */
export type Cells = Cell[];

/** A cell's text (a packed cell decoded). */
export function cellText(cell: Cell): string {
  if (typeof cell !== 'object') return String(cell);
  return decoder.decode(cell.bytes.subarray(cell.start, cell.end));
}

const decoder = new TextDecoder();
/** Between the values of one cell of the wide layout. */
const VALUES = '|';

/** The long layout's columns: the standard ones, then one per attribute column (its label). */
export function longColumns(result: MapResult): string[] {
  return [...EXPORT_COLUMNS, ...result.attributes.labels];
}

/**
 * Visits the rows of inputs `from` to `to` (exclusive), in order; `input_index` counts from
 * `indexOffset + 1` (a shard's rows numbered as in the whole list).
 */
export function eachRow(
  result: MapResult,
  visit: (cells: Cells) => void,
  from = 0,
  to = result.inputs.count,
  indexOffset = 0,
): void {
  const { inputs, pairs, policy } = result;
  const { labels, values } = result.attributes;
  const noAttributes = labels.map(() => '');
  for (let i = from; i < to; i++) {
    const input = at(inputs.text, i);
    const status = STATUS_NAMES[inputs.status[i]];
    const flags = inputs.flags[i];
    const duplicate = flags & INPUT_DUPLICATE ? 'yes' : '';
    const excelDate = flags & INPUT_EXCEL_DATE ? 'yes' : '';
    const conflict = flags & INPUT_CONFLICT ? 'yes' : '';
    const [sourceType, normalised, reason] = keyColumns(result, inputs.key[i]);
    const start = inputs.pairStart[i];
    const end = inputs.pairStart[i + 1];
    if (start === end) {
      visit([
        indexOffset + i + 1,
        input,
        status,
        '',
        '',
        '',
        '',
        '',
        duplicate,
        '',
        '',
        excelDate,
        '',
        policy,
        '',
        conflict,
        sourceType,
        normalised,
        reason,
        ...noAttributes,
      ]);
    }
    for (let p = start; p < end; p++) {
      const pairFlags = pairs.flags[p];
      const target = pairs.target.index[p];
      visit([
        indexOffset + i + 1,
        input,
        status,
        packed(pairs.target.strings, target),
        result.paths[pairs.path[p]].label,
        at(pairs.via, p),
        result.matchTypes[pairs.match[p]],
        Number(pairs.confidence[p].toFixed(3)),
        duplicate,
        pairFlags & PAIR_CONVERGENT ? 'yes' : '',
        pairFlags & PAIR_ROUND_TRIP
          ? pairFlags & PAIR_CONFIRMED
            ? 'confirmed'
            : 'not confirmed'
          : '',
        excelDate,
        REVIEW_WORDS[result.reviewed?.[target] ?? REVIEW_UNKNOWN],
        policy,
        result.targets[pairs.targetType[p]],
        conflict,
        sourceType,
        normalised,
        reason,
        ...values.map((column) => packed(column, target)),
      ]);
    }
  }
}

/** What the run made of the input's id: its type, the id as looked up and why it missed. */
function keyColumns(result: MapResult, k: number): [string, PackedCell, string] {
  const type = result.keys.type[k];
  return [
    type === NO_TYPE ? '' : result.sourceTypes[type],
    packed(result.keys.normalised, k),
    result.reasons[result.keys.reason[k]],
  ];
}

/** The `reviewed` column: what a table says of a UniProt target (empty: none says). */
const REVIEW_WORDS = { [REVIEW_UNKNOWN]: '', [REVIEWED]: 'yes', [UNREVIEWED]: 'no' } as Record<
  number,
  string
>;

/** Row i's string of an indexed column, as a packed cell. */
function at(column: IndexedStrings, i: number): PackedCell {
  return packed(column.strings, column.index[i]);
}

function packed(strings: { bytes: Uint8Array; offsets: Int32Array }, i: number): PackedCell {
  return { bytes: strings.bytes, start: strings.offsets[i], end: strings.offsets[i + 1] };
}

function text(strings: { bytes: Uint8Array; offsets: Int32Array }, i: number): string {
  return decoder.decode(strings.bytes.subarray(strings.offsets[i], strings.offsets[i + 1]));
}

/** The wide layout's columns: one per target type (named by its id), then the input's. */
export function wideColumns(result: MapResult): string[] {
  return [
    'input_index',
    'input',
    'status',
    ...result.targets,
    'duplicate',
    'excel_date',
    'conflict',
    'policy',
    'source_type',
    'normalised',
    'reason',
    ...result.attributes.labels,
  ];
}

/**
 * One row per input: in each target type's column its targets of that type in pair order, each
 * once, joined by `|`; attribute columns likewise, for the first type's targets.
 */
export function eachWideRow(
  result: MapResult,
  visit: (cells: Cells) => void,
  from = 0,
  to = result.inputs.count,
  indexOffset = 0,
): void {
  const { inputs, pairs } = result;
  const { values } = result.attributes;
  for (let i = from; i < to; i++) {
    const byType: number[][] = result.targets.map(() => []);
    for (let p = inputs.pairStart[i]; p < inputs.pairStart[i + 1]; p++) {
      const t = pairs.target.index[p];
      const ofType = byType[pairs.targetType[p]];
      if (!ofType.includes(t)) ofType.push(t);
    }
    const targets = byType[0];
    const flags = inputs.flags[i];
    visit([
      indexOffset + i + 1,
      at(inputs.text, i),
      STATUS_NAMES[inputs.status[i]],
      ...byType.map((ofType) => ofType.map((t) => text(pairs.target.strings, t)).join(VALUES)),
      flags & INPUT_DUPLICATE ? 'yes' : '',
      flags & INPUT_EXCEL_DATE ? 'yes' : '',
      flags & INPUT_CONFLICT ? 'yes' : '',
      result.policy,
      ...keyColumns(result, inputs.key[i]),
      ...values.map((column) => targets.map((t) => text(column, t)).join(VALUES)),
    ]);
  }
}
