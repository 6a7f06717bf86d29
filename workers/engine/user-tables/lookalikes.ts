/**
 * Ids in a column that look like another type than the one it was given (#17): a `gene` column
 * typed as symbols that holds Ensembl gene ids in places (hpa_osps.csv) answers with them as
 * symbols, silently. The report names the commonest such type, with examples.
 */
import type { IdTypeId } from '../../api';
import { BUILTIN_TYPES, idType, looksLike } from '../ids/id-types';
import type { StringDict } from '../packed/string-dict';

/**
 * Distinct ids looked at per column: every pattern is tried on each, ~20 regular expressions,
 * so a million-id column would take seconds; the first 50,000 tell a column's mix.
 */
export const LOOKALIKE_SAMPLE = 50_000;
const EXAMPLES = 3;
/** A pattern that begins with two letters or more (`^ENS`, `^HGNC:`). */
const PREFIXED = /^\^[A-Z]{2,}/;

export interface Lookalikes {
  type: IdTypeId;
  ids: number;
  examples: string[];
  /** Distinct ids looked at (all of them, or LOOKALIKE_SAMPLE). */
  sampled: number;
}

/** The other type the column's ids look like most often, or undefined when none does. */
export function lookalikes(dict: StringDict, type: IdTypeId): Lookalikes | undefined {
  const own = idType(type);
  // A column of free text (symbols, names) is held only to the types whose ids start with a
  // prefix of letters (`ENSG…`, `HGNC:…`, `CHEBI:…`): UniProt's pattern fits real symbols
  // (H2BC12, B3GAT1, P2RY12) and NCBI Gene's any number.
  const others = BUILTIN_TYPES.filter(
    (t) => t.regex && t.id !== type && (own.regex || PREFIXED.test(t.regex.source)),
  );
  const found = new Map<IdTypeId, { ids: number; examples: string[] }>();
  const sampled = Math.min(dict.size, LOOKALIKE_SAMPLE);
  const string = dict.stringGetter();
  for (let id = 0; id < sampled; id++) {
    const value = string(id);
    if (own.regex && looksLike(own, value)) continue;
    const other = others.find((t) => looksLike(t, value));
    if (!other) continue;
    const entry = found.get(other.id) ?? { ids: 0, examples: [] };
    entry.ids++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(value);
    found.set(other.id, entry);
  }
  const [top] = [...found].sort((a, b) => b[1].ids - a[1].ids);
  return top && { type: top[0], ...top[1], sampled };
}
