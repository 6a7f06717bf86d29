/**
 * The start of a file as the format recognisers read it: its lines (BOM, line ends and blank
 * lines dropped) and their cells, quotes honoured. Recognition looks at nothing else — there is
 * no file name to go by.
 */
import { splitHeader } from '../tables/header';

export interface FileHead {
  /** The non-blank lines of the head, without their line ends. */
  lines: string[];
  /** The head is the whole file: an ID type or organism absent from it is absent from the file. */
  whole: boolean;
}

/** A head with a header row: the `#` lines above it, its cells and the data rows below. */
export interface HeadTable {
  comments: string[];
  header: string[];
  rows: string[][];
}

export function readHead(text: string, fileBytes: number): FileHead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines: string[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') lines.push(line);
  }
  return { lines, whole: new TextEncoder().encode(text).length >= fileBytes };
}

/** A line's cells, cleaned as the table loader cleans them (spaces, invisible marks, quotes). */
export function cellsOf(line: string, delimiter = '\t'): string[] {
  return splitHeader(line, delimiter);
}

/** The header is the first line that is not a `#` line; later `#` lines are skipped. */
export function headTable(head: FileHead, delimiter = '\t'): HeadTable | undefined {
  const at = head.lines.findIndex((line) => !line.startsWith('#'));
  if (at < 0) return undefined;
  const header = cellsOf(head.lines[at], delimiter);
  return withLazyRows(head.lines.slice(0, at), header, () => head.lines.slice(at + 1), delimiter);
}

/**
 * A table whose rows are split on first use: most recognisers turn a file down by its header
 * alone, and splitting 256 KB of rows for each would cost more than all the rest.
 */
export function withLazyRows(
  comments: string[],
  header: string[],
  lines: () => string[],
  delimiter = '\t',
): HeadTable {
  let rows: string[][] | undefined;
  return {
    comments,
    header,
    get rows() {
      rows ??= lines()
        .filter((line) => !line.startsWith('#'))
        .map((line) => cellsOf(line, delimiter));
      return rows;
    },
  };
}

/** The cells of column `name` in every row (`''` where a row is short). */
export function columnValues(table: Pick<HeadTable, 'header' | 'rows'>, name: string): string[] {
  const index = table.header.indexOf(name);
  return index < 0 ? [] : table.rows.map((row) => row[index] ?? '');
}

/** Values that stand for nothing in these files (`-` in NCBI's, empty cells elsewhere). */
export function isBlank(value: string): boolean {
  return value === '' || value === '-';
}
