/**
 * What we know about each identifier type: how to recognise it, and which relaxed keys may match
 * when the exact spelling misses. Each relaxation becomes part of a pair's match type.
 */
import type { IdTypeInfo } from '../../api';

/** A relaxed key: applied to both the input and the table's keys; null when it changes nothing. */
export interface KeyTransform {
  name: string;
  /** Bit recorded in a pair's match flags (see match-types.ts). */
  bit: number;
  /** ASCII characters whose presence may let `apply` change a key (non-ASCII always may). */
  triggers: string;
  apply(key: string): string | null;
  /**
   * For a transform that only drops a key's first bytes: how many it drops from these UTF-8
   * bytes (0 for none), or -1 when only `apply` can tell. Lets an index relax a column's keys
   * without decoding them.
   */
  dropsFrom?(bytes: Uint8Array): number;
}

export const MATCH_TRIMMED = 1;
export const MATCH_CASE = 2;
export const MATCH_VERSION = 4;
export const MATCH_ISOFORM = 8;
export const MATCH_PREFIX = 16;
export const MATCH_COMPOSITE = 32;
/** Reached from a member of a group line (`P0DP23;P0DP24`); set by assembly, not by a walk. */
export const MATCH_GROUP = 64;
/** The accession of a UniProt FASTA header (`sp|P68871|HBB_HUMAN`). */
export const MATCH_FASTA = 128;
/** A MaxQuant contaminant (`CON__P02768`): mapped, and flagged. */
export const MATCH_CONTAMINANT = 256;
/** A GENCODE pseudo-autosomal copy on chromosome Y (`ENSG00000182378.14_PAR_Y`): the gene. */
export const MATCH_PAR_Y = 512;
/** Reached through a retired id's successor (replaced, merged or split; history tables). */
export const MATCH_RETIRED = 1024;
/** Reached through the primary id of a secondary one (ChEBI, HMDB, GO alt ids). */
export const MATCH_SECONDARY = 2048;

const caseInsensitive: KeyTransform = {
  name: 'case-insensitive',
  bit: MATCH_CASE,
  triggers: 'abcdefghijklmnopqrstuvwxyz',
  apply: (key) => key.toUpperCase(),
};
const versionStripped: KeyTransform = {
  name: 'version-stripped',
  bit: MATCH_VERSION,
  triggers: '.',
  apply: (key) => {
    const dot = key.lastIndexOf('.');
    return dot > 0 && /^\.\d+$/.test(key.slice(dot)) ? key.slice(0, dot) : key;
  },
};
const isoformStripped: KeyTransform = {
  name: 'isoform-stripped',
  bit: MATCH_ISOFORM,
  triggers: '-',
  apply: (key) => key.replace(/-\d+$/, ''),
};

function prefixStripped(prefixes: string[]): KeyTransform {
  // Escaped: `pubchem.compound`'s dot is a dot (unescaped, `pubchemXcompound:962` was stripped).
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^(?:${escaped.join('|')}):\\s*`, 'i');
  const lowered = prefixes.map((p) => new TextEncoder().encode(p.toLowerCase()));
  return {
    name: 'prefix-stripped',
    bit: MATCH_PREFIX,
    triggers: ':',
    apply: (key) => key.replace(pattern, ''),
    dropsFrom: (bytes) => prefixLength(bytes, lowered),
  };
}

/** The length of `prefix:` and the spaces after it at the start of `bytes` (ASCII, any case). */
function prefixLength(bytes: Uint8Array, prefixes: Uint8Array[]): number {
  for (const prefix of prefixes) {
    const n = prefix.length;
    if (bytes.length <= n || bytes[n] !== COLON) continue;
    let i = 0;
    // ASCII letters lowered by setting bit 5; digits, dots and dashes are left as they are.
    while (i < n && (bytes[i] | (isLetter(bytes[i]) ? 0x20 : 0)) === prefix[i]) i++;
    if (i < n) continue;
    let end = n + 1;
    while (end < bytes.length && isSpace(bytes[end])) end++;
    // Other Unicode spaces also match `\s`: leave those keys to the regular expression.
    return end < bytes.length && bytes[end] >= 0x80 ? -1 : end;
  }
  return 0;
}

const COLON = 58;
const isLetter = (b: number) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);

export interface IdType extends IdTypeInfo {
  regex?: RegExp;
  transforms: KeyTransform[];
}

const HUMAN = { group: 'Human genes and proteins', organism: 'human' };
const MOUSE = { group: 'Mouse', organism: 'mouse' };
const RAT = { group: 'Rat', organism: 'rat' };
const METABOLITES = { group: 'Metabolites' };
const ONTOLOGY = { group: 'Gene Ontology' };

function type(
  id: string,
  label: string,
  options: {
    pattern?: string;
    example?: string;
    caseInsensitive?: boolean;
    transforms?: KeyTransform[];
    group?: string;
    organism?: string;
  },
): IdType {
  const transforms = [...(options.transforms ?? [])];
  const caseFold = options.caseInsensitive ?? false;
  if (caseFold && !transforms.includes(caseInsensitive)) transforms.unshift(caseInsensitive);
  return {
    id,
    label,
    pattern: options.pattern,
    example: options.example,
    caseInsensitive: caseFold,
    group: options.group,
    organism: options.organism,
    regex: options.pattern ? new RegExp(options.pattern) : undefined,
    transforms,
  };
}

const UNIPROT = '(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})';

/**
 * Built-in types, in the order auto-detection prefers them when several patterns match (a bare
 * number is an NCBI Gene id before an OMIM number before a PubChem CID). Types whose canonical
 * ids carry a prefix (`HGNC:5`, `MGI:1918911`, `CHEBI:15377`) also match a table's bare numbers
 * once the prefix is stripped on both sides.
 */
export const BUILTIN_TYPES: IdType[] = [
  type('go', 'GO term id', {
    pattern: '^GO:\\d{7}$',
    example: 'GO:0005634',
    ...ONTOLOGY,
  }),
  type('hgnc', 'HGNC id', {
    pattern: '^HGNC:\\d{1,6}$',
    example: 'HGNC:11998',
    transforms: [prefixStripped(['hgnc'])],
    ...HUMAN,
  }),
  type('mgi', 'MGI id (mouse)', {
    pattern: '^MGI:\\d+$',
    example: 'MGI:1918911',
    transforms: [prefixStripped(['mgi'])],
    ...MOUSE,
  }),
  type('rgd', 'RGD id (rat)', {
    pattern: '^RGD:\\d+$',
    example: 'RGD:2003',
    transforms: [prefixStripped(['rgd'])],
    ...RAT,
  }),
  type('chebi', 'ChEBI id', {
    pattern: '^CHEBI:\\d+$',
    example: 'CHEBI:15377',
    transforms: [prefixStripped(['chebi'])],
    ...METABOLITES,
  }),
  type('hmdb', 'HMDB id', {
    pattern: '^HMDB\\d{5,7}$',
    example: 'HMDB0000122',
    transforms: [prefixStripped(['hmdb']), caseInsensitive],
    ...METABOLITES,
  }),
  type('chembl', 'ChEMBL id', {
    pattern: '^CHEMBL\\d+$',
    example: 'CHEMBL510121',
    transforms: [prefixStripped(['chembl']), caseInsensitive],
    ...METABOLITES,
  }),
  type('cas', 'CAS registry number', {
    pattern: '^\\d{2,7}-\\d{2}-\\d$',
    example: '50-99-7',
    transforms: [prefixStripped(['cas'])],
    ...METABOLITES,
  }),
  // One type for the three organisms (their prefixes keep them apart, ENSG/ENSMUSG/ENSRNOG); the
  // selects list it once, under Human, so its label names the other two.
  type('ensembl_gene', 'Ensembl gene (human, mouse, rat)', {
    pattern: '^ENS[A-Z]*G\\d{11}(?:\\.\\d+)?$',
    example: 'ENSG00000141510',
    transforms: [prefixStripped(['ensembl']), caseInsensitive, versionStripped],
    ...HUMAN,
    organism: undefined,
  }),
  type('ensembl_transcript', 'Ensembl transcript', {
    pattern: '^ENS[A-Z]*T\\d{11}(?:\\.\\d+)?$',
    example: 'ENST00000269305',
    transforms: [prefixStripped(['ensembl']), caseInsensitive, versionStripped],
    ...HUMAN,
  }),
  type('ensembl_protein', 'Ensembl protein', {
    pattern: '^ENS[A-Z]*P\\d{11}(?:\\.\\d+)?$',
    example: 'ENSP00000269305',
    transforms: [prefixStripped(['ensembl']), caseInsensitive, versionStripped],
    ...HUMAN,
  }),
  type('refseq', 'RefSeq accession', {
    pattern: '^(?:AC|AP|NC|NG|NM|NP|NR|NT|NW|NZ|XM|XP|XR|YP|WP)_\\d+(?:\\.\\d+)?$',
    example: 'NM_000546',
    transforms: [prefixStripped(['refseq']), caseInsensitive, versionStripped],
    ...HUMAN,
  }),
  type('uniprot', 'UniProt accession', {
    pattern: `^${UNIPROT}(?:-\\d+)?$`,
    example: 'P04637',
    transforms: [prefixStripped(['uniprot', 'uniprotkb']), caseInsensitive, isoformStripped],
    ...HUMAN,
  }),
  type('entrez', 'NCBI Gene (Entrez) id', {
    pattern: '^\\d+$',
    example: '7157',
    transforms: [prefixStripped(['ncbigene', 'entrez', 'geneid'])],
    ...HUMAN,
  }),
  type('omim', 'OMIM (MIM) number', {
    pattern: '^\\d{6}$',
    example: '191170',
    transforms: [prefixStripped(['mim', 'omim'])],
    ...HUMAN,
  }),
  type('pubchem_cid', 'PubChem compound id (CID)', {
    pattern: '^\\d+$',
    example: '5793',
    transforms: [prefixStripped(['cid', 'pubchem', 'pubchem.compound'])],
    ...METABOLITES,
  }),
  type('symbol', 'Gene symbol', { example: 'TP53', caseInsensitive: true, ...HUMAN }),
  type('mouse_symbol', 'Mouse gene symbol (MGI)', {
    example: 'Trp53',
    caseInsensitive: true,
    ...MOUSE,
  }),
  type('rat_symbol', 'Rat gene symbol (RGD)', { example: 'Tp53', caseInsensitive: true, ...RAT }),
  type('go_term', 'GO term name', { example: 'nucleus', caseInsensitive: true, ...ONTOLOGY }),
  type('chebi_name', 'ChEBI name', { example: 'D-glucose', caseInsensitive: true, ...METABOLITES }),
];

const byId = new Map(BUILTIN_TYPES.map((t) => [t.id, t]));

/**
 * Types the field's own files bring (#14) that no bundled table has: named and shaped here so a
 * dropped idmapping.dat's `PDB` or an SSSOM file's `mesh` reads as well as a bundled type.
 */
export const FILE_TYPES: IdType[] = [
  type('uniprot_entry_name', 'UniProt entry name', {
    pattern: '^[A-Z0-9]{1,10}_[A-Z0-9]{1,5}$',
    example: 'P53_HUMAN',
    caseInsensitive: true,
  }),
  type('pdb', 'PDB structure id', {
    pattern: '^[0-9][A-Za-z0-9]{3}$',
    example: '1TUP',
    caseInsensitive: true,
  }),
  type('mesh', 'MeSH id', { pattern: '^[CDQ]\\d{6,9}$', example: 'D000001' }),
  type('mirbase', 'miRBase id', { pattern: '^MI(?:MAT)?\\d{7}$', example: 'MI0000060' }),
];
const fileTypeById = new Map(FILE_TYPES.map((t) => [t.id, t]));

/** Another organism's gene symbols, from an NCBI or UniProt file of its taxon. */
function taxonSymbols(id: string): IdType | undefined {
  const taxon = /^symbol_taxon_(\d+)$/.exec(id)?.[1];
  if (!taxon) return undefined;
  return type(id, `Gene symbol (NCBI taxon ${taxon})`, {
    caseInsensitive: true,
    organism: `taxon:${taxon}`,
  });
}

/** Types made for ids no list above has, made once each (lookups ask for a type per key). */
const madeTypes = new Map<string, IdType>();

/** The known type with this id, or a plain case-sensitive type for a user's own column type. */
export function idType(id: string): IdType {
  const known = byId.get(id) ?? fileTypeById.get(id);
  if (known) return known;
  let made = madeTypes.get(id);
  if (!made) {
    made = taxonSymbols(id) ?? type(id, id, {});
    madeTypes.set(id, made);
  }
  return made;
}

export function typeInfo(t: IdType): IdTypeInfo {
  return {
    id: t.id,
    label: t.label,
    pattern: t.pattern,
    example: t.example,
    caseInsensitive: t.caseInsensitive,
    group: t.group,
    organism: t.organism,
  };
}

/**
 * True when `key` has the shape of `type` as it is or once relaxed (`p04637-2` is a UniProt
 * accession); types without a pattern accept anything.
 */
export function looksLike(type: IdType, key: string): boolean {
  if (!type.regex || type.regex.test(key)) return true;
  let relaxed = key;
  for (const t of type.transforms) {
    // A transform none of whose trigger characters occur cannot change the key: skipping it
    // makes reading a million plain ids on `auto` one pattern test per type.
    if (!mayChange(t, relaxed)) continue;
    relaxed = t.apply(relaxed) ?? relaxed;
    if (type.regex.test(relaxed)) return true;
  }
  return false;
}

const triggerTables = new WeakMap<KeyTransform, Uint8Array>();

function mayChange(transform: KeyTransform, key: string): boolean {
  let table = triggerTables.get(transform);
  if (!table) {
    table = new Uint8Array(128);
    for (const ch of transform.triggers) table[ch.charCodeAt(0)] = 1;
    triggerTables.set(transform, table);
  }
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 127 || table[c] === 1) return true;
  }
  return false;
}
