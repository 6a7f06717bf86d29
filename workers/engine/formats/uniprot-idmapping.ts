/**
 * UniProt's idmapping.dat: no header; each tab-separated row is (UniProtKB-AC, ID_type, ID). A
 * long-form file: the ID types of the head become typed columns of the accession.
 */
import type { FormatProposal, IdTypeId } from '../../api';
import type { FileHead } from './head';
import { countIdTypes, partialHeadNote, typesOf } from './long-form';
import { DEFAULT_SYMBOL_TYPE, organismOfTaxa, symbolTypeOf } from './organism';
import { proposal } from './proposal';
import { slug } from './type-names';
import { CHECKED_LINES, isAccession } from './uniprot-ids';

const HEADER = ['UniProtKB-AC', 'ID_type', 'ID'];
const TAXON = 'NCBI_TaxID';
const GENE_NAME = 'Gene_Name';

/** UniProt's ID_type names (its idmapping README) → Crosswalk types; others get a slug. */
const ID_TYPES = new Map<string, IdTypeId>([
  ['GeneID', 'entrez'],
  ['Ensembl', 'ensembl_gene'],
  ['Ensembl_TRS', 'ensembl_transcript'],
  ['Ensembl_PRO', 'ensembl_protein'],
  ['RefSeq', 'refseq'],
  ['RefSeq_NT', 'refseq'],
  ['HGNC', 'hgnc'],
  ['MIM', 'omim'],
  ['UniProtKB-ID', 'uniprot_entry_name'],
  ['GO', 'go'],
  ['ChEMBL', 'chembl'],
  ['PDB', 'pdb'],
  ['MGI', 'mgi'],
  ['RGD', 'rgd'],
]);

/**
 * ID types UniProt writes for nearly every entry: one of them in the head tells this file from
 * any other headerless 3-column table of accessions.
 */
const COMMON_ID_TYPES = new Set([
  ...ID_TYPES.keys(),
  GENE_NAME,
  TAXON,
  'Gene_Synonym',
  'Gene_ORFName',
  'GI',
  'UniRef100',
  'UniRef90',
  'UniRef50',
  'UniParc',
  'EMBL',
  'EMBL-CDS',
  'CRC64',
]);

export function recogniseIdmapping(head: FileHead): FormatProposal | undefined {
  const rows = head.lines.map((line) => line.split('\t'));
  const checked = rows.slice(0, CHECKED_LINES);
  const shaped = checked.every((row) => row.length === 3 && isAccession(row[0]));
  if (!shaped || !checked.some((row) => COMMON_ID_TYPES.has(row[1]))) return undefined;

  const triples = rows.filter((row) => row.length === 3);
  const taxa = triples.filter((row) => row[1] === TAXON).map((row) => row[2]);
  const reading = organismOfTaxa(taxa, `its ${TAXON} rows`, true);
  const symbolType = symbolTypeOf(reading);
  const notes =
    taxa.length === 0
      ? [
          `The file's head has no ${TAXON} row: ${GENE_NAME} is typed as ${DEFAULT_SYMBOL_TYPE} (human gene symbols); change it if the file is of another organism.`,
        ]
      : reading.notes;
  const typeOf = (name: string): IdTypeId =>
    name === GENE_NAME ? symbolType : (ID_TYPES.get(name) ?? slug(name));
  const idTypes = countIdTypes(
    triples.filter((row) => row[1] !== TAXON).map((row) => row[1]),
    typeOf,
  );
  if (!head.whole) notes.push(partialHeadNote(triples.length));
  return proposal('uniprot-idmapping', 'UniProt idmapping.dat', {
    spec: {
      delimiter: '\t',
      header: HEADER,
      columns: [],
      long: {
        key: HEADER[0],
        keyType: 'uniprot',
        typeColumn: HEADER[1],
        value: HEADER[2],
        types: typesOf(idTypes),
      },
    },
    organism: reading.organism?.id,
    idTypes,
    notes,
  });
}
