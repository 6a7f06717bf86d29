/**
 * How a user's file is read, as the table records keep it: the reading a check request gives,
 * what makes two records the same table, and the proposal for a recognised file too big to add.
 */
import type { FormatProposal, UserTableSpec } from '../../api';
import type { CatalogTable } from '../tables/catalog';
import { MAX_USER_FILE_BYTES } from './stored-record';

/**
 * A recognised file over the whole-file limit, read in a stream when checked (#19): a long form
 * keeps only the ID types Crosswalk knows unless the user ticks more.
 */
export function bigFileProposal(
  format: FormatProposal,
  bytes: number,
  textBytes = bytes,
): FormatProposal {
  const limit = MAX_USER_FILE_BYTES / 1024 / 1024;
  const size = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const holds = textBytes > bytes ? ` and holds about ${size(textBytes)} of text` : '';
  const kept = format.spec.long
    ? 'the ID types ticked (those Crosswalk knows are)'
    : 'its typed columns';
  const note = `This file is ${size(bytes)}${holds}, over the ${limit} MB a table is read whole up to: only its start was read here. Checking it reads it in a stream and keeps only ${kept}, packed; the file itself is not kept.`;
  const long = format.spec.long;
  const known = new Set((format.idTypes ?? []).filter((t) => t.known).map((t) => t.name));
  return {
    ...format,
    ...(long
      ? {
          spec: {
            ...format.spec,
            long: {
              ...long,
              types: Object.fromEntries(Object.entries(long.types).filter(([n]) => known.has(n))),
            },
          },
        }
      : {}),
    notes: [...(format.notes ?? []), note],
  };
}

/** What makes two descriptions the same table: its bytes and how they are read. */
export function identity(spec: CatalogTable): string {
  const { hash, delimiter, columns, header, long, hub, matchBy, history, organism } = spec;
  const reading = [columns, header, long, hub, matchBy, history, organism];
  return JSON.stringify([hash, delimiter ?? '', ...reading]);
}

/** How a request reads its file: what a stored table keeps besides its name and provenance. */
export function readingOf(
  request: UserTableSpec,
): Omit<
  CatalogTable,
  'name' | 'label' | 'file' | 'hash' | 'bytes' | 'rows' | 'source' | 'date' | 'licence'
> {
  const { columns, delimiter, format, header, long, hub, history, organism } = request;
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return defined({ columns, delimiter, format, header, long, hub, history, organism });
}
