/** The start of a user's file: how it is delimited, its header, first rows and type suggestions. */
import type { FormatProposal, TablePreview } from '../../api';
import { previewRows } from '../tables/csv-papa';
import { assertText, assertUtf8, detectDelimiter, findHeader, toUtf8 } from '../tables/dialect';
import { fail } from '../errors';
import { columnName } from '../tables/header';
import { readHead } from './read-head';
import { suggestType } from './suggest-type';
import { recogniseFormat } from '../formats/recognise';

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
  const lastLine = bytes.lastIndexOf(10);
  if (start.more && lastLine < 0) {
    fail(
      'unreadable-file',
      `The first line of "${fileName}" runs past ${PREVIEW_BYTES / 1024} KB without a line break: that is not a table's header row (one long line, or not a table at all?).`,
    );
  }
  const head = start.more ? bytes.subarray(0, lastLine + 1) : bytes;
  assertUtf8(fileName, head);
  const header = findHeader(fileName, head);
  // The field's own files are recognised from their head, never from the file's name (#14).
  const format = declared ? undefined : recogniseFormat(new TextDecoder().decode(head), file.size);
  const delimiter = declared ?? format?.spec.delimiter ?? detectDelimiter(header.headerText);
  const text = new TextDecoder().decode(head.subarray(header.headerStart));
  const { rows: records, quoteError } = previewRows(text, delimiter, SAMPLED_ROWS + 1);
  if (quoteError) {
    fail(
      'unreadable-file',
      `"${fileName}" has an unterminated quote near data row ${quoteError.row}: ${quoteError.message}. Close the quote, or remove it, and load the file again.`,
    );
  }
  // A headerless file (idmapping.dat) or one whose header is a `#` line (gene_info) is named by
  // the format: its first line is data.
  const named = format?.spec.header;
  const [rawHeader, ...parsed] = named ? [named, ...records] : records;
  const headerCells = rawHeader.map(columnName);
  const suggestions = headerCells.map((column, c) => {
    if (format) return formatSuggestion(format, column);
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
    ...(format ? { format } : {}),
  };
}

/** A recognised file's column, as its format reads it. */
function formatSuggestion(
  format: FormatProposal,
  column: string,
): TablePreview['suggestions'][number] {
  const long = format.spec.long;
  const proposed = format.spec.columns.find((c) => c.name === column);
  const type = long?.key === column ? long.keyType : proposed?.type;
  // Said of the columns the format reads as ids; an attribute needs no word.
  const reason = proposed?.prefixes
    ? `${format.label}: ids routed by their prefix`
    : long?.typeColumn === column || long?.value === column || !type
      ? ''
      : `${format.label}${proposed?.tier ? `, ${proposed.tier} tier` : ''}`;
  return { column, ...(type ? { type } : {}), reason };
}
