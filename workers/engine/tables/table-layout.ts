/**
 * How a table's file becomes packed columns (#14). Most files are read column for column; the
 * field's own files need more: a column of `DB:id` values feeding one column per type (gene_info's
 * `dbXrefs`), rows in long form (key, ID type, value: UniProt's idmapping.dat), a hub column every
 * value of a row relates to, and rows kept by a column's value (one SSSOM predicate per table).
 * The type graph sees the packed columns this module names; the builder reads files by its rules.
 */
import type { CatalogColumn, CatalogTable, HistoryColumns } from './catalog';

/** What the builder does with one field of the file. */
export interface FieldInput {
  /** The packed column the field's values go to (-1: none; see `routes`). */
  slot: number;
  separator?: string;
  /** `DB:id` values: DB → packed column; values with another prefix are dropped. */
  routes?: Map<string, number>;
  /** The field is read whole for the row's long form or row filter (see `RowRules`). */
  capture?: 'long-type' | 'long-value' | 'filter';
}

export interface RowRules {
  /** Long form: the ID type named in the row → packed column of its values. */
  longSlots?: Map<string, number>;
  /** Keep only rows whose filter field is one of these (after cleaning) … */
  keepValues?: Set<string>;
  /** … or none of these. */
  dropValues?: Set<string>;
  /** The packed column every value of a row relates to (one record per value), or -1. */
  hub: number;
}

/** Rows kept by a column's value: those with one of `keep`, or none of `drop`. */
export interface RowFilter {
  column: string;
  keep?: string[];
  drop?: string[];
}

export interface TableLayout {
  /** The packed table's columns, typed ones first, in the order the builder fills them. */
  columns: CatalogColumn[];
  /** Columns that may hold no id at all (a history's successors, when every id was withdrawn). */
  optional: string[];
  inputs: (FieldInput | null)[];
  rows: RowRules;
}

/** The packed columns of a table: what the type graph and the path planner see. */
export function packedColumns(spec: Pick<CatalogTable, 'columns' | 'long'>): CatalogColumn[] {
  const typed: CatalogColumn[] = [];
  const attributes: CatalogColumn[] = [];
  const add = (column: CatalogColumn) => {
    if (!typed.some((c) => c.name === column.name)) typed.push(column);
  };
  if (spec.long) {
    add({ name: spec.long.key, type: spec.long.keyType });
    for (const [type, idTypes] of byType(spec.long.types)) add({ name: idTypes.join('+'), type });
  }
  for (const column of spec.columns) {
    if (column.prefixes) {
      for (const type of byType(column.prefixes).keys())
        add({ name: routedName(column.name, type), type });
    } else if (column.type) add({ name: column.name, type: column.type });
    else attributes.push({ name: column.name });
  }
  return [...typed, ...attributes];
}

/** The packed column a prefix route of `column` fills for `type`: `dbXrefs:omim`. */
export function routedName(column: string, type: string): string {
  return `${column}:${type}`;
}

/**
 * The builder's rules for a file whose header (its own or the spec's) is `header`; the caller
 * has checked that every column the spec names is in it.
 */
export function tableLayout(
  spec: Pick<CatalogTable, 'columns' | 'long' | 'hub'> & { history?: HistoryColumns },
  header: string[],
  filter?: RowFilter,
): TableLayout {
  const columns = packedColumns(spec);
  const slotOf = (name: string) => columns.findIndex((c) => c.name === name);
  const inputs: (FieldInput | null)[] = header.map(() => null);
  const field = (name: string) => header.indexOf(name);
  const rows: RowRules = { hub: -1 };
  if (spec.long) {
    const { key, typeColumn, value, types } = spec.long;
    inputs[field(key)] = { slot: slotOf(key) };
    inputs[field(typeColumn)] = { slot: -1, capture: 'long-type' };
    inputs[field(value)] = { slot: -1, capture: 'long-value' };
    rows.longSlots = new Map(
      [...byType(types)].flatMap(([, idTypes]) =>
        idTypes.map((idType): [string, number] => [idType, slotOf(idTypes.join('+'))]),
      ),
    );
    rows.hub = slotOf(key);
  }
  for (const column of spec.columns) {
    const at = field(column.name);
    if (column.prefixes) {
      const routes = new Map(
        Object.entries(column.prefixes).map(([db, type]): [string, number] => [
          db,
          slotOf(routedName(column.name, type)),
        ]),
      );
      inputs[at] = { slot: -1, separator: column.separator, routes };
    } else inputs[at] = { slot: slotOf(column.name), separator: column.separator };
  }
  if (spec.hub) rows.hub = slotOf(spec.hub);
  if (filter) {
    const at = field(filter.column);
    // The filter column may also be an attribute: it then keeps its slot and is captured too.
    inputs[at] = { slot: inputs[at]?.slot ?? -1, capture: 'filter' };
    if (filter.keep) rows.keepValues = new Set(filter.keep);
    if (filter.drop) rows.dropValues = new Set(filter.drop);
  }
  const optional = spec.history ? [spec.history.new ?? 'new'] : [];
  return { columns, optional, inputs, rows };
}

/** The names of the spec's columns a file must have, for a clear error when one is missing. */
export function requiredColumns(
  spec: Pick<CatalogTable, 'columns' | 'long'>,
  filter?: { column: string },
): string[] {
  const names = spec.columns.map((c) => c.name);
  if (spec.long) names.push(spec.long.key, spec.long.typeColumn, spec.long.value);
  if (filter) names.push(filter.column);
  return [...new Set(names)];
}

/** `{ GeneID: 'entrez', RefSeq: 'refseq', RefSeq_NT: 'refseq' }` → refseq: [RefSeq, RefSeq_NT]. */
function byType(routes: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, type] of Object.entries(routes)) {
    const list = out.get(type) ?? [];
    list.push(name);
    out.set(type, list);
  }
  return out;
}
