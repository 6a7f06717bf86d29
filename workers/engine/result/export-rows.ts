/**
 * The rows an export writes, cell by cell in column order into a sink: `long`, one per
 * input–target pair plus one per input without any (EXPORT_COLUMNS), or `wide` (#16), one per
 * input, its targets and their attribute values joined by `|`. No object per row or cell: rows
 * built as records of twenty spread properties cost 26 µs each in V8 (a million-row export took
 * 28 s in Node), as arrays of cells ~1.5 µs, as calls into the sink ~1 µs. Cells go by position,
 * so a type named like a standard column (`input`) can never overwrite it.
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

/**
 * Where a row's cells go, one call per cell in column order, then `end`: packed cells are an
 * id's UTF-8 bytes in the run's arrays, written as they are (delimited-writer.ts) or decoded.
 */
export interface CellSink {
  text(value: string): void;
  number(value: number): void;
  packed(bytes: Uint8Array, start: number, end: number): void;
  end(): void;
}

interface Strings {
  bytes: Uint8Array;
  offsets: Int32Array;
}

const decoder = new TextDecoder();
/** Between the values of one cell of the wide layout. */
const VALUES = '|';

/** The long layout's columns: the standard ones, then one per attribute column (its label). */
export function longColumns(result: MapResult): string[] {
  return [...EXPORT_COLUMNS, ...result.attributes.labels];
}

/**
 * Writes the rows of inputs `from` to `to` (exclusive), in order; `input_index` counts from
 * `indexOffset + 1` (a shard's rows numbered as in the whole list).
 */
export function eachRow(
  result: MapResult,
  out: CellSink,
  from = 0,
  to = result.inputs.count,
  indexOffset = 0,
): void {
  const { inputs, pairs, policy } = result;
  const { values } = result.attributes;
  const targets = pairs.target.strings;
  for (let i = from; i < to; i++) {
    const status = STATUS_NAMES[inputs.status[i]];
    const flags = inputs.flags[i];
    const duplicate = flags & INPUT_DUPLICATE ? 'yes' : '';
    const excelDate = flags & INPUT_EXCEL_DATE ? 'yes' : '';
    const conflict = flags & INPUT_CONFLICT ? 'yes' : '';
    const k = inputs.key[i];
    const start = inputs.pairStart[i];
    const end = inputs.pairStart[i + 1];
    if (start === end) {
      out.number(indexOffset + i + 1);
      packedAt(out, inputs.text, i);
      out.text(status);
      for (let c = 0; c < 5; c++) out.text(''); // target, path, via, match, confidence
      out.text(duplicate);
      out.text(''); // convergent
      out.text(''); // round_trip
      out.text(excelDate);
      out.text(''); // reviewed
      out.text(policy);
      out.text(''); // target_type
      out.text(conflict);
      keyCells(out, result, k);
      for (let a = 0; a < values.length; a++) out.text('');
      out.end();
    }
    for (let p = start; p < end; p++) {
      const pairFlags = pairs.flags[p];
      const target = pairs.target.index[p];
      out.number(indexOffset + i + 1);
      packedAt(out, inputs.text, i);
      out.text(status);
      packed(out, targets, target);
      out.text(result.paths[pairs.path[p]].label);
      packedAt(out, pairs.via, p);
      out.text(result.matchTypes[pairs.match[p]]);
      out.number(Number(pairs.confidence[p].toFixed(3)));
      out.text(duplicate);
      out.text(pairFlags & PAIR_CONVERGENT ? 'yes' : '');
      out.text(
        pairFlags & PAIR_ROUND_TRIP
          ? pairFlags & PAIR_CONFIRMED
            ? 'confirmed'
            : 'not confirmed'
          : '',
      );
      out.text(excelDate);
      out.text(REVIEW_WORDS[result.reviewed?.[target] ?? REVIEW_UNKNOWN]);
      out.text(policy);
      out.text(result.targets[pairs.targetType[p]]);
      out.text(conflict);
      keyCells(out, result, k);
      for (const column of values) packed(out, column, target);
      out.end();
    }
  }
}

/** What the run made of the input's id: its type, the id as looked up and why it missed. */
function keyCells(out: CellSink, result: MapResult, k: number): void {
  const type = result.keys.type[k];
  out.text(type === NO_TYPE ? '' : result.sourceTypes[type]);
  packed(out, result.keys.normalised, k);
  out.text(result.reasons[result.keys.reason[k]]);
}

/** The `reviewed` column: what a table says of a UniProt target (empty: none says). */
const REVIEW_WORDS = { [REVIEW_UNKNOWN]: '', [REVIEWED]: 'yes', [UNREVIEWED]: 'no' } as Record<
  number,
  string
>;

/** Row i's string of an indexed column. */
function packedAt(out: CellSink, column: IndexedStrings, i: number): void {
  packed(out, column.strings, column.index[i]);
}

function packed(out: CellSink, strings: Strings, i: number): void {
  out.packed(strings.bytes, strings.offsets[i], strings.offsets[i + 1]);
}

function text(strings: Strings, i: number): string {
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
  out: CellSink,
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
    const flags = inputs.flags[i];
    out.number(indexOffset + i + 1);
    packedAt(out, inputs.text, i);
    out.text(STATUS_NAMES[inputs.status[i]]);
    for (const ofType of byType)
      out.text(ofType.map((t) => text(pairs.target.strings, t)).join(VALUES));
    out.text(flags & INPUT_DUPLICATE ? 'yes' : '');
    out.text(flags & INPUT_EXCEL_DATE ? 'yes' : '');
    out.text(flags & INPUT_CONFLICT ? 'yes' : '');
    out.text(result.policy);
    keyCells(out, result, inputs.key[i]);
    for (const column of values) out.text(byType[0].map((t) => text(column, t)).join(VALUES));
    out.end();
  }
}
