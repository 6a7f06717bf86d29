/**
 * Identifiers shaped like the field's own (UniProt accessions, Ensembl, RefSeq, GO …) for the
 * synthetic files of the formats bench. The i-th id of a kind is distinct from every other i,
 * so a million rows hold a million keys; the draws that pick list lengths and shared ids (GO
 * terms, taxa) come from a seeded generator, so every run writes the same bytes.
 */

const B36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A seeded pseudo-random source (mulberry32): the same seed gives the same file. */
export class Draw {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` values of `make`, each drawn anew. */
  times<T>(count: number, make: (k: number) => T): T[] {
    // A plain loop: Array.from with a map function costs a third of a file's writing.
    const out: T[] = [];
    for (let k = 0; k < count; k++) out.push(make(k));
    return out;
  }
}

/** `n` as `width` digits of `alphabet`, most significant first (wraps past the width). */
function digitsOf(n: number, width: number, alphabet: string): string {
  let out = '';
  let rest = n;
  for (let k = 0; k < width; k++) {
    out = alphabet[rest % alphabet.length] + out;
    rest = Math.floor(rest / alphabet.length);
  }
  return out;
}

/** `n` as `width` capital letters (`NQSDPTE`, an OMA fingerprint). */
export const letters = (n: number, width: number): string => digitsOf(n, width, LETTERS);

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The i-th UniProtKB accession: Swiss-Prot's six characters (`P04637`) for even i, TrEMBL's ten
 * (`A0A024R161`) for odd i, both matching UniProt's accession pattern.
 */
export function accession(i: number): string {
  const n = i >> 1;
  if (i % 2 === 0) {
    const first = 'OPQ'[n % 3];
    const m = Math.floor(n / 3);
    return `${first}${m % 10}${digitsOf(Math.floor(m / 10), 3, B36)}${Math.floor(m / 466560) % 10}`;
  }
  return tremblAccession(n);
}

/**
 * The n-th 10-character accession (`A0A024R161`), the shape of nearly every unreviewed human
 * entry's: distinct from every `accession(i)`, since those take only odd `i` for this shape.
 */
export function tremblAccession(n: number): string {
  return `A0A${digitsOf(n, 2, B36)}${Math.floor(n / 1296) % 10}${LETTERS[Math.floor(n / 12960) % 26]}${digitsOf(Math.floor(n / 336960), 2, B36)}${n % 10}`;
}

const STEMS = [
  'ZNF', 'SLC', 'LINC', 'KRT', 'OR', 'TMEM', 'FAM', 'CCDC', 'MIR', 'SNORD', 'RPL', 'ANKRD',
  'KIAA', 'PCDH', 'ADAM', 'CDH', 'COL', 'DNAJC', 'GPR', 'HLA', 'IGHV', 'KCNJ', 'LRRC', 'MT',
  'NUDT', 'PRAME', 'RAB', 'RNF', 'SCN', 'TBC1D', 'TRIM', 'UBE2', 'USP', 'WDR', 'ZBTB', 'TP',
]; // prettier-ignore

/** The i-th gene symbol (`TMEM3086`), distinct for every i. */
export function symbol(i: number): string {
  return `${STEMS[i % STEMS.length]}${Math.floor(i / STEMS.length) + 1}`;
}

/** The i-th NCBI GeneID (sparse, as NCBI's are). */
export const geneId = (i: number): string => String(1 + i * 37);

export const ensembl = (kind: 'G' | 'T' | 'P', n: number, species = ''): string =>
  `ENS${species}${kind}${pad(n, 11)}`;

/** A RefSeq accession with its version: `NM_000546.6`. */
export const refseq = (prefix: string, n: number, version: number): string =>
  `${prefix}_${pad(n, prefix.startsWith('N') ? 6 : 9)}.${version}`;

/** One of GO's ~45,000 terms: GO ids repeat across entries as they do in UniProt. */
export const goTerm = (draw: Draw): string => `GO:${pad(draw.int(1, 45_000) * 43, 7)}`;

/** A PDB entry (`1A1U`). */
export const pdb = (draw: Draw): string =>
  `${draw.int(1, 9)}${digitsOf(draw.int(0, 46655), 3, B36)}`;

/** An EMBL/GenBank nucleotide accession (`AF307851`) and its protein (`AAG28785.1`). */
export const embl = (n: number): string => `${digitsOf(n % 676, 2, LETTERS)}${pad(n % 999_983, 6)}`;
export const emblCds = (n: number): string =>
  `${digitsOf(n % 17576, 3, LETTERS)}${pad(n % 99_991, 5)}.${1 + (n % 3)}`;

export const uniparc = (n: number): string =>
  `UPI${(0x1000000 + n * 7919).toString(16).toUpperCase().padStart(10, '0')}`;

export const mim = (n: number): string => String(100_000 + (n % 520_000));

/** Words for names and descriptions (`… kinase domain containing 12`). */
const WORDS = [
  'protein', 'kinase', 'domain', 'containing', 'receptor', 'factor', 'transcription',
  'zinc', 'finger', 'family', 'member', 'subunit', 'channel', 'transporter', 'binding',
  'regulator', 'associated', 'like', 'mitochondrial', 'ribosomal', 'antisense', 'RNA',
  'long', 'non-coding', 'solute', 'carrier', 'ubiquitin', 'ligase', 'repeat', 'coiled-coil',
]; // prettier-ignore

export function words(draw: Draw, min: number, max: number): string {
  let out = draw.pick(WORDS);
  for (let k = draw.int(min, max); k > 1; k--) out += ` ${draw.pick(WORDS)}`;
  return out;
}
