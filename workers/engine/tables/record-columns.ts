/**
 * The packed columns a table builder fills: per column a dictionary and one id per record, and
 * the ids the current row's cells gave. A row becomes records in one of two shapes: the product
 * of its cells (a plain table; composite cells multiply), or one record per value beside the
 * row's key in a hub column (the field's files, whose list cells would otherwise multiply).
 */
import type { CatalogColumn } from './catalog';
import { StringDict } from '../packed/string-dict';
import { RECORD_ISOFORM, type ColumnStats, type PackedColumn } from './packed-table';

export interface Slot {
  spec: CatalogColumn & { type: string };
  /** Ids of the type are written with this prefix (`CHEBI:`): bare ones get it. */
  canonical: Uint8Array | null;
  dict: StringDict;
  composite: Uint8Array | null;
  stats: ColumnStats;
  /**
   * Per record, 1 + the value's id, 0 for none, until `finish` (the packed form's -1): a hub
   * record writes two columns, and the rest stay as allocated, untouched pages included.
   */
  ids: Int32Array;
  /** Ids of this row's cell (several for a composite cell): `rowIds[0 .. rowCount)`. */
  rowIds: Int32Array;
  rowCount: number;
  rowComposite: boolean;
}

export class RecordColumns {
  readonly slots: Slot[];
  records = 0;
  #capacity: number;

  constructor(
    columns: (CatalogColumn & { type: string })[],
    /** Slots `0 .. typed` are typed columns, the rest attributes. */
    readonly typed: number,
    expectedRows: number,
    canonicalPrefix: (type: string) => string | undefined,
  ) {
    this.#capacity = expectedRows;
    this.slots = columns.map((spec) => ({
      spec,
      canonical: prefixBytes(spec.type === '' ? undefined : canonicalPrefix(spec.type)),
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
    }));
  }

  /** The row's records as the product of its typed cells' ids (none when every cell is empty). */
  emitProduct(): void {
    let product = 1;
    let any = false;
    for (let s = 0; s < this.typed; s++) {
      const slot = this.slots[s];
      if (slot.rowCount > 0) any = true;
      if (slot.rowCount > 1) product *= slot.rowCount;
    }
    if (!any) return;
    this.#reserve(this.records + product);
    const at = this.records;
    let stride = 1;
    for (const slot of this.slots) {
      const n = slot.rowCount;
      if (product === 1) slot.ids[at] = n === 0 ? 0 : slot.rowIds[0] + 1;
      else {
        for (let r = 0; r < product; r++) {
          slot.ids[at + r] = n === 0 ? 0 : slot.rowIds[Math.floor(r / stride) % n] + 1;
        }
        stride *= Math.max(1, n);
      }
      if (slot.rowComposite) {
        slot.composite ??= new Uint8Array(this.#capacity);
        slot.composite.fill(1, at, at + product);
      }
    }
    this.records += product;
  }

  /**
   * One record per value of the row beside the row's key in the `hub` column (the other typed
   * columns empty in it), attributes on each; a key with no value still gets one record. Not
   * flagged composite: a list is these files' normal shape, not a cell to doubt.
   */
  emitStar(hub: number): void {
    const hubSlot = this.slots[hub];
    if (hubSlot.rowCount === 0) return;
    // The row's attributes go on its first record only: other columns reach them through the
    // hub (packed-table.ts), and a wide file (HGNC's 43 attributes) is not copied per value.
    let first = true;
    for (let s = 0; s < this.typed; s++) {
      const slot = this.slots[s];
      if (s === hub || slot.rowCount === 0) continue;
      for (let v = 0; v < slot.rowCount; v++) {
        this.#emitOne(hub, s, slot.rowIds[v], first);
        first = false;
      }
    }
    if (first) this.#emitOne(hub, -1, -1, true);
  }

  /**
   * The row's values again beside `entry`, the UniProt entry of the row's isoform key (`P04637`
   * for `P04637-2`), flagged RECORD_ISOFORM: an entry reaches what the file lists for its isoforms.
   */
  emitEntryCopy(hub: number, entry: number): void {
    for (let s = 0; s < this.typed; s++) {
      const slot = this.slots[s];
      if (s === hub) continue;
      for (let v = 0; v < slot.rowCount; v++) {
        const at = this.#emitOne(hub, s, slot.rowIds[v], false);
        const hubSlot = this.slots[hub];
        hubSlot.ids[at] = entry + 1;
        hubSlot.composite ??= new Uint8Array(this.#capacity);
        hubSlot.composite[at] = RECORD_ISOFORM;
      }
    }
  }

  /** Bytes held: dictionaries and id arrays as allocated (a streamed import's limit, streamed/). */
  get byteSize(): number {
    let bytes = 0;
    for (const slot of this.slots)
      bytes += slot.dict.byteSize + slot.ids.byteLength + (slot.composite?.byteLength ?? 0);
    return bytes;
  }

  /** Clears the row's cells for the next row. */
  endRow(): void {
    for (const slot of this.slots) {
      slot.rowCount = 0;
      slot.rowComposite = false;
    }
  }

  finish(): PackedColumn[] {
    return this.slots.map((slot) => {
      slot.dict.compact();
      slot.stats.distinct = slot.dict.size;
      return {
        name: slot.spec.name,
        type: slot.spec.type,
        dict: slot.dict,
        ids: packedIds(slot.ids, this.records),
        composite: slot.composite?.slice(0, this.records),
        attribute: slot.spec.type === '' || undefined,
      };
    });
  }

  /** One record: the hub's id (its first, should a hub cell hold several), one value, attributes. */
  #emitOne(hub: number, valueSlot: number, value: number, attributes: boolean): number {
    this.#reserve(this.records + 1);
    const at = this.records++;
    const hubSlot = this.slots[hub];
    hubSlot.ids[at] = hubSlot.rowIds[0] + 1;
    if (valueSlot >= 0) this.slots[valueSlot].ids[at] = value + 1;
    if (attributes) {
      for (let s = this.typed; s < this.slots.length; s++) {
        const slot = this.slots[s];
        if (slot.rowCount > 0) slot.ids[at] = slot.rowIds[0] + 1;
      }
    }
    return at;
  }

  #reserve(records: number): void {
    if (records <= this.#capacity) return;
    // Doubling every column of a table of millions of records is a cliff a streamed import's
    // kept limit would fall off for a file a little over its estimate (#19): grow by half there.
    const factor = this.#capacity < 1 << 22 ? 2 : 1.5;
    const length = Math.max(records, Math.ceil(this.#capacity * factor));
    this.#capacity = length;
    for (const slot of this.slots) {
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

/** The first `records` ids in the packed form: `id`, or -1 for none. */
function packedIds(stored: Int32Array, records: number): Int32Array {
  const ids = stored.slice(0, records);
  for (let r = 0; r < records; r++) ids[r] -= 1;
  return ids;
}

function prefixBytes(prefix: string | undefined): Uint8Array | null {
  return prefix === undefined ? null : new TextEncoder().encode(prefix);
}

export function pushId(slot: Slot, id: number): void {
  if (slot.rowCount === slot.rowIds.length) {
    const grown = new Int32Array(slot.rowIds.length * 2);
    grown.set(slot.rowIds);
    slot.rowIds = grown;
  }
  slot.rowIds[slot.rowCount++] = id;
}
