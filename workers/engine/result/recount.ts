import type { MapSummary } from '../../api';
import {
  INPUT_CONFLICT,
  INPUT_CONVERGENT,
  INPUT_EXCEL_DATE,
  STATUS_AMBIGUOUS,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../common/codes';

/** `summary` counted again over inputs whose statuses or pairs changed (a policy, a merge). */
export function recount(
  summary: MapSummary,
  status: Uint8Array,
  flags: Uint8Array,
  pairs: number,
): MapSummary {
  const counted = { ...summary, mapped: 0, ambiguous: 0, unmapped: 0, invalid: 0, pairs };
  counted.convergent = 0;
  counted.excelDates = 0;
  counted.conflicts = 0;
  for (let i = 0; i < status.length; i++) {
    if (status[i] === STATUS_MAPPED) counted.mapped++;
    else if (status[i] === STATUS_AMBIGUOUS) counted.ambiguous++;
    else if (status[i] === STATUS_UNMAPPED) counted.unmapped++;
    else counted.invalid++;
    if (flags[i] & INPUT_CONVERGENT) counted.convergent++;
    if (flags[i] & INPUT_EXCEL_DATE) counted.excelDates++;
    if (flags[i] & INPUT_CONFLICT) counted.conflicts++;
  }
  return counted;
}
