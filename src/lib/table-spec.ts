/**
 * The spec of a table being added, as the user edits it: one draft per column (its chosen type,
 * a new type's name, whether to split composite cells), turned into the engine's `UserTableSpec`
 * and checked for problems before any call to the worker.
 */
import type { IdTypeId, TablePreview, UserTableSpec } from '../../workers/api';
import { tableNameProblem } from '../../workers/common/table-name';
import { newTypeIdProblem, suggestTypeId } from './type-id';

/** The choice of a column that is kept as an attribute, not indexed. */
export const ATTRIBUTE = '';
/** The choice that reveals a text input for a new type's id. */
export const NEW_TYPE = '+new';
/** The choice of a column of `DB:id` values that feeds one column per prefix (gene_info's dbXrefs). */
export const BY_PREFIX = '+prefixes';
/** The separator of composite cells (`"liver, kidney"`) when a column is split. */
export const CELL_SEPARATOR = ',';

/** The list separators a column may declare (#14 item 2): `,` `;` `|` or a space. */
export const LIST_SEPARATORS = [
  { value: ',', label: '“,”' },
  { value: ';', label: '“;”' },
  { value: '|', label: '“|”' },
  { value: ' ', label: 'a space' },
] as const;

export const DELIMITERS = [
  { value: ',', label: 'comma' },
  { value: '\t', label: 'tab' },
  { value: ';', label: 'semicolon' },
  { value: '|', label: 'pipe' },
] as const;

export interface ColumnDraft {
  name: string;
  /** ATTRIBUTE, NEW_TYPE or a known type id. */
  choice: string;
  /** The id typed for a new type (used when `choice` is NEW_TYPE). */
  newType: string;
  split: boolean;
  /** Why the engine suggested what it did. */
  reason: string;
  /** The list separator the column is split on (CELL_SEPARATOR unless chosen or proposed). */
  separator?: string;
  /** `DB:id` prefixes the column routes (`MIM → omim`), when it does. */
  routes?: string;
  /** The fallback tier the column is (`previous`, `alias`). */
  tier?: string;
  /** A long-form file's ID type or value column: read by the format, not typed. */
  role?: 'ID type' | 'value';
  /** Several values for one id are all meant (#16): reaching them is not ambiguity. */
  manyValued?: boolean;
}

/** One draft per header column, set to the preview's suggestions (a recognised file's proposal). */
export function draftColumns(preview: TablePreview, knownIds: IdTypeId[]): ColumnDraft[] {
  const format = preview.format;
  return preview.header.map((name) => {
    const suggestion = preview.suggestions.find((s) => s.column === name);
    const proposed = format?.spec.columns.find((c) => c.name === name);
    const long = format?.spec.long;
    const type = long?.key === name ? long.keyType : format ? proposed?.type : suggestion?.type;
    const known = type !== undefined && knownIds.includes(type);
    const choice = proposed?.prefixes
      ? BY_PREFIX
      : type === undefined
        ? ATTRIBUTE
        : known
          ? type
          : NEW_TYPE;
    return {
      name,
      choice,
      newType: type !== undefined && !known ? type : suggestTypeId(name),
      split: proposed?.separator !== undefined,
      reason: suggestion?.reason ?? '',
      ...(proposed?.separator !== undefined ? { separator: proposed.separator } : {}),
      ...(proposed?.prefixes ? { routes: routesText(proposed.prefixes) } : {}),
      ...(proposed?.tier ? { tier: proposed.tier } : {}),
      ...(long?.typeColumn === name ? { role: 'ID type' as const } : {}),
      ...(long?.value === name ? { role: 'value' as const } : {}),
    };
  });
}

function routesText(prefixes: Record<string, IdTypeId>): string {
  return Object.entries(prefixes)
    .map(([db, type]) => `${db} → ${type}`)
    .join(', ');
}

/**
 * A few distinct, non-blank values of column `index` from the preview rows (shown next to the
 * column's type; cells may hold commas themselves, so the caller sets them apart).
 */
export function columnExamples(rows: string[][], index: number, max = 3): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row[index]?.trim();
    if (value) values.add(value);
    if (values.size === max) break;
  }
  return [...values];
}

/** The type a draft gives its column, or undefined for an attribute. */
export function columnType(column: ColumnDraft): IdTypeId | undefined {
  if (column.choice === ATTRIBUTE || column.choice === BY_PREFIX || column.role) return undefined;
  if (column.choice === NEW_TYPE) return column.newType.trim();
  return column.choice;
}

export interface TableDraft {
  name: string;
  priority: number;
  /** The delimiter chosen, and the one the engine detected (no override when they agree). */
  delimiter: string;
  detectedDelimiter: string;
  columns: ColumnDraft[];
}

export function buildSpec(draft: TableDraft): UserTableSpec {
  const spec: UserTableSpec = {
    name: draft.name.trim(),
    columns: draft.columns.map((column) => {
      const type = columnType(column);
      if (type === undefined) return { name: column.name };
      return {
        name: column.name,
        type,
        ...(column.split ? { separator: column.separator ?? CELL_SEPARATOR } : {}),
        ...(column.manyValued ? { manyValued: true } : {}),
      };
    }),
    priority: draft.priority,
  };
  if (draft.delimiter !== draft.detectedDelimiter) spec.delimiter = draft.delimiter;
  return spec;
}

/** Everything that stops the draft from being checked, in words; empty when it can be. */
export function draftProblems(
  draft: TableDraft,
  knownTypeIds: IdTypeId[],
  tableNames: string[],
): string[] {
  const problems: string[] = [];
  const nameProblem = tableNameProblem(draft.name, tableNames);
  if (nameProblem) problems.push(nameProblem);
  if (!Number.isInteger(draft.priority)) problems.push('The priority must be a whole number.');
  for (const column of draft.columns) {
    if (column.choice !== NEW_TYPE) continue;
    const problem = newTypeIdProblem(column.newType.trim(), knownTypeIds);
    if (problem) problems.push(`Column “${column.name}”: ${problem}`);
  }
  const typed = draft.columns.filter((column) => columnType(column) !== undefined);
  if (typed.length < 2) {
    problems.push(
      'At least two columns need an identifier type: a lookup table maps one type to another.',
    );
  }
  const seen = new Map<IdTypeId, string>();
  for (const column of typed) {
    const type = columnType(column) ?? '';
    const first = seen.get(type);
    if (first === undefined) seen.set(type, column.name);
    else if (type) {
      problems.push(
        `Columns “${first}” and “${column.name}” have the same type (${type}); each typed column needs its own type.`,
      );
    }
  }
  return problems;
}
