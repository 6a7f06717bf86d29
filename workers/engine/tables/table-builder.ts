/**
 * Encodes rows into a PackedTable as they stream by, one field at a time, so the file is never
 * held as rows of strings. Both parsers (byte fast path, PapaParse) feed it; the cell rules in
 * normalize.ts are applied here, once. What each field feeds comes from the table's layout
 * (table-layout.ts): a column, a column per `DB:` prefix, or the row's long form and filter.
 */
import type { CatalogColumn } from './catalog';
import { fail } from '../errors';
import { columnName } from './header';
import { cleanCell, isPlaceholderBytes } from '../../common/normalize';
import { PackedTable } from './packed-table';
import type { FieldInput, RowRules, TableLayout } from './table-layout';
import { canonicalForm, canonicalPrefix } from '../ids/id-forms';
import { idType } from '../ids/id-types';
import { pushId, RecordColumns, type Slot } from './record-columns';
import { LongKey, LongTypes } from './long-form-cells';

const decoder = new TextDecoder();
const MAX_EXAMPLES = 3;

export class TableBuilder {
  /** File field index → itself when the layout reads the field, -1 when it is skipped. */
  readonly slotOfField: Int32Array;
  readonly header: string[];
  readonly #inputs: (FieldInput | null)[];
  readonly #rules: RowRules;
  readonly #columns: RecordColumns;
  readonly #optional: string[];
  #rows = 0;
  #ragged = 0;
  readonly #raggedExamples: number[] = [];
  /** The packed column of the row's long-form ID type (-1: not kept), and its value as read. */
  #longSlot = -1;
  #longValue = '';
  #valueBytes: Uint8Array | null = null;
  #valueStart = 0;
  #valueEnd = 0;
  readonly #longTypes: LongTypes;
  /** A long-form row's key, added only when the row's ID type is kept. */
  #longKey: LongKey | null = null;
  #filterValue = '';
  /** Rows that gave at least one record. */
  keptRows = 0;
  /** Rows by their filter column's value, kept or not (the tiers a split file makes). */
  readonly filterValues = new Map<string, number>();
  /** Long-form rows of an ID type not kept, and `DB:id` values of a prefix not routed. */
  skippedValues = 0;

  constructor(
    readonly name: string,
    header: string[],
    layout: TableLayout,
    expectedRows = 1024,
  ) {
    this.header = header.map(columnName);
    this.#inputs = layout.inputs;
    this.#rules = layout.rows;
    this.#optional = layout.optional;
    this.#longTypes = new LongTypes(layout.rows.longSlots ?? new Map());
    if (layout.rows.longSlots) this.#longKey = new LongKey();
    this.slotOfField = Int32Array.from(layout.inputs, (input, f) => (input ? f : -1));
    const typed = layout.columns.filter((c): c is CatalogColumn & { type: string } => !!c.type);
    if (typed.length === 0)
      fail('no-usable-ids', `Table "${name}" declares no column with an identifier type.`);
    // Untyped columns are attributes: kept per row for output columns, never split or joined on.
    const attributes = layout.columns.filter((c) => !c.type).map((c) => ({ ...c, type: '' }));
    this.#columns = new RecordColumns([...typed, ...attributes], typed.length, expectedRows, (t) =>
      canonicalPrefix(idType(t)),
    );
  }

  /** Fast path for one field's raw bytes; falls back to the string rules for anything unusual. */
  addBytes(field: number, src: Uint8Array, start: number, end: number): void {
    const input = this.#inputs[field]!;
    // A long-form row's ID type and value stay bytes: a string per row cost the streamed import
    // of a 30M-row idmapping.dat most of its time (streamed/).
    if (input.capture === 'long-type') {
      this.#longSlot = this.#longTypes.slotOf(src, start, end);
      return;
    }
    if (input.capture === 'long-value') {
      this.#valueBytes = src;
      this.#valueStart = start;
      this.#valueEnd = end;
      return;
    }
    if (this.#longKey && input.slot === this.#rules.hub) {
      this.#longKey.setBytes(src, start, end);
      return;
    }
    const slot = this.#columns.slots[input.slot];
    if (!slot || input.capture || input.separator !== undefined)
      return this.addString(field, decoder.decode(src.subarray(start, end)));
    this.#addValueBytes(slot, src, start, end);
  }

  /** One plain value's bytes into `slot`, by the same rules as `#addCell` applies to strings. */
  #addValueBytes(slot: Slot, src: Uint8Array, start: number, end: number): void {
    let s = start;
    let e = end;
    while (s < e && (src[s] === 32 || (src[s] >= 9 && src[s] <= 13))) s++;
    while (e > s && (src[e - 1] === 32 || (src[e - 1] >= 9 && src[e - 1] <= 13))) e--;
    let plain = src[s] !== 34 && src[s] !== 39 && startsWith(src, s, e, slot.canonical);
    for (let i = s; plain && i < e; i++) if (src[i] >= 128) plain = false;
    if (!plain) return this.#addCell(slot, decoder.decode(src.subarray(start, end)), undefined);
    if (s === e) {
      slot.stats.blank++;
      return;
    }
    if (e - s !== end - start) slot.stats.repaired++;
    if (isPlaceholderBytes(src, s, e))
      return this.#placeholder(slot, decoder.decode(src.subarray(s, e)));
    pushId(slot, slot.dict.intern(src, s, e));
  }

  addString(field: number, raw: string): void {
    const input = this.#inputs[field]!;
    if (input.capture) {
      if (input.capture === 'long-type') this.#longSlot = this.#longTypes.slotOfName(raw);
      else if (input.capture === 'long-value') this.#longValue = raw;
      else this.#filterValue = cleanCell(raw).value;
      if (input.slot < 0) return;
    }
    if (input.routes) return this.#addRouted(input, raw);
    if (this.#longKey && input.slot === this.#rules.hub) return this.#longKey.setString(raw);
    this.#addCell(this.#columns.slots[input.slot], raw, input.separator);
  }

  /** Ends a data row of `fieldCount` fields. */
  endRow(fieldCount: number): void {
    this.#rows++;
    if (fieldCount !== this.header.length) {
      this.#ragged++;
      if (this.#raggedExamples.length < MAX_EXAMPLES) this.#raggedExamples.push(this.#rows);
    }
    const rules = this.#rules;
    const before = this.#columns.records;
    // A long-form row of an ID type not kept gives nothing, not even its key.
    if (this.#kept(rules) && (!rules.longSlots || this.#addLongValue())) {
      if (rules.hub >= 0) {
        this.#columns.emitStar(rules.hub);
        const entry = this.#isoformEntry(rules.hub);
        if (entry >= 0) this.#columns.emitEntryCopy(rules.hub, entry);
      } else this.#columns.emitProduct();
    }
    if (this.#columns.records > before) this.keptRows++;
    this.#columns.endRow();
    this.#longSlot = -1;
    this.#valueBytes = null;
    this.#longKey?.clear();
    this.#longValue = this.#filterValue = '';
  }

  /** The packed size so far (dictionaries and id arrays), to hold a streamed import to its limit. */
  get byteSize(): number {
    return this.#columns.byteSize;
  }

  get rows(): number {
    return this.#rows;
  }

  finish(): PackedTable {
    const columns = this.#columns.finish();
    if (this.#rows === 0) fail('empty-file', `Table "${this.name}" has a header but no data rows.`);
    const hub = this.#rules.hub;
    const others = columns.filter(
      (c, i) => !c.attribute && i !== hub && !this.#optional.includes(c.name),
    );
    const empty = others.filter((c) => c.dict.size === 0);
    // With a hub, a column of a type the file happens not to hold (an ID type with no rows) is
    // no fault as long as some column relates to the hub.
    if (empty.length > 0 && (hub < 0 || empty.length === others.length)) {
      fail(
        'no-usable-ids',
        `Column "${empty[0].name}" of table "${this.name}" has no usable ids (every cell is blank or a placeholder).`,
      );
    }
    const records = this.#columns.records;
    const stats = {
      rows: this.#rows,
      records,
      raggedRows: this.#ragged,
      raggedExamples: this.#raggedExamples,
      columns: this.#columns.slots.map((s) => s.stats),
    };
    return new PackedTable(this.name, columns, records, stats, [], hub);
  }

  #addCell(slot: Slot, raw: string, separator: string | undefined): void {
    const cell = cleanCell(raw);
    if (cell.repaired) slot.stats.repaired++;
    if (cell.outcome === 'blank') {
      slot.stats.blank++;
      return;
    }
    if (cell.outcome === 'placeholder') return this.#placeholder(slot, cell.value);
    if (separator === undefined || !cell.value.includes(separator)) {
      pushId(slot, slot.dict.internString(written(slot, cell.value)));
      return;
    }
    slot.stats.compositeCells++;
    slot.rowComposite = true;
    for (const part of cell.value.split(separator)) {
      const component = cleanCell(listItem(part));
      if (component.outcome === 'value')
        pushId(slot, slot.dict.internString(written(slot, component.value)));
    }
  }

  /** `MIM:191170|HGNC:HGNC:11998`: each value to the column its prefix names, prefix removed. */
  #addRouted(input: FieldInput, raw: string): void {
    const cell = cleanCell(raw);
    if (cell.outcome !== 'value') return;
    const parts = input.separator === undefined ? [cell.value] : cell.value.split(input.separator);
    for (const part of parts) {
      const value = cleanCell(part).value;
      const colon = value.indexOf(':');
      const route = colon > 0 ? input.routes!.get(value.slice(0, colon)) : undefined;
      if (route === undefined) {
        if (value !== '') this.skippedValues++;
        continue;
      }
      this.#addCell(this.#columns.slots[route], value.slice(colon + 1), undefined);
    }
  }

  /**
   * When the row's hub is a UniProt isoform (`P04637-2`), its entry's id in the hub column
   * (interned if new); else -1. UniProt lists transcripts and RefSeq ids under isoforms.
   */
  #isoformEntry(hub: number): number {
    const slot = this.#columns.slots[hub];
    if (slot.spec.type !== 'uniprot' || slot.rowCount === 0) return -1;
    const bytes = slot.dict.bytesOf(slot.rowIds[0]);
    let dash = bytes.length - 1;
    while (dash > 0 && bytes[dash] >= 48 && bytes[dash] <= 57) dash--;
    if (dash <= 0 || dash === bytes.length - 1 || bytes[dash] !== 45) return -1;
    return slot.dict.intern(bytes, 0, dash);
  }

  /** Whether the row passes the filter; every row is counted by its value. */
  #kept(rules: RowRules): boolean {
    if (!rules.keepValues && !rules.dropValues) return true;
    const value = this.#filterValue;
    this.filterValues.set(value, (this.filterValues.get(value) ?? 0) + 1);
    return rules.keepValues ? rules.keepValues.has(value) : !rules.dropValues!.has(value);
  }

  /** Puts the row's value in its ID type's column; false when that type is not kept. */
  #addLongValue(): boolean {
    if (this.#longSlot < 0) {
      this.skippedValues++;
      return false;
    }
    this.#addLongKey();
    const slot = this.#columns.slots[this.#longSlot];
    const bytes = this.#valueBytes;
    if (bytes) this.#addValueBytes(slot, bytes, this.#valueStart, this.#valueEnd);
    else this.#addCell(slot, this.#longValue, undefined);
    return true;
  }

  /**
   * The row's key into the hub column. A row of the same key as the last one added (idmapping.dat
   * is sorted by accession: ~20 rows each) reuses its id instead of hashing it again — interning
   * keys was a fifth of a streamed import's time.
   */
  #addLongKey(): void {
    const key = this.#longKey!;
    const slot = this.#columns.slots[this.#rules.hub];
    if (key.raw !== null) return this.#addCell(slot, key.raw, undefined);
    if (!key.src) return;
    if (key.sameAsLast()) return pushId(slot, key.lastId);
    const { repaired, placeholder } = slot.stats;
    const before = slot.rowCount;
    this.#addValueBytes(slot, key.src, key.start, key.end);
    const plain = slot.stats.repaired === repaired && slot.stats.placeholder === placeholder;
    if (plain && slot.rowCount === before + 1) key.remember(slot.rowIds[before]);
  }

  #placeholder(slot: Slot, value: string): void {
    slot.stats.placeholder++;
    const examples = slot.stats.placeholderExamples;
    if (examples.length < MAX_EXAMPLES && !examples.includes(value)) examples.push(value);
  }
}

/**
 * A list cell's item without what the lists of the field's files add to an id: a trailing `;`
 * (UniProt's `HBA1; HBA2;`) or a bracketed note (its `ENST00000269305.9 [P04637-1]`).
 */
function listItem(part: string): string {
  return part.replace(/\s*\[[^\]]*\]\s*$/, '').replace(/;\s*$/, '');
}

/** Whether `src[s .. e)` starts with `prefix` (none: always): a canonical id as it stands. */
function startsWith(src: Uint8Array, s: number, e: number, prefix: Uint8Array | null): boolean {
  if (!prefix) return true;
  if (e - s < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (src[s + i] !== prefix[i]) return false;
  return true;
}

/** An id as the type writes it: a bare ChEBI, HGNC, MGI, RGD or GO number gets its prefix. */
function written(slot: Slot, value: string): string {
  return slot.canonical ? canonicalForm(idType(slot.spec.type), value) : value;
}
