/** The validation report of a parsed table, in the terms a biologist checks a lookup file by. */
import type { ColumnReport, RelationReport, ValidationReport } from '../../api';
import { idType } from '../ids/id-types';
import { StringDict } from '../packed/string-dict';
import { lookalikes } from './lookalikes';
import type { PackedTable } from '../tables/packed-table';

const EXAMPLES = 3;

/**
 * `hubOnly`: of a table with a hub column (a long-form file), only the hub's relations to each
 * other column. The others go through the hub, and composing them all for a streamed file's
 * eleven ID types took 10 s of a 24 s import in Chromium (#19).
 */
export function validationReport(table: PackedTable, hubOnly = false): ValidationReport {
  // Attribute (untyped) columns are carried along, not checked as ids.
  const typed = table.columns.map((_, c) => c).filter((c) => !table.columns[c].attribute);
  const columns = typed.map((c): ColumnReport => {
    const column = table.columns[c];
    const stats = table.stats.columns[c];
    const regex = idType(column.type).regex;
    const invalidExamples: string[] = [];
    let invalid = 0;
    if (regex) {
      const string = column.dict.stringGetter();
      for (let id = 0; id < column.dict.size; id++) {
        const value = string(id);
        if (regex.test(value)) continue;
        invalid++;
        if (invalidExamples.length < EXAMPLES) invalidExamples.push(value);
      }
    }
    return {
      name: column.name,
      type: column.type,
      distinct: column.dict.size,
      blank: stats.blank,
      placeholder: stats.placeholder,
      placeholderExamples: stats.placeholderExamples,
      repaired: stats.repaired,
      compositeCells: stats.compositeCells,
      invalid,
      invalidExamples,
      lookalikes: lookalikes(column.dict, column.type),
    };
  });
  const relations: RelationReport[] = [];
  for (let i = 0; i < typed.length; i++) {
    for (let j = i + 1; j < typed.length; j++) {
      const viaHub = table.hub >= 0 && typed[i] !== table.hub && typed[j] !== table.hub;
      if (!(hubOnly && viaHub)) relations.push(relationReport(table, typed[i], typed[j]));
    }
  }
  const duplicateRows = countDuplicateRecords(table, typed);
  return {
    table: table.name,
    rows: table.stats.rows,
    duplicateRows,
    raggedRows: table.stats.raggedRows,
    raggedExamples: table.stats.raggedExamples,
    columns,
    relations,
    findings: findings(table, columns, relations, duplicateRows),
  };
}

function relationReport(table: PackedTable, a: number, b: number): RelationReport {
  const stats = table.relation(a, b);
  return {
    from: stats.from,
    to: stats.to,
    pairs: stats.pairs,
    fromWithSeveral: stats.fromWithSeveral,
    fromExample: exampleWithSeveral(table, a, b),
    toWithSeveral: stats.toWithSeveral,
    toExample: exampleWithSeveral(table, b, a),
  };
}

/** `key (v1, v2)` for the first key of column `a` with several values in column `b`. */
function exampleWithSeveral(table: PackedTable, a: number, b: number): string | undefined {
  const csr = table.edges(a, b);
  for (let k = 0; k + 1 < csr.start.length; k++) {
    if (csr.start[k + 1] - csr.start[k] < 2) continue;
    const values = [...csr.target.subarray(csr.start[k], csr.start[k + 1])]
      .slice(0, 4)
      .map((v) => table.columns[b].dict.get(v));
    return `${table.columns[a].dict.get(k)} (${values.join(', ')})`;
  }
  return undefined;
}

/** Records whose typed values all repeat an earlier record's. */
function countDuplicateRecords(table: PackedTable, typed: number[]): number {
  const tuples = new StringDict(table.records);
  const tuple = new Int32Array(typed.length);
  const bytes = new Uint8Array(tuple.buffer);
  let duplicates = 0;
  for (let r = 0; r < table.records; r++) {
    for (let i = 0; i < typed.length; i++) tuple[i] = table.columns[typed[i]].ids[r];
    const before = tuples.size;
    tuples.intern(bytes, 0, bytes.length);
    if (tuples.size === before) duplicates++;
  }
  return duplicates;
}

function findings(
  table: PackedTable,
  columns: ColumnReport[],
  relations: RelationReport[],
  duplicateRows: number,
): string[] {
  const notes: string[] = [];
  const { raggedRows, raggedExamples } = table.stats;
  if (raggedRows > 0) {
    notes.push(
      `${count(raggedRows, 'row has', 'rows have')} a different number of fields than the header (row ${raggedExamples.join(', ')}${raggedRows > raggedExamples.length ? ', …' : ''}); missing fields were read as blank and extra fields ignored.`,
    );
  }
  if (duplicateRows > 0) {
    notes.push(
      `${count(duplicateRows, 'row repeats', 'rows repeat')} an earlier row's ids; they count once.`,
    );
  }
  for (const c of columns) {
    const examples = c.placeholderExamples.map((e) => `"${e}"`).join(', ');
    if (c.placeholder > 0) {
      notes.push(
        `${c.name}: ${count(c.placeholder, 'placeholder cell', 'placeholder cells')} (${examples}) not used as ids.`,
      );
    }
    if (c.repaired > 0) {
      notes.push(
        `${c.name}: ${count(c.repaired, 'cell', 'cells')} with stray spaces, invisible characters or quotes, removed.`,
      );
    }
    if (c.invalid > 0) {
      notes.push(
        `${c.name}: ${count(c.invalid, 'id is', 'ids are')} not shaped like ${c.type} ids (e.g. ${c.invalidExamples.join(', ')}); kept as they are.`,
      );
    }
    if (c.lookalikes) {
      const { type, ids, examples, sampled } = c.lookalikes;
      const among = sampled < c.distinct ? ` of the first ${sampled.toLocaleString('en-US')}` : '';
      notes.push(
        `${c.name}: ${count(ids, 'id looks', 'ids look')}${among} like ${idType(type).label} ids, not ${idType(c.type).label} ids (e.g. ${examples.join(', ')}): check the column's type; as it is, they are read as ${c.type}.`,
      );
    }
    if (c.compositeCells > 0) {
      notes.push(
        `${c.name}: ${count(c.compositeCells, 'cell', 'cells')} holding several ids, split.`,
      );
    }
  }
  for (const r of relations) {
    if (r.fromWithSeveral > 0) {
      notes.push(
        `${count(r.fromWithSeveral, `${r.from} value has`, `${r.from} values have`)} several ${r.to} values (one-to-many), e.g. ${r.fromExample}; all are kept.`,
      );
    }
    if (r.toWithSeveral > 0) {
      notes.push(
        `${count(r.toWithSeveral, `${r.to} value has`, `${r.to} values have`)} several ${r.from} values (many-to-one), e.g. ${r.toExample}; all are kept.`,
      );
    }
  }
  return notes;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
