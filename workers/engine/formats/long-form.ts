/**
 * Long-form files (UniProt's idmapping.dat, ChEBI's database_accession): each row names its ID
 * type. What the head holds of each type decides the proposal: the kept types and their counts.
 */
import type { FormatProposal, IdTypeId } from '../../api';
import { isKnownType } from './type-names';

export type IdTypeCount = NonNullable<FormatProposal['idTypes']>[number];

/** Each ID type named in `names` (rows' type cells), with its rows, in order of first sight. */
export function countIdTypes(names: string[], typeOf: (name: string) => IdTypeId): IdTypeCount[] {
  const rows = new Map<string, number>();
  for (const name of names) rows.set(name, (rows.get(name) ?? 0) + 1);
  return [...rows].map(([name, count]) => {
    const type = typeOf(name);
    return { name, rows: count, type, known: isKnownType(type) };
  });
}

/** The long-form spec's `types`: ID type name → identifier type. */
export function typesOf(idTypes: IdTypeCount[]): Record<string, IdTypeId> {
  return Object.fromEntries(idTypes.map((t) => [t.name, t.type]));
}

/** Said when the head is not the whole file: types first met further down are not kept. */
export function partialHeadNote(rows: number): string {
  return `ID types were read from the first ${rows.toLocaleString('en')} rows (the start of the file): rows of a type that first appears further down are skipped unless you add it.`;
}
