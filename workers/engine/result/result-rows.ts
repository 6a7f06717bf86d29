/**
 * The results table's rows, built here in the worker so the page does no per-row work when a
 * result arrives: at a million rows, building and filtering them on the main thread froze the page
 * for a quarter of a second.
 */
import type { MapResult, ResultRows } from '../../api';
import { STATUS_NAMES } from '../../common/codes';

/**
 * One row per input–target pair, plus one for each input without pairs, in input order; and the
 * same rows grouped by their input's status (input order kept within a status), so a status
 * filter is a `subarray`.
 */
export function buildRows(
  inputs: Pick<MapResult['inputs'], 'count' | 'status' | 'pairStart'>,
): ResultRows {
  const { count: inputCount, pairStart, status } = inputs;
  const statusCount = STATUS_NAMES.length;
  const perStatus = new Int32Array(statusCount);
  let count = 0;
  for (let i = 0; i < inputCount; i++) {
    const rows = Math.max(1, pairStart[i + 1] - pairStart[i]);
    count += rows;
    perStatus[status[i]] += rows;
  }

  const statusStart = new Int32Array(statusCount + 1);
  for (let s = 0; s < statusCount; s++) statusStart[s + 1] = statusStart[s] + perStatus[s];
  const nextOfStatus = statusStart.slice(0, statusCount);

  const input = new Int32Array(count);
  const pair = new Int32Array(count);
  const byStatus = new Int32Array(count);
  let row = 0;
  for (let i = 0; i < inputCount; i++) {
    const first = pairStart[i];
    const end = Math.max(pairStart[i + 1], first + 1);
    const s = status[i];
    for (let j = first; j < end; j++) {
      input[row] = i;
      pair[row] = j < pairStart[i + 1] ? j : -1;
      byStatus[nextOfStatus[s]++] = row;
      row++;
    }
  }
  return { count, input, pair, byStatus, statusStart };
}
