/**
 * Extra output columns from attribute (untyped) columns: for each pair, the values that the
 * attribute's table lists beside the pair's target, e.g. the organs of a panel's accession.
 */
import type { AttributeRef, IndexedStrings, MapResult, PackedStrings } from '../../api';
import { StringsBuffer } from '../packed/growable-buffers';
import { fail } from '../errors';
import type { RegisteredTable } from '../plan/type-graph';
import type { PackedTable } from '../tables/packed-table';

export interface AttributeSource {
  ref: AttributeRef;
  table: PackedTable;
  /** The table's column of the target type, where targets are looked up. */
  targetColumn: number;
  attributeColumn: number;
}

const SEPARATOR = new TextEncoder().encode('; ');

export function attributeLabel(ref: AttributeRef): string {
  return `${ref.column} (${ref.table})`;
}

/**
 * One string per distinct target: the attribute's distinct values beside it, in file order. Pairs
 * read theirs through their target's index.
 */
export function attributeValues(source: AttributeSource, targets: PackedStrings): PackedStrings {
  const count = targets.offsets.length - 1;
  const { table, targetColumn, attributeColumn } = source;
  const dict = table.columns[targetColumn].dict;
  const values = table.columns[attributeColumn].dict;
  const csr = table.edges(targetColumn, attributeColumn);
  const out = new StringsBuffer(count * 8);
  for (let p = 0; p < count; p++) {
    const id = dict.lookup(
      targets.bytes.subarray(targets.offsets[p], targets.offsets[p + 1]),
      0,
      targets.offsets[p + 1] - targets.offsets[p],
    );
    if (id >= 0) {
      for (let j = csr.start[id]; j < csr.start[id + 1]; j++) {
        if (j > csr.start[id]) out.append(SEPARATOR);
        values.writeTo(csr.target[j], out);
      }
    }
    out.end();
  }
  return out.toPacked();
}

/** Untyped columns of the tables that hold a column of the target type. */
export function attributesFor(tables: RegisteredTable[], target: string): AttributeRef[] {
  const refs: AttributeRef[] = [];
  for (const table of tables) {
    if (!table.columns.some((c) => c.type === target)) continue;
    for (const c of table.columns) if (!c.type) refs.push({ table: table.name, column: c.name });
  }
  return refs;
}

/** Checks `ref` names an attribute of a table holding `target` ids; returns that column's name. */
export function attributeSpec<T extends RegisteredTable>(
  spec: T,
  ref: AttributeRef,
  target: string,
): { spec: T; targetColumn: string } {
  const targetColumn = spec.columns.find((c) => c.type === target)?.name;
  if (!targetColumn || !spec.columns.some((c) => c.name === ref.column && !c.type)) {
    fail(
      'bad-request',
      `Table "${ref.table}" has no attribute column "${ref.column}" for ${target} ids.`,
    );
  }
  return { spec, targetColumn };
}

export function attributeColumns(
  sources: AttributeSource[],
  pairs: { target: IndexedStrings },
): MapResult['attributes'] {
  return {
    refs: sources.map((s) => s.ref),
    labels: sources.map((s) => attributeLabel(s.ref)),
    values: sources.map((s) => attributeValues(s, pairs.target.strings)),
  };
}
