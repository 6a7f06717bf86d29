/**
 * The check of a file over the whole-file limit (#19): read in a stream and kept packed, only its
 * primary table (tiers are not kept) and only its typed columns; its report says so.
 */
import type { ImportProgressFn, UserTableSpec, ValidationReport } from '../../api';
import { sha256Hex } from '../checksum';
import type { CatalogTable } from '../tables/catalog';
import type { PackedTable } from '../tables/packed-table';
import { readBigFile } from './big-file';
import { namingFile } from './file-bytes';
import { validationReport } from './report';
import { streamedReading } from './streamed-reading';
import { readingOf } from './table-reading';

/** A checked table, ready to add: its spec, the bytes to store, and the table when it is whole. */
export interface CheckedTable {
  spec: CatalogTable;
  bytes: Uint8Array;
  /** The parsed table, when it is the registered one (not for a file split into tiers). */
  table: PackedTable | null;
}

export async function checkStreamed(
  file: Blob,
  fileName: string,
  name: string,
  request: UserTableSpec,
  onProgress?: ImportProgressFn,
): Promise<{ checked: CheckedTable; report: ValidationReport }> {
  const { reading, rowFilter, notes } = streamedReading(readingOf(request), request.matchBy);
  const read = await namingFile(fileName, () =>
    readBigFile(file, fileName, { ...reading, name, rowFilter }, onProgress),
  );
  const spec: CatalogTable = {
    ...reading,
    name,
    label: name,
    file: fileName,
    hash: await sha256Hex(read.packed),
    bytes: read.packed.length,
    rows: read.builder.keptRows,
    priority: request.priority ?? 0,
    source: `your file ${fileName}`,
    date: new Date().toISOString().slice(0, 10),
    licence: 'yours (kept in this browser only)',
    streamed: { bytes: file.size, rows: read.builder.rows },
  };
  const report = validationReport(read.table, true);
  return {
    checked: { spec, bytes: read.packed, table: read.table },
    report: { ...report, findings: [...read.findings, ...notes, ...report.findings] },
  };
}
