/**
 * A table's header row as column names. The preview, the validation and the loader all name
 * columns through here, so a header like `gene, uniprot` means `uniprot` everywhere.
 */
import { cleanCell } from '../../common/normalize';
import { fail } from '../errors';

/** A header cell as a column name: cleaned like every cell (spaces, invisible marks, quotes). */
export function columnName(cell: string): string {
  return cleanCell(cell).value;
}

/** The header line's cells, RFC 4180 quotes honoured, as column names. */
export function splitHeader(headerText: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < headerText.length; i++) {
    const ch = headerText[i];
    if (quoted) {
      if (ch === '"' && headerText[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map(columnName);
}

/** Refuses a header that gives one of the `used` names to several columns (which one is meant?). */
export function assertDistinctColumns(table: string, header: string[], used: string[]): void {
  for (const name of new Set(used)) {
    const at = header.flatMap((cell, i) => (cell === name ? [i + 1] : []));
    if (at.length > 1) {
      fail(
        'unreadable-file',
        `Table "${table}" has ${at.length} columns named "${name}" (columns ${at.join(' and ')}); rename them so that each column has its own name.`,
      );
    }
  }
}
