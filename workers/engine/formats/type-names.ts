/**
 * Type ids for what a file names: the known ones (Crosswalk's bundled data has them) and, for an
 * ID type nobody mapped, a slug of its name (`KEGG COMPOUND accession` → `kegg_compound_accession`)
 * so that the same name always gives the same type, across files and formats.
 */
import type { IdTypeId } from '../../api';
import { BUILTIN_TYPES } from '../ids/id-types';

const KNOWN = new Set(BUILTIN_TYPES.map((type) => type.id));

/** Whether Crosswalk's own types include it (its bundled tables or packs have ids of it). */
export function isKnownType(type: IdTypeId): boolean {
  return KNOWN.has(type);
}

/** A type id made of `[a-z0-9_]` from a name: accents dropped, every other run of characters `_`. */
export function slug(name: string): IdTypeId {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return plain.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'unnamed';
}
