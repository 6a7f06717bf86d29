/** Numeric codes inside `MapResult` (see api.ts), shared by the worker and the UI. */

export const STATUS_NAMES = ['mapped', 'ambiguous', 'unmapped', 'invalid'] as const;
export type StatusName = (typeof STATUS_NAMES)[number];
export const STATUS_MAPPED = 0;
export const STATUS_AMBIGUOUS = 1;
export const STATUS_UNMAPPED = 2;
export const STATUS_INVALID = 3;

export const INPUT_DUPLICATE = 1;
export const INPUT_CONVERGENT = 2;
/** A gene symbol a spreadsheet turned into a date (`1-Mar`, `7-Sep`, `2023-09-07`). */
export const INPUT_EXCEL_DATE = 4;
/** Two ranked paths answer the input with different targets (#17; the reason gives the other's). */
export const INPUT_CONFLICT = 8;

export const PAIR_CONVERGENT = 1;
export const PAIR_ROUND_TRIP = 2;
export const PAIR_CONFIRMED = 4;

/** `MapResult.keys.type` of an id shaped like no known type. */
export const NO_TYPE = 255;

/** `MapResult.reviewed`: what a table says of a UniProt target (#16). */
export const REVIEW_UNKNOWN = 0;
export const REVIEWED = 1;
export const UNREVIEWED = 2;
