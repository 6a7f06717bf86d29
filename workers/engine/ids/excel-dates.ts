/**
 * Gene symbols that spreadsheets silently turn into dates: SEPT7 → `7-Sep`, MARCH1 → `1-Mar`,
 * and the same as full dates (`2023-09-07`). They cannot be mapped back with certainty, so they
 * are flagged and named in a note instead of failing quietly as "unmapped".
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)';
const EXCEL_DATE = new RegExp(
  `^(?:\\d{1,2}-${MONTH}|${MONTH}-\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})$`,
  'i',
);

/** Families whose symbols Excel converts, by month abbreviation (current HGNC names first). */
const FAMILIES: Record<string, string> = {
  sep: 'SEPTIN (formerly SEPT)',
  mar: 'MARCHF (formerly MARCH)',
  dec: 'DELEC (formerly DEC)',
};

export function looksLikeExcelDate(key: string): boolean {
  return EXCEL_DATE.test(key);
}

/** A note naming the flagged inputs and the families they probably came from. */
export function excelDateNote(keys: string[]): string {
  const families = new Set<string>();
  for (const key of keys) {
    const month = /[a-z]{3}/i.exec(key)?.[0].toLowerCase();
    if (month && FAMILIES[month]) families.add(FAMILIES[month]);
  }
  const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
  const hint = families.size > 0 ? ` (probably ${[...families].join(' or ')} symbols)` : '';
  return `${keys.length} inputs look like gene symbols a spreadsheet turned into dates${hint}: ${shown}. Fix them in the source file; they were left unmapped unless a table lists them as they are.`;
}

/**
 * Flags unmapped symbol inputs shaped like dates (1 per key) and returns them. Only symbols suffer
 * this (SEPT7 → 7-Sep); a date among UniProt ids is simply invalid.
 */
export function markExcelDates(
  source: string,
  keys: { size: number; get(k: number): string },
  mapped: (k: number) => boolean,
): { flags: Uint8Array; keys: string[] } {
  const flags = new Uint8Array(keys.size);
  const flagged: string[] = [];
  if (source !== 'symbol') return { flags, keys: flagged };
  for (let k = 0; k < keys.size; k++) {
    if (mapped(k) || !looksLikeExcelDate(keys.get(k))) continue;
    flags[k] = 1;
    flagged.push(keys.get(k));
  }
  return { flags, keys: flagged };
}
