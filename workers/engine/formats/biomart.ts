/**
 * Ensembl BioMart exports: human-readable headers (`Gene stable ID`, `HGNC symbol`, `NCBI gene
 * (formerly Entrezgene) ID` …), tab- or comma-separated, one row per combination of the
 * attributes asked for — so no column is a hub.
 */
import type { FormatProposal, IdTypeId } from '../../api';
import { detectDelimiter } from '../tables/dialect';
import { cellsOf, columnValues, withLazyRows, type FileHead } from './head';
import { DEFAULT_SYMBOL_TYPE, organismOfTaxon, type Organism } from './organism';
import { columnsOf, proposal, type ColumnRule } from './proposal';

/** An Ensembl id kind whose column BioMart offers bare and with its version. */
interface Versioned {
  bare: string[];
  versioned: string;
  type: IdTypeId;
}

const VERSIONED: Versioned[] = [
  {
    bare: ['Gene stable ID', 'Ensembl Gene ID'],
    versioned: 'Gene stable ID version',
    type: 'ensembl_gene',
  },
  {
    bare: ['Transcript stable ID', 'Ensembl Transcript ID'],
    versioned: 'Transcript stable ID version',
    type: 'ensembl_transcript',
  },
  {
    bare: ['Protein stable ID', 'Ensembl Protein ID'],
    versioned: 'Protein stable ID version',
    type: 'ensembl_protein',
  },
];
const GENE_COLUMNS = [...VERSIONED[0].bare, VERSIONED[0].versioned];

/** Attribute names (current, and a few of before Ensembl 90) → types. */
const TYPED = new Map<string, IdTypeId>([
  ['HGNC symbol', 'symbol'],
  ['HGNC ID', 'hgnc'],
  ['MGI symbol', 'mouse_symbol'],
  ['MGI ID', 'mgi'],
  ['RGD symbol', 'rat_symbol'],
  ['RGD ID', 'rgd'],
  ['NCBI gene (formerly Entrezgene) ID', 'entrez'],
  ['NCBI gene ID', 'entrez'],
  ['EntrezGene ID', 'entrez'],
  ['UniProtKB/Swiss-Prot ID', 'uniprot'],
  ['UniProtKB/TrEMBL ID', 'uniprot'],
  ['UniProtKB Gene Name ID', 'uniprot'],
  ['UniProtKB isoform ID', 'uniprot'],
  ['RefSeq mRNA ID', 'refseq'],
  ['RefSeq mRNA predicted ID', 'refseq'],
  ['RefSeq ncRNA ID', 'refseq'],
  ['RefSeq ncRNA predicted ID', 'refseq'],
  ['RefSeq peptide ID', 'refseq'],
  ['RefSeq peptide predicted ID', 'refseq'],
  ['MIM gene accession', 'omim'],
  ['ChEMBL ID', 'chembl'],
  ['PDB ID', 'pdb'],
  ['GO term accession', 'go'],
]);
/** The organism-neutral gene name; an organism's own symbol column, when present, is preferred. */
const GENE_NAMES = ['Gene name', 'Associated Gene Name'];
const ORGANISM_SYMBOLS = ['HGNC symbol', 'MGI symbol', 'RGD symbol'];
const OTHER_NAMES = new Set([
  ...VERSIONED.flatMap((v) => [...v.bare, v.versioned]),
  ...TYPED.keys(),
  ...GENE_NAMES,
  'Gene description',
]);

/** Ensembl's gene id prefixes (`ENSG`, `ENSMUSG`, `ENSRNOG`) → NCBI taxa. */
const GENE_PREFIXES = new Map([
  ['ENSG', '9606'],
  ['ENSMUSG', '10090'],
  ['ENSRNOG', '10116'],
]);

export function recogniseBiomart(head: FileHead): FormatProposal | undefined {
  const first = head.lines[0];
  if (first === undefined || first.startsWith('#')) return undefined;
  const delimiter = detectDelimiter(first) === ',' ? ',' : '\t';
  const header = cellsOf(first, delimiter);
  const gene = header.find((name) => GENE_COLUMNS.includes(name));
  const others = header.filter((name) => name !== gene && OTHER_NAMES.has(name));
  if (gene === undefined || others.length === 0) return undefined;
  const table = withLazyRows([], header, () => head.lines.slice(1), delimiter);

  const rules = new Map<string, ColumnRule>();
  for (const kind of VERSIONED) {
    // One kind, one typed column: the bare ids when both are there, else the versioned ones.
    const bare = kind.bare.find((name) => header.includes(name));
    const typed = bare ?? (header.includes(kind.versioned) ? kind.versioned : undefined);
    if (typed !== undefined) rules.set(typed, { type: kind.type });
  }
  for (const [name, type] of TYPED) if (header.includes(name)) rules.set(name, { type });
  const organism = organismOfGenes(columnValues(table, gene));
  const notes: string[] = [];
  const geneName = header.find((name) => GENE_NAMES.includes(name));
  if (geneName !== undefined && !header.some((name) => ORGANISM_SYMBOLS.includes(name))) {
    rules.set(geneName, { type: organism?.symbolType ?? DEFAULT_SYMBOL_TYPE });
    if (!organism) {
      notes.push(
        `The organism could not be read from the head's "${gene}" ids: "${geneName}" is typed as ${DEFAULT_SYMBOL_TYPE} (human gene symbols).`,
      );
    }
  }
  return proposal('biomart', 'Ensembl BioMart export', {
    spec: { delimiter, columns: columnsOf(header, rules) },
    organism: organism?.id,
    notes,
  });
}

/** The one organism whose gene ids the column holds (human, mouse or rat), if one. */
function organismOfGenes(ids: string[]): Organism | undefined {
  const taxa = new Set<string | undefined>();
  for (const id of ids) {
    const prefix = /^(ENS[A-Z]*G)\d{11}/.exec(id)?.[1];
    if (prefix !== undefined) taxa.add(GENE_PREFIXES.get(prefix));
  }
  const [taxon] = taxa;
  return taxa.size === 1 && taxon !== undefined ? organismOfTaxon(taxon) : undefined;
}
