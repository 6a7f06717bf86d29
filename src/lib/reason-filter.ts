/**
 * The results' reason filter: a run's reasons grouped by their phrase (the part before a
 * parenthesised detail), with counts of inputs, and the rows of the inputs with one phrase.
 * Both walk typed arrays only; the row pass runs only while a phrase is chosen.
 */
import type { MapResult } from '../../workers/api';
import type { RowSelection } from './row-model';
import { tallyInputs } from './tally';

export const ALL_REASONS = 'all';

export interface ReasonOption {
  phrase: string;
  /** Inputs (duplicates included) whose reason has this phrase. */
  inputs: number;
}

/**
 * `not in any table (close to TP53)` → `not in any table`; a phrase without detail as it is. A
 * run of several target types joins its types' reasons with `; ` (`entrez: not in any table
 * (close to A); uniprot: …`): each loses its own detail.
 */
export function reasonPhrase(reason: string): string {
  return reason.includes('; ') ? reason.split('; ').map(bare).join('; ') : bare(reason);
}

function bare(reason: string): string {
  const detail = reason.indexOf(' (');
  return detail > 0 && reason.endsWith(')') ? reason.slice(0, detail) : reason;
}

/** The phrases the run's inputs have, most inputs first (ties by phrase); one pass over inputs. */
export function reasonOptionsOf(result: MapResult): ReasonOption[] {
  const { reasons } = result;
  const counts = tallyInputs(result.inputs.key, result.keys.reason, reasons.length);
  const byPhrase = new Map<string, number>();
  // reasons[0] is '': simply mapped.
  for (let reason = 1; reason < reasons.length; reason++) {
    if (counts[reason] === 0) continue;
    const phrase = reasonPhrase(reasons[reason]);
    byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) + counts[reason]);
  }
  return [...byPhrase]
    .map(([phrase, inputs]) => ({ phrase, inputs }))
    .sort((a, b) => b.inputs - a.inputs || a.phrase.localeCompare(b.phrase));
}

/** The rows of `selection` whose input's reason has `phrase`, in order; one pass over them. */
export function selectByReason(
  result: MapResult,
  selection: RowSelection,
  phrase: string,
): RowSelection {
  const wanted = Uint8Array.from(result.reasons, (reason, index) =>
    index > 0 && reasonPhrase(reason) === phrase ? 1 : 0,
  );
  const rowInput = result.rows.input;
  const inputKey = result.inputs.key;
  const keyReason = result.keys.reason;
  const picked = new Int32Array(selection.length);
  let length = 0;
  for (let index = 0; index < selection.length; index++) {
    const row = selection.rowAt(index);
    if (wanted[keyReason[inputKey[rowInput[row]]]] === 1) picked[length++] = row;
  }
  const rows = picked.subarray(0, length);
  return { length, rowAt: (index) => rows[index] };
}
