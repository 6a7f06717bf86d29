/**
 * The type a CURIE prefix stands for (`CHEBI`, `ncbigene`, `pubchem.compound` …): by its name
 * among the Bioregistry's prefixes and synonyms Crosswalk ships (see ids/id-forms.ts), else by the
 * URI a file's `curie_map` gives it, else a slug of its own name (`mesh` → `mesh`).
 */
import type { IdTypeId } from '../../api';
import prefixData from '../ids/id-prefixes.json';
import { slug } from './type-names';

const PREFIXES: Record<string, string[]> = prefixData.prefixes;

/** Where a URI names its prefix: OBO PURLs (`…/obo/CHEBI_`), identifiers.org, bioregistry.io. */
const URI_NAMES = [
  /\/obo\/([A-Za-z][\w.]*)_$/,
  /identifiers\.org\/([\w.]+)[:/]/,
  /bioregistry\.io\/([\w.]+)[:/]/,
];
/** Publishers' own URIs for the types Crosswalk has. */
const URI_TYPES: [RegExp, IdTypeId][] = [
  [/purl\.uniprot\.org\/uniprot\//, 'uniprot'],
  [/genenames\.org\/.*hgnc/i, 'hgnc'],
  [/ncbi\.nlm\.nih\.gov\/gene\//, 'entrez'],
  [/pubchem\.ncbi\.nlm\.nih\.gov\/compound\//, 'pubchem_cid'],
  [/ebi\.ac\.uk\/chembl\//, 'chembl'],
];
/** Which of Ensembl's types an `ensembl:` id is, by its letter after the species code. */
const ENSEMBL_KINDS: [RegExp, IdTypeId][] = [
  [/^ENS[A-Z]*G\d/, 'ensembl_gene'],
  [/^ENS[A-Z]*T\d/, 'ensembl_transcript'],
  [/^ENS[A-Z]*P\d/, 'ensembl_protein'],
];

/** `ids`: the head's local ids under this prefix, which pick one type where a name has several. */
export function typeOfPrefix(prefix: string, uri: string | undefined, ids: string[]): IdTypeId {
  const types = typesOfName(prefix) ?? (uri ? typesOfUri(uri) : undefined);
  if (!types || types.length === 0) return slug(prefix);
  if (types.length === 1) return types[0];
  const kinds = new Set(ids.map((id) => ENSEMBL_KINDS.find(([pattern]) => pattern.test(id))?.[1]));
  const [kind] = kinds;
  return kinds.size === 1 && kind !== undefined && types.includes(kind) ? kind : types[0];
}

function typesOfUri(uri: string): string[] | undefined {
  for (const pattern of URI_NAMES) {
    const name = pattern.exec(uri)?.[1];
    const types = name === undefined ? undefined : typesOfName(name);
    if (types) return types;
  }
  const type = URI_TYPES.find(([pattern]) => pattern.test(uri))?.[1];
  return type ? [type] : undefined;
}

function typesOfName(name: string): string[] | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(PREFIXES, key) ? PREFIXES[key] : undefined;
}
