/**
 * The rows an export writes, as records keyed by column name: `long`, one per input–target pair
 * plus one per input without any (export.ts's EXPORT_COLUMNS), or `wide` (#16), one per input,
 * its targets and their attribute values joined by `|`.
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

/** The standard columns, then one per requested attribute column (named by its label). */
export type Row = Record<string, string | number>;

const decoder = new TextDecoder();
/** Between the values of one cell of the wide layout. */
const VALUES = '|';

export function eachRow(result: MapResult, visit: (row: Row) => void): void {
  const { inputs, pairs } = result;
  for (let i = 0; i < inputs.count; i++) {
    const base = {
      input_index: i + 1,
      input: at(inputs.text, i),
      status: STATUS_NAMES[inputs.status[i]],
      duplicate: inputs.flags[i] & INPUT_DUPLICATE ? 'yes' : '',
      excel_date: inputs.flags[i] & INPUT_EXCEL_DATE ? 'yes' : '',
      conflict: inputs.flags[i] & INPUT_CONFLICT ? 'yes' : '',
      ...keyColumns(result, inputs.key[i]),
      policy: result.policy,
    };
    const { labels, values } = result.attributes;
    const start = inputs.pairStart[i];
    const end = inputs.pairStart[i + 1];
    if (start === end) {
      visit({
        ...base,
        target: '',
        target_type: '',
        path: '',
        via: '',
        match: '',
        confidence: '',
        convergent: '',
        round_trip: '',
        reviewed: '',
        ...Object.fromEntries(labels.map((label) => [label, ''])),
      });
    }
    for (let p = start; p < end; p++) {
      const flags = pairs.flags[p];
      visit({
        ...base,
        target: at(pairs.target, p),
        target_type: result.targets[pairs.targetType[p]],
        path: result.paths[pairs.path[p]].label,
        via: at(pairs.via, p),
        match: result.matchTypes[pairs.match[p]],
        confidence: Number(pairs.confidence[p].toFixed(3)),
        convergent: flags & PAIR_CONVERGENT ? 'yes' : '',
        round_trip:
          flags & PAIR_ROUND_TRIP ? (flags & PAIR_CONFIRMED ? 'confirmed' : 'not confirmed') : '',
        reviewed: REVIEW_WORDS[result.reviewed?.[pairs.target.index[p]] ?? REVIEW_UNKNOWN],
        ...Object.fromEntries(
          labels.map((label, a) => [label, text(values[a], pairs.target.index[p])]),
        ),
      });
    }
  }
}

/** What the run made of the input's id: its type, the id as looked up and why it missed. */
function keyColumns(result: MapResult, k: number) {
  const { keys } = result;
  const type = keys.type[k];
  return {
    source_type: type === NO_TYPE ? '' : result.sourceTypes[type],
    normalised: text(keys.normalised, k),
    reason: result.reasons[keys.reason[k]],
  };
}

/** The `reviewed` column: what a table says of a UniProt target (empty: none says). */
const REVIEW_WORDS = { [REVIEW_UNKNOWN]: '', [REVIEWED]: 'yes', [UNREVIEWED]: 'no' } as Record<
  number,
  string
>;

/** Row i's string of an indexed column. */
function at(column: IndexedStrings, i: number): string {
  return text(column.strings, column.index[i]);
}

function text(packed: { bytes: Uint8Array; offsets: Int32Array }, i: number): string {
  return decoder.decode(packed.bytes.subarray(packed.offsets[i], packed.offsets[i + 1]));
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
export function eachWideRow(result: MapResult, visit: (row: Row) => void): void {
  const { inputs, pairs } = result;
  const { labels, values } = result.attributes;
  for (let i = 0; i < inputs.count; i++) {
    const byType: number[][] = result.targets.map(() => []);
    for (let p = inputs.pairStart[i]; p < inputs.pairStart[i + 1]; p++) {
      const t = pairs.target.index[p];
      const ofType = byType[pairs.targetType[p]];
      if (!ofType.includes(t)) ofType.push(t);
    }
    const targets = byType[0];
    visit({
      input_index: i + 1,
      input: at(inputs.text, i),
      status: STATUS_NAMES[inputs.status[i]],
      ...Object.fromEntries(
        result.targets.map((type, j) => [
          type,
          byType[j].map((t) => text(pairs.target.strings, t)).join(VALUES),
        ]),
      ),
      duplicate: inputs.flags[i] & INPUT_DUPLICATE ? 'yes' : '',
      excel_date: inputs.flags[i] & INPUT_EXCEL_DATE ? 'yes' : '',
      conflict: inputs.flags[i] & INPUT_CONFLICT ? 'yes' : '',
      policy: result.policy,
      ...keyColumns(result, inputs.key[i]),
      ...Object.fromEntries(
        labels.map((label, a) => [label, targets.map((t) => text(values[a], t)).join(VALUES)]),
      ),
    });
  }
}
