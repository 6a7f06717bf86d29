/**
 * UniProt's idmapping_selected.tab: no header, 22 tab-separated columns (names from UniProt's
 * idmapping README), one row per accession, lists joined by `; `.
 */
import type { FormatProposal } from '../../api';
import type { FileHead } from './head';
import { organismOfTaxa } from './organism';
import { columnsOf, proposal, type ColumnRule } from './proposal';
import { CHECKED_LINES, isAccession, isEntryName } from './uniprot-ids';

const HEADER = [
  'UniProtKB-AC',
  'UniProtKB-ID',
  'GeneID (EntrezGene)',
  'RefSeq',
  'GI',
  'PDB',
  'GO',
  'UniRef100',
  'UniRef90',
  'UniRef50',
  'UniParc',
  'PIR',
  'NCBI-taxon',
  'MIM',
  'UniGene',
  'PubMed',
  'EMBL',
  'EMBL-CDS',
  'Ensembl',
  'Ensembl_TRS',
  'Ensembl_PRO',
  'Additional PubMed',
];
const TAXON = 'NCBI-taxon';

const list = (type: string): ColumnRule => ({ type, separator: ';' });

/**
 * The columns that map to types Crosswalk has (or that idmapping.dat types too: entry names,
 * PDB); UniRef clusters, UniParc, PIR, GI, EMBL and PubMed are kept as attributes.
 */
const RULES = new Map<string, ColumnRule>([
  ['UniProtKB-AC', { type: 'uniprot' }],
  ['UniProtKB-ID', { type: 'uniprot_entry_name' }],
  ['GeneID (EntrezGene)', list('entrez')],
  ['RefSeq', list('refseq')],
  ['PDB', list('pdb')],
  ['GO', list('go')],
  ['MIM', list('omim')],
  ['Ensembl', list('ensembl_gene')],
  ['Ensembl_TRS', list('ensembl_transcript')],
  ['Ensembl_PRO', list('ensembl_protein')],
]);

export function recogniseIdmappingSelected(head: FileHead): FormatProposal | undefined {
  const rows = head.lines.map((line) => line.split('\t'));
  const shaped = rows
    .slice(0, CHECKED_LINES)
    .every((row) => row.length === HEADER.length && isAccession(row[0]) && isEntryName(row[1]));
  if (rows.length === 0 || !shaped) return undefined;
  const taxonAt = HEADER.indexOf(TAXON);
  const reading = organismOfTaxa(
    rows.map((row) => row[taxonAt]),
    `its ${TAXON} column`,
    false,
  );
  return proposal('uniprot-selected', 'UniProt idmapping_selected.tab', {
    spec: {
      delimiter: '\t',
      header: HEADER,
      hub: HEADER[0],
      columns: columnsOf(HEADER, RULES),
    },
    organism: reading.organism?.id,
    notes: reading.notes,
  });
}
