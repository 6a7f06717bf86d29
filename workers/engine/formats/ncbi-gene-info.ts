/**
 * NCBI's gene_info: one row per gene, its GeneID the hub of the row's symbol, synonyms and
 * cross-references (`dbXrefs`, `|`-separated `DB:id` values such as `MIM:191170`,
 * `HGNC:HGNC:11998`, where only the first `DB:` is the prefix).
 */
import type { FormatProposal, IdTypeId } from '../../api';
import { columnValues, isBlank, type HeadTable } from './head';
import { ncbiOrganism, startsWith } from './ncbi-head';
import { symbolTypeOf } from './organism';
import { columnsOf, proposal, type ColumnRule } from './proposal';
import { slug } from './type-names';

const START = ['tax_id', 'GeneID', 'Symbol'];
const XREFS = 'dbXrefs';

/** The databases of `dbXrefs` → types. */
const XREF_TYPES = new Map<string, IdTypeId>([
  ['MIM', 'omim'],
  ['HGNC', 'hgnc'],
  ['Ensembl', 'ensembl_gene'],
  ['MGI', 'mgi'],
  ['RGD', 'rgd'],
  ['miRBase', 'mirbase'],
]);
/** The Alliance of Genome Resources repeats the HGNC, MGI or RGD id: nothing new to map. */
const SKIPPED_XREFS = new Set(['AllianceGenome']);

export function recogniseGeneInfo(table: HeadTable): FormatProposal | undefined {
  if (!startsWith(table.header, START)) return undefined;
  const reading = ncbiOrganism(table, true);
  const symbolType = symbolTypeOf(reading);
  const rules = new Map<string, ColumnRule>([
    ['GeneID', { type: 'entrez' }],
    ['Symbol', { type: symbolType }],
    ['Synonyms', { type: symbolType, tier: 'alias', separator: '|' }],
    [XREFS, { separator: '|', prefixes: xrefPrefixes(columnValues(table, XREFS)) }],
  ]);
  return proposal('ncbi-gene-info', 'NCBI gene_info', {
    spec: {
      delimiter: '\t',
      header: table.header,
      hub: 'GeneID',
      columns: columnsOf(table.header, rules),
    },
    organism: reading.organism?.id,
    notes: reading.notes,
  });
}

/** The known databases, plus any other the head's cells name (as a slug of its name). */
function xrefPrefixes(cells: string[]): Record<string, IdTypeId> {
  const prefixes = new Map(XREF_TYPES);
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    for (const value of cell.split('|')) {
      const colon = value.indexOf(':');
      const db = colon > 0 ? value.slice(0, colon) : '';
      if (db !== '' && !XREF_TYPES.has(db) && !SKIPPED_XREFS.has(db)) prefixes.set(db, slug(db));
    }
  }
  return Object.fromEntries(prefixes);
}
