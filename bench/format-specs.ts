/**
 * How the formats bench reads a file, both ways the app can: as the recogniser proposes (the
 * preview's head, then the whole file parsed as the table check parses it) and as a generic
 * table (the first non-`#` line as header, its first two columns typed, no format).
 */
import type { FormatProposal } from '../workers/api';
import { recogniseFormat } from '../workers/engine/formats/recognise';
import { detectDelimiter, findHeader } from '../workers/engine/tables/dialect';
import { splitHeader } from '../workers/engine/tables/header';
import type { TableSpec } from '../workers/engine/tables/parse-table';

/** What the preview reads of a file to recognise it (user-tables/preview.ts). */
export const HEAD_BYTES = 256 * 1024;

/** The format of a file from its first bytes (`start`, up to HEAD_BYTES), as the preview does. */
export function recognise(start: Uint8Array, fileBytes: number): FormatProposal | undefined {
  const more = fileBytes > start.length;
  const head = more ? start.subarray(0, start.lastIndexOf(10) + 1) : start;
  return recogniseFormat(new TextDecoder().decode(head), fileBytes);
}

/**
 * The spec `UserTables.check` parses for a recognised file: the whole file, tiers read as plain
 * columns, a split file's rows all kept and counted by their value. A long-form file bigger than
 * the head keeps only the ID types Crosswalk knows, as the app preselects them for a big file.
 */
export function proposedSpec(proposal: FormatProposal, big: boolean): TableSpec {
  const { columns, delimiter, header, long, hub, matchBy, history } = proposal.spec;
  const known = proposal.idTypes?.filter((t) => t.known).map((t) => t.name);
  const types =
    long && big && known
      ? Object.fromEntries(Object.entries(long.types).filter(([name]) => known.includes(name)))
      : long?.types;
  return {
    name: proposal.id,
    columns: columns.map(({ tier: _tier, ...column }) => column),
    ...(delimiter !== undefined && { delimiter }),
    ...(header !== undefined && { header }),
    ...(long && types && { long: { ...long, types } }),
    ...(hub !== undefined && { hub }),
    ...(history !== undefined && { history }),
    ...(matchBy && { rowFilter: { column: matchBy.column, drop: [] } }),
  };
}

/** Two types of the user's own: nothing canonical, no pattern, as a generic table's may be. */
export const PLAIN_TYPES = ['plain_a', 'plain_b'];

/**
 * The file as a generic table: every cell of its first non-`#` line a column (the first data row
 * of a headerless file, or of an NCBI file whose header is a `#` line), the first two typed.
 */
export function genericSpec(start: Uint8Array): TableSpec {
  const { headerText } = findHeader('generic', start);
  const names = splitHeader(headerText, detectDelimiter(headerText));
  return {
    name: 'generic',
    columns: names.map((name, i) => (i < 2 ? { name, type: PLAIN_TYPES[i] } : { name })),
  };
}
