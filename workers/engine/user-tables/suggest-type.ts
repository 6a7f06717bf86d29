/**
 * Suggests an identifier type for a column of a user's table, from its header name and from how
 * its values look. Values win when they clearly disagree with the name.
 */
import { BUILTIN_TYPES } from '../ids/id-types';

const HEADER_HINTS: [RegExp, string][] = [
  [
    /^(uniprot|uniprot_?(ac|id|kb|acc|accession)s?|uniprotkb(_ac)?|swiss_?prot|protein_?(ac|accession))$/i,
    'uniprot',
  ],
  [/^(entrez|entrez_?(gene_?)?ids?|ncbi_?gene(_?id)?|gene_?ids?|geneid)$/i, 'entrez'],
  [/^(symbol|gene|genes|gene_?symbols?|gene_?names?|hgnc_?symbol|approved_?symbol)$/i, 'symbol'],
  [/^(ensembl(_?gene(_?id)?)?|ensg|ensembl_?gene_?ids?)$/i, 'ensembl_gene'],
  [/^(ensembl_?transcript(_?id)?|enst)$/i, 'ensembl_transcript'],
  [/^(ensembl_?protein(_?id)?|ensp|protein_?id)$/i, 'ensembl_protein'],
  [/^(refseq(_?(id|accession))?)$/i, 'refseq'],
  [/^(omim|mim(_?number)?)$/i, 'omim'],
  [/^(go|go_?ids?|go_?terms?_?ids?)$/i, 'go'],
];

export interface Suggestion {
  type?: string;
  reason: string;
}

export function suggestType(header: string, values: string[]): Suggestion {
  const fromHeader = HEADER_HINTS.find(([pattern]) => pattern.test(header.trim()))?.[1];
  const sample = values.filter((v) => v.trim() !== '').slice(0, 200);
  let fromValues: string | undefined;
  let share = 0;
  for (const t of BUILTIN_TYPES) {
    if (!t.regex || sample.length === 0) continue;
    const matching = sample.filter((v) => t.regex!.test(v.trim())).length / sample.length;
    if (matching > share) {
      share = matching;
      fromValues = t.id;
    }
  }
  const percent = Math.round(share * 100);
  if (
    fromHeader &&
    (!fromValues || share < 0.8 || fromValues === fromHeader || !typeHasPattern(fromHeader))
  ) {
    return { type: fromHeader, reason: `the header "${header}" names it` };
  }
  if (fromValues && share >= 0.8) {
    return {
      type: fromValues,
      reason: `${percent} % of the first values look like ${fromValues} ids`,
    };
  }
  return { reason: 'neither the header nor the values name a known type; kept as an attribute' };
}

function typeHasPattern(id: string): boolean {
  return !!BUILTIN_TYPES.find((t) => t.id === id)?.regex;
}
