/**
 * Inputs two ranked paths answer differently (#17): the run's walk compared each path that
 * answered with the next one ranked (run/rival-paths.ts); each input whose id one of them
 * disagrees on is flagged `INPUT_CONFLICT` and counted, and its reason gives the other answer.
 */
import type { MapResult } from '../../api';
import { INPUT_CONFLICT } from '../../common/codes';
import { firstMember, type IdReading } from '../ids/read-ids';
import type { Disagreement } from '../run/rival-paths';

export function markConflicts(
  result: Pick<MapResult, 'inputs' | 'summary'>,
  reading: IdReading,
  disagreements: Map<number, Disagreement>,
): void {
  if (disagreements.size === 0) return;
  // As the reason reads it: the id's first lookup key (a group's first member).
  const conflicted = new Uint8Array(reading.rowKeys);
  for (let k = 0; k < reading.rowKeys; k++)
    if (disagreements.has(firstMember(reading, k))) conflicted[k] = 1;
  const { inputs, summary } = result;
  for (let i = 0; i < inputs.count; i++) {
    if (!conflicted[inputs.key[i]]) continue;
    inputs.flags[i] |= INPUT_CONFLICT;
    summary.conflicts++;
  }
}
