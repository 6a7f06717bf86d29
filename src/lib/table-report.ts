/**
 * A ValidationReport in sentences a biologist reads: what each column holds and what was odd
 * about it, how the columns relate (one-to-many, many-to-one), and the rows that did not fit.
 * Only counts above zero are problems, but every problem the engine reported is shown.
 */
import type { ColumnReport, RelationReport, ValidationReport } from '../../workers/api';
import { formatCount } from './format';

/** `1 row`, `2 rows`, with thousands separators. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

function examples(values: readonly (string | number)[], max = 3): string {
  const shown = values
    .slice(0, max)
    .map((value) => (typeof value === 'string' ? `“${value}”` : value));
  return shown.join(', ');
}

function withExamples(text: string, values: readonly (string | number)[]): string {
  return values.length > 0 ? `${text} (e.g. ${examples(values)})` : text;
}

/** The table as a whole: rows, duplicates, ragged rows. */
export function tableLine(report: ValidationReport): string {
  const parts = [plural(report.rows, 'row')];
  parts.push(
    report.duplicateRows > 0
      ? `${plural(report.duplicateRows, 'duplicate row')} (kept once)`
      : 'no duplicate rows',
  );
  return parts.join(', ');
}

/** Rows whose number of fields differs from the header's, or null when there are none. */
export function raggedLine(report: ValidationReport): string | null {
  if (report.raggedRows === 0) return null;
  const rows = report.raggedExamples.slice(0, 10).map(formatCount).join(', ');
  const more = report.raggedRows > report.raggedExamples.length ? ', …' : '';
  const which = rows ? ` (data ${report.raggedRows === 1 ? 'row' : 'rows'} ${rows}${more})` : '';
  return `${plural(report.raggedRows, 'row has', 'rows have')} more or fewer fields than the header${which}.`;
}

/** What a column holds, then each oddity found in it. */
export function columnLines(column: ColumnReport, typeLabel: string): string[] {
  const lines = [`${plural(column.distinct, 'distinct id')}`];
  if (column.blank > 0) lines.push(`${plural(column.blank, 'blank cell')}`);
  if (column.placeholder > 0) {
    lines.push(
      withExamples(`${plural(column.placeholder, 'placeholder cell')}`, column.placeholderExamples),
    );
  }
  if (column.repaired > 0) {
    lines.push(
      `${plural(column.repaired, 'cell')} repaired (stray spaces, invisible characters or quotes removed)`,
    );
  }
  if (column.invalid > 0) {
    lines.push(
      withExamples(
        `${plural(column.invalid, 'id')} not shaped like a ${typeLabel}`,
        column.invalidExamples,
      ),
    );
  }
  if (column.compositeCells > 0) {
    lines.push(`${plural(column.compositeCells, 'composite cell')} split into several ids`);
  }
  return lines;
}

/** Whether a column report has anything beyond its distinct count worth a look. */
export function columnHasProblems(column: ColumnReport): boolean {
  return column.blank + column.placeholder + column.repaired + column.invalid > 0;
}

function several(count: number, key: string, value: string, example?: string): string {
  if (count === 0) return `each ${key} has one ${value}`;
  const text = `${formatCount(count)} ${key} with several ${value}`;
  // The engine's example reads `P12532 (CKMT1A, CKMT1B)`: the key and its values.
  return example ? `${text}, e.g. ${example}` : text;
}

/** `N uniprot with several gene, e.g. X (a, b)` both ways, or that each has one. */
export function relationLines(relation: RelationReport): string[] {
  const { from, to } = relation;
  return [
    `${plural(relation.pairs, 'pair')} of ${from} and ${to}`,
    several(relation.fromWithSeveral, from, to, relation.fromExample),
    several(relation.toWithSeveral, to, from, relation.toExample),
  ];
}
