/**
 * Names for tables the user adds: the default comes from the file name, and a name must be
 * non-empty and unique among the catalog's tables (compared without regard to case, so `Panel`
 * and `panel` never both appear in the tables list).
 */

const MAX_NAME_LENGTH = 80;
const TEXT_EXTENSION = /\.(?:csv|tsv|tab|txt)$/i;

/** `panel.csv.gz` → `panel`: the file name without folders, `.gz` and a text extension. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.gz$/i, '').replace(TEXT_EXTENSION, '').trim();
}

function takenSet(taken: Iterable<string>): Set<string> {
  return new Set([...taken].map((name) => name.toLowerCase()));
}

/** The file's stem, with `-2`, `-3`, … appended if a table of that name exists already. */
export function defaultTableName(fileName: string, taken: Iterable<string>): string {
  const stem = fileStem(fileName).slice(0, MAX_NAME_LENGTH - 4) || 'my-table';
  const names = takenSet(taken);
  if (!names.has(stem.toLowerCase())) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** Why `name` cannot be used for a new table, in words, or null when it can. */
export function tableNameProblem(name: string, taken: Iterable<string>): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the table a name.';
  if (trimmed.length > MAX_NAME_LENGTH) {
    return `The table name is too long (at most ${MAX_NAME_LENGTH} characters).`;
  }
  if (takenSet(taken).has(trimmed.toLowerCase())) {
    return `A table named “${trimmed}” already exists; choose another name.`;
  }
  return null;
}
