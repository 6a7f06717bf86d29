/** The start of a user's file: how it is delimited, its header, first rows and type suggestions. */
import type { TablePreview } from '../../api';
import { previewRows } from '../csv-papa';
import {
  assertText,
  assertUtf8,
  detectDelimiter,
  findHeader,
  gunzip,
  isGzip,
  toUtf8,
} from '../dialect';
import { suggestType } from './suggest-type';

const SHOWN_ROWS = 20;
const SAMPLED_ROWS = 200;
/** Enough bytes for a couple of hundred rows; the preview never decodes the whole file. */
const PREVIEW_BYTES = 256 * 1024;

export async function previewTable(
  raw: Uint8Array,
  fileName: string,
  declared?: string,
): Promise<TablePreview> {
  const compressed = isGzip(raw);
  const bytes = toUtf8(compressed ? await gunzip(fileName, raw) : raw);
  assertText(fileName, bytes);
  let head = bytes.subarray(0, PREVIEW_BYTES);
  if (head.length < bytes.length) head = head.subarray(0, head.lastIndexOf(10) + 1);
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
    bytes: raw.length,
    compressed,
    delimiter,
    header: headerCells,
    rows: parsed.slice(0, SHOWN_ROWS),
    suggestions,
  };
}
