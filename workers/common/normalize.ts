/**
 * Cell and input clean-up shared by every parser path, so the byte fast path and PapaParse give
 * identical tables: invisible characters out, Unicode white space trimmed, surrounding quotes
 * stripped, placeholder cells recognised.
 */

/** Cells that mean "no value" in the files our users bring; compared case-insensitively. */
export const PLACEHOLDERS = new Set([
  '',
  'na',
  'n/a',
  '#n/a',
  'nan',
  'null',
  '-',
  'no id',
  'nouniprot id',
]);

/**
 * Invisible, never part of an identifier: zero-width space and joiners, word joiner, BOM, the
 * soft hyphen and Mongolian vowel separator, and the direction and isolate marks (U+200E/F,
 * U+202A–E, U+2066–9) that text copied from right-to-left pages or PDFs carries.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\u201C': '\u201D',
  '\u2018': '\u2019',
};

export type CellOutcome = 'value' | 'blank' | 'placeholder';

export interface CleanCell {
  value: string;
  outcome: CellOutcome;
  /** White space, invisible characters or quotes were removed. */
  repaired: boolean;
}

/** Cleans one cell or pasted id. `String.prototype.trim` covers NBSP and the other Unicode spaces. */
export function cleanCell(raw: string): CleanCell {
  let value = raw.replace(INVISIBLE, '').trim();
  const close = QUOTE_PAIRS[value[0]];
  if (close !== undefined && value.length >= 2 && value[value.length - 1] === close) {
    value = value.slice(1, -1).replace(INVISIBLE, '').trim();
  }
  const repaired = value !== raw;
  if (value === '') return { value, outcome: 'blank', repaired };
  if (value.length <= 12 && PLACEHOLDERS.has(value.toLowerCase())) {
    return { value, outcome: 'placeholder', repaired };
  }
  return { value, outcome: 'value', repaired };
}

/** True when the ASCII bytes `src[start, end)` spell a placeholder (case-insensitive). */
export function isPlaceholderBytes(src: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length > 12) return false;
  const first = src[start];
  // Every placeholder starts with one of these; skip the decode for the usual id.
  if (first !== 78 && first !== 110 && first !== 45 && first !== 35) return false;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(src[i]);
  return PLACEHOLDERS.has(text.toLowerCase());
}
