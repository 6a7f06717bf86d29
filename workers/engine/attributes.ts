/**
 * Extra output columns from attribute (untyped) columns: for each pair, the values that the
 * attribute's table lists beside the pair's target, e.g. the organs of a panel's accession.
 */
import type { AttributeRef, PackedStrings } from '../api';
import { StringsBuffer } from './buffers';
import type { PackedTable } from './table';

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

/** One string per pair: the attribute's distinct values beside its target, in file order. */
export function attributeValues(
  source: AttributeSource,
  targets: PackedStrings,
  pairs: number,
): PackedStrings {
  const { table, targetColumn, attributeColumn } = source;
  const dict = table.columns[targetColumn].dict;
  const values = table.columns[attributeColumn].dict;
  const csr = table.edges(targetColumn, attributeColumn);
  const out = new StringsBuffer(pairs * 8);
  for (let p = 0; p < pairs; p++) {
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
