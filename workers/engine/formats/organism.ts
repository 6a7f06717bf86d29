/**
 * Organisms and their gene-symbol types. A symbol names a gene of one organism (human TP53 and
 * mouse Trp53 are different genes, and the same spelling may name unrelated genes in two
 * species), so each taxon gets its own symbol type: the three Crosswalk ships data for by
 * name, any other as `symbol_taxon_<id>`.
 */
import type { IdTypeId } from '../../api';
import { isBlank } from './head';

export interface Organism {
  /** `human`, `mouse`, `rat`, or `taxon:<NCBI taxon id>`. */
  id: string;
  symbolType: IdTypeId;
}

const NAMED: Record<string, Organism> = {
  '9606': { id: 'human', symbolType: 'symbol' },
  '10090': { id: 'mouse', symbolType: 'mouse_symbol' },
  '10116': { id: 'rat', symbolType: 'rat_symbol' },
};

/** How UniProt names the three (`Homo sapiens (Human)`), strain or remark after the species. */
const SPECIES: [RegExp, string][] = [
  [/^Homo sapiens\b/, '9606'],
  [/^Mus musculus\b/, '10090'],
  [/^Rattus norvegicus\b/, '10116'],
];

/** The symbol type when no one organism is known (gene symbols are most often human). */
export const DEFAULT_SYMBOL_TYPE: IdTypeId = 'symbol';

export function organismOfTaxon(taxon: string): Organism | undefined {
  const id = taxon.trim();
  if (!/^\d+$/.test(id)) return undefined;
  return NAMED[id] ?? { id: `taxon:${id}`, symbolType: `symbol_taxon_${id}` };
}

/** The NCBI taxon of a species name as UniProt writes it, for the three Crosswalk knows. */
export function taxonOfSpecies(name: string): string | undefined {
  return SPECIES.find(([pattern]) => pattern.test(name.trim()))?.[1];
}

/** Organisms named in a note, at most (a file of all of NCBI's taxa has thousands). */
const LISTED = 5;

export interface OrganismReading {
  organism?: Organism;
  notes: string[];
}

/**
 * The one organism of a head's taxon values, or notes saying why there is none. `where` names
 * the column in the notes; `symbols` says whether a symbol type depends on the answer.
 */
export function organismOfTaxa(
  values: (string | undefined)[],
  where: string,
  symbols: boolean,
): OrganismReading {
  const taxa = [...new Set(values.filter((v): v is string => !!v && !isBlank(v)))];
  const organisms = taxa.map(organismOfTaxon).filter((o): o is Organism => o !== undefined);
  if (organisms.length === 1) return { organism: organisms[0], notes: [] };
  const fallback = symbols ? `; gene symbols are typed as ${DEFAULT_SYMBOL_TYPE}` : '';
  if (organisms.length === 0) {
    return { notes: [`No organism could be read from ${where} in the file's head${fallback}.`] };
  }
  const shown = organisms.slice(0, LISTED).map((o) => o.id);
  const listed = organisms.length > LISTED ? `${shown.join(', ')}, …` : shown.join(', ');
  return {
    notes: [`The file's head holds rows of several organisms (${listed})${fallback}.`],
  };
}

/** The symbol type of the organism read, or the default one. */
export function symbolTypeOf(reading: OrganismReading): IdTypeId {
  return reading.organism?.symbolType ?? DEFAULT_SYMBOL_TYPE;
}
