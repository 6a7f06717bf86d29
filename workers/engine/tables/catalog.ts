/** The bundled (or user-given) table catalog: what `public/data/catalog.json` holds. */
import type { LongFormSpec, PackInfo, TableFormatId } from '../../api';
import { fail } from '../errors';

export interface CatalogColumn {
  /** Header name in the file. */
  name: string;
  /** Identifier type carried by the column; untyped columns are attributes and not indexed. */
  type?: string;
  /** Split cells on this string into several ids (composite cells like `"P58401, Q9P2S2"`). */
  separator?: string;
  /** `DB:id` values routed by `DB` to a type, one column per type (see UserColumnSpec). */
  prefixes?: Record<string, string>;
  /** A fallback tier of its type, recorded as the match type (see UserColumnSpec). */
  tier?: string;
  /** Several values of this column for one id are all meant (see UserColumnSpec). */
  manyValued?: boolean;
}

/** The history columns' names: the pack's `old`, `new`, `event`, `date`, or a user file's own. */
export interface HistoryColumns {
  old?: string;
  new?: string;
  /** Absent in a user's file (NCBI's gene_history has none): what happened is read from the rows. */
  event?: string;
  date?: string;
}

export interface CatalogTable {
  name: string;
  label: string;
  /** URL of the file relative to the catalog (`.csv`, `.tsv`, optionally `.gz`). */
  file: string;
  /** Content hash of the file's bytes as shipped (hex); part of the table's cache identity. */
  hash: string;
  bytes: number;
  rows: number;
  columns: CatalogColumn[];
  /** Lower is preferred among paths with the same hop count; default 0. */
  priority?: number;
  /** Match type recorded for pairs found through this table (e.g. `alias`). */
  matchLabel?: string;
  delimiter?: string;
  source: string;
  date: string;
  licence: string;
  /** The data pack the table ships in (fetched on first use, then kept); absent: the core. */
  pack?: string;
  /** The organism the table covers (`human`, `mouse`, `rat`); absent when not one organism. */
  organism?: string;
  /** False for a table used only once the user opts in (HMDB's licence); default true. */
  enabled?: boolean;
  /**
   * A history table: what became of retired and secondary ids of one type. Its columns are
   * `old` and `new` (both of that type; `new` empty when withdrawn), `event` (`replaced`,
   * `merged`, `split`, `withdrawn` or `secondary`) and `date` (ISO, or empty when the source gives
   * none). Never a path step: consulted for ids no current table knows. A user's file (NCBI's
   * gene_history) names its own columns and may have no `event` (see HistoryColumns).
   */
  history?: { type: string } & HistoryColumns;
  /** A standard format's reading (#14; see UserTableSpec): names for a headerless file … */
  format?: TableFormatId;
  header?: string[];
  /** … rows in long form (key, ID type, value) … */
  long?: LongFormSpec;
  /** … or every value of a row related to the row's key in this column, never multiplied. */
  hub?: string;
  /** Only rows whose column has (or has not) one of these values: one part of a split file. */
  rowFilter?: { column: string; keep?: string[]; drop?: string[] };
  /** Rows split by a column's value (SSSOM predicates); `others`: the values found at check. */
  matchBy?: { column: string; primary: string[]; others?: string[] };
  /** The user table this is a tier of (`hgnc (alias)` of `hgnc`; user-tables/table-parts.ts). */
  partOf?: string;
  /**
   * A user's file too big to keep whole, read in a stream and kept packed (#19): the file's size
   * and the rows read from it. `bytes`, `rows` and `hash` are then the stored packed form's, and
   * the rows kept.
   */
  streamed?: StreamedFrom;
}

export interface StreamedFrom {
  bytes: number;
  rows: number;
}

/** A data pack as the catalog file gives it: the contract's PackInfo less what the device adds. */
export type CatalogPack = Omit<PackInfo, 'tables' | 'bytes' | 'onDevice'>;

export interface CatalogFile {
  version: string;
  tables: CatalogTable[];
  packs?: CatalogPack[];
}

export function parseCatalog(bytes: Uint8Array, url: string): CatalogFile {
  let catalog: CatalogFile;
  try {
    catalog = JSON.parse(new TextDecoder().decode(bytes)) as CatalogFile;
  } catch (error) {
    return fail(
      'unreadable-file',
      `The table catalog at ${url} is not valid JSON (${String(error)}).`,
    );
  }
  if (!Array.isArray(catalog?.tables))
    fail('unreadable-file', `The table catalog at ${url} lists no tables.`);
  return catalog;
}

/** A table file's URL, relative to the catalog's (plain paths too, for Node). */
export function resolveUrl(base: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(base)) return new URL(file, base).href;
  return base.slice(0, base.lastIndexOf('/') + 1) + file;
}
