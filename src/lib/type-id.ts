/**
 * Ids for identifier types the user introduces (a column of organs, cell lines, …). They are
 * lowercase words like the built-in ones (`uniprot`, `ensembl_gene`), so paths and exports read
 * the same whichever kind of type they go through.
 */

const TYPE_ID = /^[a-z][a-z0-9_]*$/;
const MAX_TYPE_ID_LENGTH = 40;

/** A type id made from free text, e.g. a column name: `Cell line` → `cell_line`. */
export function suggestTypeId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, MAX_TYPE_ID_LENGTH);
}

/** Why `id` cannot name a new type, in words, or null when it can. */
export function newTypeIdProblem(id: string, knownIds: Iterable<string>): string | null {
  if (!id) return 'Name the new type (e.g. organ).';
  if (!TYPE_ID.test(id)) {
    return `“${id}” cannot name a type: use lowercase letters, digits and _, starting with a letter (e.g. organ or cell_line).`;
  }
  if (id.length > MAX_TYPE_ID_LENGTH) {
    return `The type name “${id}” is too long (at most ${MAX_TYPE_ID_LENGTH} characters).`;
  }
  if ([...knownIds].includes(id)) {
    return `“${id}” is already a known type: choose it from the list instead of “New type…”.`;
  }
  return null;
}
