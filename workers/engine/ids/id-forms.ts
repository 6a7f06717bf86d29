/**
 * The forms ids take in the files of the field, undone before lookup: MaxQuant's decoy (`REV__`)
 * and contaminant (`CON__`) prefixes, UniProt FASTA headers (`sp|P68871|HBB_HUMAN`), CURIEs and
 * database prefixes (`NCBIGene:7157`, `uniprot:P04637`; names from the Bioregistry, see
 * scripts/id-prefixes.ts), GENCODE's `_PAR_Y` genes and UniProt entry versions (`P04637.2`).
 * Each undone form is a match bit, so the pair's match type says what was read.
 */
import prefixData from './id-prefixes.json';
import {
  MATCH_CONTAMINANT,
  MATCH_FASTA,
  MATCH_PAR_Y,
  MATCH_PREFIX,
  MATCH_VERSION,
  idType,
  looksLike,
  type IdType,
} from './id-types';

export interface IdForm {
  /** The id to look up once its form is undone. */
  id: string;
  /** MATCH_* bits naming what was undone (0: the id as written). */
  bits: number;
  /** A MaxQuant decoy (`REV__`): never mapped. */
  decoy: boolean;
  /** Types the id's own prefix or form names (`sp|` and `P04637.2`: uniprot); null when none. */
  named: string[] | null;
  /** The database prefix as written (`NCBIGene`), for the reason when it names another type. */
  prefix?: string;
}

const PREFIXES: Record<string, string[]> = prefixData.prefixes;
const BANANA: Record<string, string> = prefixData.banana;

const FASTA = /^(?:sp|tr)\|([^|\s]+)(?:\|[^|]*)?$/i;
const CURIE = /^([A-Za-z][A-Za-z0-9._-]*):\s*(\S.*)$/;
const PAR_Y = /_PAR_Y$/;
const ENTRY_VERSION = /\.\d+$/;
const UNIPROT = idType('uniprot');

/**
 * Reads `raw` (already cleaned of quotes and white space) into the id it stands for. A prefix no
 * Bioregistry synonym names may still name a type of the tables here (`mesh:D000001`, from an
 * SSSOM file): `typeNamed` says which, given the prefix in lower case with `.` as `_`.
 */
export function readForm(raw: string, typeNamed?: (prefix: string) => string | undefined): IdForm {
  let id = raw;
  let bits = 0;
  let decoy = false;
  // MaxQuant writes `REV__` before `CON__` on a reversed contaminant.
  if (startsWithFold(id, 'REV__')) {
    decoy = true;
    id = id.slice(5);
  }
  if (startsWithFold(id, 'CON__')) {
    bits |= MATCH_CONTAMINANT;
    id = id.slice(5);
  }
  const fasta = FASTA.exec(id);
  if (fasta) return { id: fasta[1], bits: bits | MATCH_FASTA, decoy, named: ['uniprot'] };
  let named: string[] | null = null;
  let prefix: string | undefined;
  const curie = CURIE.exec(id);
  const lower = curie?.[1].toLowerCase();
  const own = lower && !PREFIXES[lower] ? typeNamed?.(lower.replaceAll('.', '_')) : undefined;
  const types = lower ? (PREFIXES[lower] ?? (own ? [own] : undefined)) : undefined;
  if (curie && types) {
    prefix = curie[1];
    named = types;
    const rest = curie[2];
    // A type whose ids carry the prefix keeps it, spelled as the type spells it (`GO:0005634`).
    const banana = types.map((t) => BANANA[t]).find((b) => b !== undefined);
    const canonical = banana ? `${banana}:${rest}` : rest;
    if (canonical !== id) bits |= MATCH_PREFIX;
    id = canonical;
  }
  if (PAR_Y.test(id) && id.startsWith('ENS')) {
    id = id.slice(0, -6);
    bits |= MATCH_PAR_Y;
  }
  if (ENTRY_VERSION.test(id) && (named === null || named.includes('uniprot'))) {
    const bare = id.replace(ENTRY_VERSION, '');
    if (!looksLike(UNIPROT, id) && UNIPROT.regex!.test(bare.toUpperCase())) {
      id = bare;
      bits |= MATCH_VERSION;
      named = ['uniprot'];
    }
  }
  return { id, bits, decoy, named, prefix };
}

/**
 * False when the bytes hold none of the characters a form needs (`:` `|` `_` `.`): the id is read
 * as written, so a million plain ids skip `readForm`.
 */
export function mayHaveForm(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    // `:` CURIE, `|` FASTA, `_` CON__/REV__/_PAR_Y, `.` entry version
    if (c === 58 || c === 124 || c === 95 || c === 46) return true;
  }
  return false;
}

function startsWithFold(id: string, prefix: string): boolean {
  return id.length > prefix.length && id.slice(0, prefix.length).toUpperCase() === prefix;
}

/**
 * The id in its type's canonical form when it is written bare (`15377` as a ChEBI id is
 * `CHEBI:15377`): the files give MGI, RGD and ChEBI ids as bare numbers. Unchanged otherwise.
 */
export function canonicalForm(type: IdType, id: string): string {
  const banana = BANANA[type.id];
  if (!banana || !type.regex || type.regex.test(id)) return id;
  const prefixed = `${banana}:${id}`;
  return type.regex.test(prefixed) ? prefixed : id;
}

/** Whether ids of `type` carry a prefix in their canonical form (`HGNC:`, `CHEBI:`, `GO:`). */
export function hasCanonicalPrefix(type: IdType): boolean {
  return BANANA[type.id] !== undefined;
}

/** The prefix ids of `type` carry in their canonical form, with its colon (`CHEBI:`), if any. */
export function canonicalPrefix(type: IdType): string | undefined {
  const banana = BANANA[type.id];
  return banana === undefined ? undefined : `${banana}:`;
}
