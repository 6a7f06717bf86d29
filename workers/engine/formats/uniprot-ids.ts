/** The shapes of UniProt's own ids, which tell its headerless files apart from any other table. */
import { idType } from '../ids/id-types';

const ACCESSION = idType('uniprot').regex!;
/** An entry name (mnemonic): `P53_HUMAN`, `A0A024R161_HUMAN`, `128UP_DROME`. */
const ENTRY_NAME = /^[A-Z0-9]{1,16}_[A-Z0-9]{1,5}$/;

/** A UniProtKB accession, isoform suffix allowed (`P04637`, `P04637-2`). */
export function isAccession(value: string): boolean {
  return ACCESSION.test(value);
}

export function isEntryName(value: string): boolean {
  return ENTRY_NAME.test(value);
}

/** How many lines the headerless recognisers check (the whole head is counted, not checked). */
export const CHECKED_LINES = 200;
