/**
 * What type one id is, on its own: its form first (a prefix or `sp|` names the type), then the
 * types' patterns, then — when several patterns fit, as for a bare number (NCBI Gene or OMIM) —
 * the dictionaries of tables already in memory, then the type most ids of the list are read as.
 * An id no pattern fits is read as the free-text type (gene symbols) when it is shaped like a
 * name, else as no type.
 */
import { BUILTIN_TYPES, FILE_TYPES, idType, looksLike, type IdType } from './id-types';
import { looksLikeExcelDate } from './excel-dates';
import { readForm, type IdForm } from './id-forms';

/** Whether a table in memory holds `id` in a column of `type`; undefined when none is loaded. */
export type TypeOracle = (type: string, id: string) => boolean | undefined;

/** Names and aliases: letters first, then letters, digits, spaces and the punctuation names use. */
const FREE_TEXT = /^\p{L}[\p{L}\p{N}._@/ '(),+-]*$/u;

/** How one id reads before the list's ranking settles a tie. */
export interface IdCandidates {
  form: IdForm;
  /** Types the id may be, best first; empty when none. */
  types: string[];
  /** Several patterns fit and no table in memory settled it. */
  ambiguous: boolean;
  /** The prefix names types, none of which a table here has. */
  namedElsewhere: boolean;
}

export class IdReader {
  /** Typed types (with a pattern) that enabled tables have, in preference order. */
  readonly patterned: IdType[];
  /** Types without a pattern (symbols, a user's own column types): where free text goes. */
  readonly freeText: string[];

  constructor(
    readonly available: Set<string>,
    readonly oracle: TypeOracle = () => undefined,
  ) {
    this.patterned = [...BUILTIN_TYPES, ...FILE_TYPES].filter(
      (t) => t.regex && available.has(t.id),
    );
    const builtinFree = BUILTIN_TYPES.filter((t) => !t.regex && available.has(t.id)).map(
      (t) => t.id,
    );
    const own = [...available].filter((t) => !idType(t).regex && !builtinFree.includes(t));
    this.freeText = [...builtinFree, ...own];
  }

  candidates(
    key: string,
    form: IdForm = readForm(key, (p) => (this.available.has(p) ? p : undefined)),
  ): IdCandidates {
    const id = form.id;
    if (form.named) {
      const named = form.named.filter((t) => this.available.has(t));
      const shaped = named.filter((t) => looksLike(idType(t), id));
      const types = shaped.length > 0 ? shaped : named.slice(0, 1);
      return { form, types, ambiguous: false, namedElsewhere: named.length === 0 };
    }
    const fits: string[] = [];
    for (const t of this.patterned) if (looksLike(t, id)) fits.push(t.id);
    if (fits.length > 1) {
      // Settled only when one type's tables hold it and every other's rule it out: 114182 is an
      // OMIM number and an NCBI Gene id both, and an OMIM table in memory proves only the first.
      const answers = fits.map((t) => this.oracle(t, id));
      const held = answers.filter((a) => a === true).length;
      if (held === 1 && answers.every((a) => a !== undefined))
        return {
          form,
          types: [fits[answers.indexOf(true)]],
          ambiguous: false,
          namedElsewhere: false,
        };
      return { form, types: fits, ambiguous: true, namedElsewhere: false };
    }
    if (fits.length === 1) return { form, types: fits, ambiguous: false, namedElsewhere: false };
    // SEPT7 a spreadsheet made `7-Sep` is still a symbol (flagged as such after the run). A name
    // fits every free-text type; it is read as the first (symbols) and looked up as the others
    // only if that misses (run/retry-types.ts): asking the tables in memory about every name
    // cost ~1 s per million ids.
    if (this.freeText.length > 0 && (isFreeText(id) || looksLikeExcelDate(id))) {
      return { form, types: this.freeText, ambiguous: false, namedElsewhere: false };
    }
    return { form, types: [], ambiguous: false, namedElsewhere: false };
  }
}

/**
 * Orders types by how many ids read as them alone (ties: the preference order), so an id that
 * several types fit goes to the one the rest of the list is.
 */
export function rankTypes(votes: Map<string, number>, reader: IdReader): string[] {
  const order = [...reader.patterned.map((t) => t.id), ...reader.freeText];
  return order.sort((a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0));
}

/** The first of `types` in `ranking` (the list's most common type that fits). */
export function pick(types: string[], ranking: string[]): string {
  if (types.length === 1) return types[0];
  for (const t of ranking) if (types.includes(t)) return t;
  return types[0];
}

/** FREE_TEXT, with plain ASCII names checked char by char (the regex's `\p{L}` is the slow part). */
export function isFreeText(id: string): boolean {
  const first = id.charCodeAt(0);
  if (first > 127) return FREE_TEXT.test(id);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return false;
  for (let i = 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c > 127) return FREE_TEXT.test(id);
    if (NAME_CHARS[c] !== 1) return false;
  }
  return true;
}

const NAME_CHARS = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._@/ '(),+-")
  NAME_CHARS[ch.charCodeAt(0)] = 1;
