/**
 * Byte-level RFC 4180 tokenizer feeding fields straight into the builder, without a string per
 * field. Measured on this machine: genbank (870,757 rows) in ~0.6 s against ~2.4 s for PapaParse
 * alone, and genes.csv (quoted names) ~4x faster than the PapaParse path. PapaParse stays the
 * reference parser: tests check both give identical tables on every fixture.
 */
import { fail } from '../errors';
import type { TableBuilder } from './table-builder';

const QUOTE = 34;
const decoder = new TextDecoder();

/** Field boundaries of the current record; grown when a record has more fields. */
let starts = new Int32Array(64);
let ends = new Int32Array(64);
/** 0 plain, 1 quoted, 2 quoted with `""` escapes inside (decoded and unescaped as a string). */
let kinds = new Uint8Array(64);

/**
 * Feeds the records of `bytes` from `dataStart` to the builder. With `final` false the bytes are
 * one chunk of a longer file (the streamed reader, streamed/): a record the chunk does not finish
 * (no line break yet, or a quote still open) is left unread, and the offset it starts at is
 * returned for the caller to carry into the next chunk. A record is split into fields before any
 * reaches the builder, so a record is never fed in part.
 */
export function parseDelimited(
  name: string,
  bytes: Uint8Array,
  dataStart: number,
  delimiter: number,
  builder: TableBuilder,
  onProgress?: (done: number, total: number) => void,
  final = true,
): number {
  const slotOf = builder.slotOfField;
  const length = bytes.length;
  let nextReport = dataStart + (1 << 22);
  let at = dataStart;
  while (at < length) {
    const recordStart = at;
    // Split one record into fields: [starts[f], ends[f]) with quotes removed from quoted ones.
    let fields = 0;
    let blank = true;
    for (;;) {
      if (fields === starts.length) grow();
      let end: number;
      if (bytes[at] === QUOTE) {
        let kind = 1;
        let i = at + 1;
        for (;;) {
          const q = bytes.indexOf(QUOTE, i);
          // The closing quote may be in the next chunk (or be this chunk's last byte, with a
          // second quote of an escaped pair still to come).
          if (!final && (q < 0 || q === length - 1)) return recordStart;
          if (q < 0)
            fail(
              'unreadable-file',
              `Table "${name}" has an unterminated quote in data row ${builder.rows + 1}.`,
            );
          if (bytes[q + 1] === QUOTE) {
            kind = 2;
            i = q + 2;
            continue;
          }
          starts[fields] = at + 1;
          ends[fields] = q;
          kinds[fields] = kind;
          i = q + 1;
          break;
        }
        for (let j = starts[fields]; j < ends[fields] && blank; j++)
          if (bytes[j] !== 32 && bytes[j] !== 9) blank = false;
        // Anything between the closing quote and the next delimiter is kept out of the field.
        while (i < length && bytes[i] !== delimiter && bytes[i] !== 10) i++;
        end = i;
      } else {
        let i = at;
        while (i < length && bytes[i] !== delimiter && bytes[i] !== 10) i++;
        end = i;
        const fieldEnd =
          end > at && bytes[end - 1] === 13 && (end === length || bytes[end] === 10)
            ? end - 1
            : end;
        starts[fields] = at;
        ends[fields] = fieldEnd;
        kinds[fields] = 0;
        for (let j = at; j < fieldEnd && blank; j++)
          if (bytes[j] !== 32 && bytes[j] !== 9) blank = false;
      }
      if (!final && end >= length) return recordStart;
      fields++;
      at = end + 1;
      if (end >= length || bytes[end] === 10) break;
    }
    // A line of only spaces and delimiters carries no data (as PapaParse's `greedy` skip).
    if (blank) continue;
    for (let f = 0; f < fields && f < slotOf.length; f++) {
      const slot = slotOf[f];
      if (slot < 0) continue;
      if (kinds[f] === 2) {
        builder.addString(
          slot,
          decoder.decode(bytes.subarray(starts[f], ends[f])).replaceAll('""', '"'),
        );
      } else builder.addBytes(slot, bytes, starts[f], ends[f]);
    }
    builder.endRow(fields);
    if (onProgress && at > nextReport) {
      onProgress(at, length);
      nextReport = at + (1 << 22);
    }
  }
  return length;
}

function grow(): void {
  const size = starts.length * 2;
  const s = new Int32Array(size);
  const e = new Int32Array(size);
  const k = new Uint8Array(size);
  s.set(starts);
  e.set(ends);
  k.set(kinds);
  starts = s;
  ends = e;
  kinds = k;
}
