/**
 * A user's file over the whole-file limit (#19), read in a stream (streamed/): only its typed
 * columns (a long-form file's chosen ID types) are kept, straight into the packed form, which is
 * then what is stored — in the shipped layout bundled tables use, so a reload wraps it and never
 * reads the file again. The limit is on what is kept: refused before the long read when the head
 * says it will not fit, and stopped as soon as it passes.
 */
import type { ImportProgress, ImportProgressFn } from '../../api';
import { fail } from '../errors';
import { parseTable, type TableSpec } from '../tables/parse-table';
import type { PackedTable } from '../tables/packed-table';
import { shippedBytes } from '../tables/shipped-writer';
import type { TableBuilder } from '../tables/table-builder';
import { streamTable, type StreamProgress } from '../streamed/streamed-table';
import { headOf } from '../streamed/head-sample';
import { deflate } from '../tables/dialect';

import { MAX_PACKED_BYTES } from './stored-record';

export { MAX_PACKED_BYTES };

export interface BigFileRead {
  table: PackedTable;
  builder: TableBuilder;
  /** The table in the shipped layout: what is stored, hashed and read back after a reload. */
  packed: Uint8Array;
  textBytes: number;
  findings: string[];
}

const REPORT_EVERY_MS = 100;

const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / 2 ** 20)).toLocaleString('en')} MB`;

export async function readBigFile(
  file: Blob,
  fileName: string,
  spec: TableSpec,
  onProgress?: ImportProgressFn,
  maxPackedBytes = MAX_PACKED_BYTES,
): Promise<BigFileRead> {
  const started = performance.now();
  const estimate = await estimateFromHead(file, fileName, spec);
  if (estimate.packedBytes > maxPackedBytes) {
    fail(
      'unreadable-file',
      `"${fileName}": keeping ${keptWhat(spec)} would take about ${mb(estimate.packedBytes)} packed (from its first ${estimate.headRows.toLocaleString('en')} rows), over the limit of ${mb(maxPackedBytes)}; nothing was read further. Keep fewer ID types or columns.`,
    );
  }
  // A few reports a second are plenty for a bar and a time left, and each crosses to the page.
  let lastReport = -Infinity;
  let readSince = started;
  let lastRead = 0;
  const report = (step: ImportProgress['step'], p: StreamProgress) => {
    const now = performance.now();
    // Read again from the start (a gzip of several members): the time left starts again too.
    if (p.bytesRead < lastRead) readSince = now;
    lastRead = p.bytesRead;
    if (step === 'read' && now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    onProgress?.({ ...p, step, maxPackedBytes, elapsedMs: now - readSince });
  };
  const streamed = await streamTable(spec, file, fileName, {
    maxPackedBytes,
    expectedRows: estimate.records,
    onProgress: (p) => report('read', p),
  });
  const { table, builder } = streamed;
  report('pack', {
    bytesRead: file.size,
    bytesTotal: file.size,
    rowsRead: builder.rows,
    rowsKept: builder.keptRows,
    packedBytes: table.byteSize,
  });
  const packed = await shippedBytes(table, deflate, false);
  const seconds = (performance.now() - started) / 1000;
  const findings = [
    `Read in a stream: ${builder.rows.toLocaleString('en')} rows (${mb(streamed.textBytes)} of text) in ${seconds.toFixed(1)} s; ${builder.keptRows.toLocaleString('en')} rows kept, ${mb(table.byteSize)} packed in memory, ${mb(packed.length)} to store. The file itself is not kept: to change what is kept, add it again.`,
  ];
  if (builder.skippedValues > 0)
    findings.push(
      `${builder.skippedValues.toLocaleString('en')} rows of ID types not ticked were skipped.`,
    );
  if (streamed.reread)
    findings.push(
      `The file has several gzip members (bgzip, or files joined), which this browser's own reader stops at; it was read again with fflate.`,
    );
  return { table, builder, packed, textBytes: streamed.textBytes, findings };
}

interface Estimate {
  headRows: number;
  /** Records the whole file is expected to keep, and their packed size. */
  records: number;
  packedBytes: number;
}

/**
 * What keeping the spec's columns of the whole file would take, from its head: the head's rows
 * per text byte, share of kept records and packed bytes per record, scaled to the file's text
 * (its size, times the head's compression ratio for gzip). Packed bytes per record of a small
 * table overstate a large one's (hash tables start at a minimum size): a cautious estimate.
 */
async function estimateFromHead(file: Blob, fileName: string, spec: TableSpec): Promise<Estimate> {
  const head = await headOf(file, fileName);
  const { table, builder } = await parseTable(spec, head.text).catch(() => ({
    table: null,
    builder: null,
  }));
  // A head the whole-file reader refuses is read by the stream too, which names the fault.
  if (!table || !builder || builder.rows === 0)
    return { headRows: 0, records: 1 << 20, packedBytes: 0 };
  const textBytes = file.size * head.ratio;
  const rows = (builder.rows * textBytes) / head.text.length;
  const records = Math.ceil((table.records * rows) / builder.rows);
  let bytesPerRecord = 0;
  for (const column of table.columns) {
    const { pool, count } = column.dict.parts();
    // Each record's id in every column, and each value's bytes, offset and hash slots.
    bytesPerRecord += 4 + (pool.length + 16 * count) / Math.max(1, table.records);
  }
  return { headRows: builder.rows, records, packedBytes: records * bytesPerRecord };
}

function keptWhat(spec: TableSpec): string {
  const names = spec.long
    ? Object.keys(spec.long.types)
    : spec.columns.filter((c) => c.type).map((c) => c.name);
  return names.length > 0 ? names.join(', ') : 'its typed columns';
}
