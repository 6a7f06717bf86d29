/**
 * NCBI Gene's mapping files, told apart by their `#` header line: gene_info, gene2ensembl,
 * gene2accession (and gene2refseq, which has the same columns) and gene_history.
 */
import type { FormatProposal } from '../../api';
import type { FileHead, HeadTable } from './head';
import { recogniseGeneInfo } from './ncbi-gene-info';
import { ncbiOrganism, ncbiTable, startsWith } from './ncbi-head';
import { symbolTypeOf } from './organism';
import { columnsOf, proposal, type ColumnRule } from './proposal';

const GENE2ENSEMBL = [
  'tax_id',
  'GeneID',
  'Ensembl_gene_identifier',
  'RNA_nucleotide_accession.version',
  'Ensembl_rna_identifier',
  'protein_accession.version',
  'Ensembl_protein_identifier',
];
const GENE2ACCESSION = ['tax_id', 'GeneID', 'status', 'RNA_nucleotide_accession.version'];
const GENE_HISTORY = ['tax_id', 'GeneID', 'Discontinued_GeneID', 'Discontinued_Symbol'];

export function recogniseNcbi(head: FileHead): FormatProposal | undefined {
  const table = ncbiTable(head);
  if (!table) return undefined;
  return (
    recogniseGeneInfo(table) ??
    recogniseGene2ensembl(table) ??
    recogniseGene2accession(table) ??
    recogniseGeneHistory(table)
  );
}

function recogniseGene2ensembl(table: HeadTable): FormatProposal | undefined {
  if (!startsWith(table.header, GENE2ENSEMBL)) return undefined;
  const reading = ncbiOrganism(table, false);
  // Each row is one transcript and its protein: no column is the key of the others.
  const rules = new Map<string, ColumnRule>([
    ['GeneID', { type: 'entrez' }],
    ['Ensembl_gene_identifier', { type: 'ensembl_gene' }],
    ['RNA_nucleotide_accession.version', { type: 'refseq' }],
    ['Ensembl_rna_identifier', { type: 'ensembl_transcript' }],
    ['protein_accession.version', { type: 'refseq' }],
    ['Ensembl_protein_identifier', { type: 'ensembl_protein' }],
  ]);
  return proposal('ncbi-gene2ensembl', 'NCBI gene2ensembl', {
    spec: { delimiter: '\t', header: table.header, columns: columnsOf(table.header, rules) },
    organism: reading.organism?.id,
    notes: reading.notes,
  });
}

function recogniseGene2accession(table: HeadTable): FormatProposal | undefined {
  if (!startsWith(table.header, GENE2ACCESSION) || !table.header.includes('Symbol')) {
    return undefined;
  }
  const reading = ncbiOrganism(table, true);
  const rules = new Map<string, ColumnRule>([
    ['GeneID', { type: 'entrez' }],
    ['RNA_nucleotide_accession.version', { type: 'refseq' }],
    ['protein_accession.version', { type: 'refseq' }],
    ['Symbol', { type: symbolTypeOf(reading) }],
  ]);
  return proposal('ncbi-gene2accession', 'NCBI gene2accession', {
    spec: { delimiter: '\t', header: table.header, columns: columnsOf(table.header, rules) },
    organism: reading.organism?.id,
    notes: reading.notes,
  });
}

function recogniseGeneHistory(table: HeadTable): FormatProposal | undefined {
  if (!startsWith(table.header, GENE_HISTORY) || !table.header.includes('Discontinue_Date')) {
    return undefined;
  }
  const reading = ncbiOrganism(table, false);
  const rules = new Map<string, ColumnRule>([
    ['GeneID', { type: 'entrez' }],
    ['Discontinued_GeneID', { type: 'entrez' }],
  ]);
  return proposal('ncbi-gene-history', 'NCBI gene_history', {
    spec: {
      delimiter: '\t',
      header: table.header,
      columns: columnsOf(table.header, rules),
      history: {
        type: 'entrez',
        old: 'Discontinued_GeneID',
        new: 'GeneID',
        date: 'Discontinue_Date',
      },
    },
    organism: reading.organism?.id,
    notes: reading.notes,
  });
}
