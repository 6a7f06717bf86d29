/** The start of a user's file: how it is delimited, its header, first rows and type suggestions. */
import type { TablePreview } from '../../api';
import { previewRows } from '../tables/csv-papa';
import { assertText, assertUtf8, detectDelimiter, findHeader, toUtf8 } from '../tables/dialect';
import { readHead } from './read-head';
import { suggestType } from './suggest-type';

const SHOWN_ROWS = 20;
const SAMPLED_ROWS = 200;
/** Enough bytes for a couple of hundred rows; the preview never decodes the whole file. */
const PREVIEW_BYTES = 256 * 1024;

export async function previewTable(
  file: Blob,
  fileName: string,
  declared?: string,
): Promise<TablePreview> {
  const start = await readHead(file, fileName, PREVIEW_BYTES);
  const compressed = start.compressed;
  const bytes = toUtf8(start.bytes);
  assertText(fileName, bytes);
  // Cut at the last complete line when the file goes on.
  const head = start.more ? bytes.subarray(0, bytes.lastIndexOf(10) + 1) : bytes;
  assertUtf8(fileName, head);
  const header = findHeader(fileName, head);
  const delimiter = declared ?? detectDelimiter(header.headerText);
  const text = new TextDecoder().decode(head.subarray(header.headerStart));
  const [headerCells, ...parsed] = previewRows(text, delimiter, SAMPLED_ROWS + 1);
  const suggestions = headerCells.map((column, c) => {
    const { type, reason } = suggestType(
      column,
      parsed.map((row) => row[c] ?? ''),
    );
    return { column, type, reason };
  });
  return {
    fileName,
    bytes: file.size,
    compressed,
    delimiter,
    header: headerCells,
    rows: parsed.slice(0, SHOWN_ROWS),
    suggestions,
  };
}
