/**
 * The general parser, for input that uses quotes (fields holding delimiters, quotes or newlines).
 * Rows are streamed into the builder one by one and never retained. `#` comment lines are only
 * skipped before the header (dialect.ts): after it, `#N/A` is a placeholder cell, not a comment.
 */
import Papa from 'papaparse';
import { fail } from '../errors';
import type { TableBuilder } from './table-builder';

export function parseQuoted(
  name: string,
  text: string,
  delimiter: string,
  builder: TableBuilder,
  /** The text starts with the header row (already read), not with data. */
  startsWithHeader = true,
): void {
  const slotOf = builder.slotOfField;
  let line = 0;
  let problem: string | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: 'greedy',
    step: (row, parser) => {
      line++;
      if (line === 1 && startsWithHeader) return; // the header, already read
      const quoteError = row.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const row = startsWithHeader ? line - 1 : line;
        problem = `Table "${name}" has an unterminated quote near data row ${row}: ${quoteError.message}.`;
        parser.abort();
        return;
      }
      const cells = row.data;
      for (let f = 0; f < cells.length && f < slotOf.length; f++) {
        if (slotOf[f] >= 0) builder.addString(slotOf[f], cells[f]);
      }
      builder.endRow(cells.length);
    },
  });
  if (problem) fail('unreadable-file', problem);
}

export interface PreviewRows {
  /** The first rows, header included, cells as written (quotes resolved). */
  rows: string[][];
  /** A quote left open, by data row (1-based, after the header). */
  quoteError: { row: number; message: string } | null;
}

/** The first `count` rows of `text` (header included), for a preview: quotes and all. */
export function previewRows(text: string, delimiter: string, count: number): PreviewRows {
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: 'greedy',
    preview: count,
  });
  const error = parsed.errors.find((e) => e.type === 'Quotes');
  return {
    rows: parsed.data,
    quoteError: error ? { row: error.row ?? parsed.data.length - 1, message: error.message } : null,
  };
}
