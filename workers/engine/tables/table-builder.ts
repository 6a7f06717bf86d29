/**
 * Encodes rows into a PackedTable as they stream by, one field at a time, so the file is never
 * held as rows of strings. Both parsers (byte fast path, PapaParse) feed it; the cell rules in
 * normalize.ts are applied here, once.
 */
import type { CatalogColumn } from './catalog';
import { fail } from '../errors';
import { assertDistinctColumns, columnName } from './header';
import { cleanCell, isPlaceholderBytes } from '../../common/normalize';
import { StringDict } from '../packed/string-dict';
import { PackedTable, type ColumnStats, type PackedColumn } from './packed-table';

const decoder = new TextDecoder();
const MAX_EXAMPLES = 3;

interface Slot {
  spec: CatalogColumn & { type: string };
  dict: StringDict;
  ids: Int32Array;
  composite: Uint8Array | null;
  stats: ColumnStats;
  /** Ids of this row's cell (several for a composite cell): `rowIds[0 .. rowCount)`. */
  rowIds: Int32Array;
  rowCount: number;
  rowComposite: boolean;
}

export class TableBuilder {
  /** File column index → typed slot, or -1 for columns that are not indexed. */
  readonly slotOfField: Int32Array;
  readonly header: string[];
  readonly #slots: Slot[];
  /** Slots `0 .. #typed` are typed columns, the rest attributes. */
  readonly #typed: number;
  #records = 0;
  #capacity: number;
  #rows = 0;
  #ragged = 0;
  readonly #raggedExamples: number[] = [];

  constructor(
    readonly name: string,
    header: string[],
    columns: CatalogColumn[],
    expectedRows = 1024,
  ) {
    this.#capacity = expectedRows;
    this.header = header.map(columnName);
    this.slotOfField = new Int32Array(header.length).fill(-1);
    const typed = columns.filter((c): c is CatalogColumn & { type: string } => !!c.type);
    if (typed.length === 0)
      fail('no-usable-ids', `Table "${name}" declares no column with an identifier type.`);
    this.#typed = typed.length;
    // Untyped columns are attributes: kept per row for output columns, never split or joined on.
    const attributes = columns.filter((c) => !c.type).map((c) => ({ name: c.name, type: '' }));
    assertDistinctColumns(
      name,
      this.header,
      columns.map((c) => c.name),
    );
    this.#slots = [...typed, ...attributes].map((spec, slot) => {
      const field = this.header.indexOf(spec.name);
      if (field < 0) {
        fail(
          'missing-column',
          `Table "${name}" has no column "${spec.name}" (its header has: ${this.header.join(', ')}).`,
        );
      }
      this.slotOfField[field] = slot;
      return {
        spec,
        dict: new StringDict(Math.min(expectedRows, 1 << 20)),
        ids: new Int32Array(expectedRows),
        composite: null,
        stats: {
          name: spec.name,
          type: spec.type,
          distinct: 0,
          blank: 0,
          placeholder: 0,
          placeholderExamples: [],
          repaired: 0,
          compositeCells: 0,
        },
        rowIds: new Int32Array(8),
        rowCount: 0,
        rowComposite: false,
      };
    });
  }

  /** Fast path for one field's raw bytes; falls back to the string rules for anything unusual. */
  addBytes(slotIndex: number, src: Uint8Array, start: number, end: number): void {
    const slot = this.#slots[slotIndex];
    let s = start;
    let e = end;
    while (s < e && (src[s] === 32 || (src[s] >= 9 && src[s] <= 13))) s++;
    while (e > s && (src[e - 1] === 32 || (src[e - 1] >= 9 && src[e - 1] <= 13))) e--;
    let plain = slot.spec.separator === undefined && src[s] !== 34 && src[s] !== 39;
    for (let i = s; plain && i < e; i++) if (src[i] >= 128) plain = false;
    if (!plain) return this.addString(slotIndex, decoder.decode(src.subarray(start, end)));
    if (s === e) {
      slot.stats.blank++;
      return;
    }
    if (e - s !== end - start) slot.stats.repaired++;
    if (isPlaceholderBytes(src, s, e))
      return this.#placeholder(slot, decoder.decode(src.subarray(s, e)));
    pushId(slot, slot.dict.intern(src, s, e));
  }

  addString(slotIndex: number, raw: string): void {
    const slot = this.#slots[slotIndex];
    const cell = cleanCell(raw);
    if (cell.repaired) slot.stats.repaired++;
    if (cell.outcome === 'blank') {
      slot.stats.blank++;
      return;
    }
    if (cell.outcome === 'placeholder') return this.#placeholder(slot, cell.value);
    const separator = slot.spec.separator;
    if (separator === undefined || !cell.value.includes(separator)) {
      pushId(slot, slot.dict.internString(cell.value));
      return;
    }
    slot.stats.compositeCells++;
    slot.rowComposite = true;
    for (const part of cell.value.split(separator)) {
      const component = cleanCell(part);
      if (component.outcome === 'value') pushId(slot, slot.dict.internString(component.value));
    }
  }

  /** Ends a data row of `fieldCount` fields. */
  endRow(fieldCount: number): void {
    this.#rows++;
    if (fieldCount !== this.header.length) {
      this.#ragged++;
      if (this.#raggedExamples.length < MAX_EXAMPLES) this.#raggedExamples.push(this.#rows);
    }
    // A row yields the product of its cells' ids: one record, or several for composite cells.
    let product = 1;
    let any = false;
    for (let s = 0; s < this.#typed; s++) {
      const slot = this.#slots[s];
      if (slot.rowCount > 0) any = true;
      if (slot.rowCount > 1) product *= slot.rowCount;
    }
    if (any) this.#emitRecords(product);
    for (const slot of this.#slots) {
      slot.rowCount = 0;
      slot.rowComposite = false;
    }
  }

  get rows(): number {
    return this.#rows;
  }

  finish(): PackedTable {
    const columns: PackedColumn[] = this.#slots.map((slot) => {
      slot.dict.compact();
      slot.stats.distinct = slot.dict.size;
      return {
        name: slot.spec.name,
        type: slot.spec.type,
        dict: slot.dict,
        ids: slot.ids.slice(0, this.#records),
        composite: slot.composite?.slice(0, this.#records),
        attribute: slot.spec.type === '' || undefined,
      };
    });
    if (this.#rows === 0) fail('empty-file', `Table "${this.name}" has a header but no data rows.`);
    for (const column of columns) {
      if (!column.attribute && column.dict.size === 0) {
        fail(
          'no-usable-ids',
          `Column "${column.name}" of table "${this.name}" has no usable ids (every cell is blank or a placeholder).`,
        );
      }
    }
    return new PackedTable(this.name, columns, this.#records, {
      rows: this.#rows,
      records: this.#records,
      raggedRows: this.#ragged,
      raggedExamples: this.#raggedExamples,
      columns: this.#slots.map((s) => s.stats),
    });
  }

  #placeholder(slot: Slot, value: string): void {
    slot.stats.placeholder++;
    const examples = slot.stats.placeholderExamples;
    if (examples.length < MAX_EXAMPLES && !examples.includes(value)) examples.push(value);
  }

  #emitRecords(product: number): void {
    if (this.#records + product > this.#capacity) this.#reserve(this.#records + product);
    const at = this.#records;
    let stride = 1;
    for (const slot of this.#slots) {
      const n = slot.rowCount;
      if (product === 1) slot.ids[at] = n === 0 ? -1 : slot.rowIds[0];
      else {
        for (let r = 0; r < product; r++) {
          slot.ids[at + r] = n === 0 ? -1 : slot.rowIds[Math.floor(r / stride) % n];
        }
        stride *= Math.max(1, n);
      }
      if (slot.rowComposite) {
        slot.composite ??= new Uint8Array(this.#capacity);
        slot.composite.fill(1, at, at + product);
      }
    }
    this.#records += product;
  }

  #reserve(records: number): void {
    const length = Math.max(records, this.#capacity * 2);
    this.#capacity = length;
    for (const slot of this.#slots) {
      const ids = new Int32Array(length);
      ids.set(slot.ids);
      slot.ids = ids;
      if (slot.composite) {
        const composite = new Uint8Array(length);
        composite.set(slot.composite);
        slot.composite = composite;
      }
    }
  }
}

function pushId(slot: Slot, id: number): void {
  if (slot.rowCount === slot.rowIds.length) {
    const grown = new Int32Array(slot.rowIds.length * 2);
    grown.set(slot.rowIds);
    slot.rowIds = grown;
  }
  slot.rowIds[slot.rowCount++] = id;
}
