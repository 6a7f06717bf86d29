/**
 * A recognised standard file (#14) as the user confirms or edits it: the engine's proposal, the
 * types the user gave its columns, and for a long-form file (idmapping.dat, ChEBI's
 * database_accession) which ID types to keep and as what. Turned into the `UserTableSpec` the
 * engine checks; a generic file never comes here (table-spec.ts).
 */
import type { FormatProposal, IdTypeId, UserColumnSpec, UserTableSpec } from '../../workers/api';
import { newTypeIdProblem } from './type-id';
import { BY_PREFIX, NEW_TYPE } from './table-spec';

export interface IdTypeDraft {
  /** The ID type as the file names it (`GeneID`, `Ensembl_TRS`). */
  name: string;
  /** Its rows in the head of the file. */
  rows: number;
  /** Crosswalk knows the type it is proposed as. */
  known: boolean;
  keep: boolean;
  /** The type its values become: a known type id or a new one's. */
  type: IdTypeId;
}

/** One draft per ID type of a long-form file, ticked as the engine proposed. */
export function draftIdTypes(format: FormatProposal): IdTypeDraft[] {
  const kept = format.spec.long?.types ?? {};
  return (format.idTypes ?? []).map((t) => ({
    name: t.name,
    rows: t.rows,
    known: t.known,
    keep: t.name in kept,
    type: kept[t.name] ?? t.type,
  }));
}

/**
 * The spec of a recognised file: the proposal's reading, each column with the type the user
 * chose (`type` undefined: an attribute; BY_PREFIX: the proposal's prefix routes) and whether it
 * is split, and a long form's ticked ID types.
 */
export function formatSpec(
  format: FormatProposal,
  base: { name: string; priority: number; delimiter?: string },
  columns: {
    name: string;
    type: IdTypeId | undefined | typeof BY_PREFIX;
    split: boolean;
    separator?: string;
    manyValued?: boolean;
  }[],
  idTypes: IdTypeDraft[],
): UserTableSpec {
  const read = (proposed: UserColumnSpec): UserColumnSpec => {
    const chosen = columns.find((c) => c.name === proposed.name);
    if (!chosen) return proposed;
    if (chosen.type === BY_PREFIX) return proposed;
    if (chosen.type === undefined) return { name: proposed.name };
    const { prefixes: _prefixes, separator, ...rest } = proposed;
    const split = chosen.split ? { separator: chosen.separator ?? separator ?? ',' } : {};
    const many = chosen.manyValued ? { manyValued: true } : {};
    return { ...rest, type: chosen.type, ...split, ...many };
  };
  const spec: UserTableSpec = {
    ...format.spec,
    name: base.name.trim(),
    priority: base.priority,
    format: format.id,
    columns: format.spec.columns.map(read),
    ...(format.organism ? { organism: format.organism } : {}),
  };
  if (base.delimiter !== undefined) spec.delimiter = base.delimiter;
  const long = format.spec.long;
  if (long) {
    const key = columns.find((c) => c.name === long.key);
    const keyType =
      typeof key?.type === 'string' && key.type !== BY_PREFIX ? key.type : long.keyType;
    const types = Object.fromEntries(idTypes.filter((t) => t.keep).map((t) => [t.name, t.type]));
    spec.long = { ...long, keyType, types };
  }
  return spec;
}

/** What stops a recognised file from being checked, in words (besides the table's name). */
export function formatProblems(spec: UserTableSpec): string[] {
  if (spec.long) {
    if (Object.keys(spec.long.types).length === 0)
      return ['Tick at least one ID type to keep: the table maps the key to the types kept.'];
    if (Object.values(spec.long.types).some((type) => type.trim() === ''))
      return ['Every ID type kept needs a type name.'];
    return [];
  }
  const typed = spec.columns.filter((c) => c.type || c.prefixes);
  if (typed.length < 2 && !(typed.length === 1 && typed[0].prefixes))
    return [
      'At least two columns need an identifier type: a lookup table maps one type to another.',
    ];
  return [];
}

/** The new type names given to columns (`+new`) or to kept ID types that are not usable ids. */
export function newTypeProblems(
  columns: { name: string; choice: string; newType: string }[],
  idTypes: IdTypeDraft[],
  knownIds: IdTypeId[],
): string[] {
  const problems: string[] = [];
  for (const column of columns) {
    if (column.choice !== NEW_TYPE) continue;
    const problem = newTypeIdProblem(column.newType.trim(), knownIds);
    if (problem) problems.push(`Column “${column.name}”: ${problem}`);
  }
  const named = idTypes.filter((t) => t.keep && !t.known).map((t) => t.type);
  for (const type of [...new Set(named)].filter((t) => !knownIds.includes(t))) {
    const problem = newTypeIdProblem(type.trim(), knownIds);
    if (problem) problems.push(`ID type “${type}”: ${problem}`);
  }
  return problems;
}
