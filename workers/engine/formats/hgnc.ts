/**
 * HGNC's complete set (`hgnc_complete_set.txt`): one row per approved human gene, its HGNC id
 * the hub of its symbol, previous symbols, aliases and cross-references (quoted `|` lists).
 */
import type { FormatProposal } from '../../api';
import { columnValues, headTable, isBlank, type FileHead } from './head';
import { columnsOf, proposal, type ColumnRule } from './proposal';

const HGNC_ID = /^HGNC:\d+$/;
/** Share of the head's `hgnc_id` cells that must be HGNC ids. */
const ID_SHARE = 0.8;

const list = (type: string, tier?: string): ColumnRule => ({
  type,
  separator: '|',
  ...(tier !== undefined && { tier }),
});

const RULES = new Map<string, ColumnRule>([
  ['hgnc_id', { type: 'hgnc' }],
  ['symbol', { type: 'symbol' }],
  ['prev_symbol', list('symbol', 'previous')],
  ['alias_symbol', list('symbol', 'alias')],
  ['entrez_id', { type: 'entrez' }],
  ['ensembl_gene_id', { type: 'ensembl_gene' }],
  ['uniprot_ids', list('uniprot')],
  ['refseq_accession', list('refseq')],
  ['omim_id', list('omim')],
  ['mgd_id', list('mgi')],
  ['rgd_id', list('rgd')],
]);

export function recogniseHgnc(head: FileHead): FormatProposal | undefined {
  const table = headTable(head);
  if (!table || table.header[0] !== 'hgnc_id' || !table.header.includes('symbol')) {
    return undefined;
  }
  const ids = columnValues(table, 'hgnc_id').filter((v) => !isBlank(v));
  if (ids.filter((id) => HGNC_ID.test(id)).length < ids.length * ID_SHARE) return undefined;
  return proposal('hgnc-complete-set', 'HGNC complete set', {
    spec: { delimiter: '\t', hub: 'hgnc_id', columns: columnsOf(table.header, RULES) },
    organism: 'human',
    notes: [],
  });
}
