/**
 * The head of NCBI Gene's files (gene_info, gene2ensembl, gene2accession, gene_history): the
 * column names are a `#` line — `#tax_id\tGeneID\t…` today, `#Format: tax_id GeneID … (tab is
 * used as a separator, pound sign - start of a comment)` in older files — and the data rows
 * below it are tab-separated.
 */
import { cellsOf, columnValues, withLazyRows, type FileHead, type HeadTable } from './head';
import { organismOfTaxa, type OrganismReading } from './organism';

const CURRENT = /^#tax_id\t/;
const LEGACY = /^#Format:\s*(tax_id\s[^(]*)/;

export function ncbiTable(head: FileHead): HeadTable | undefined {
  const first = head.lines[0];
  if (first === undefined) return undefined;
  let header: string[];
  if (CURRENT.test(first)) header = cellsOf(first.slice(1));
  else {
    const legacy = LEGACY.exec(first);
    if (!legacy) return undefined;
    header = legacy[1].trim().split(/\s+/);
  }
  return withLazyRows([first], header, () => head.lines.slice(1));
}

/** Whether the names start with `expected` (later columns NCBI added are allowed). */
export function startsWith(header: string[], expected: string[]): boolean {
  return expected.every((name, i) => header[i] === name);
}

/** The organism of the rows' `tax_id`. */
export function ncbiOrganism(table: HeadTable, symbols: boolean): OrganismReading {
  return organismOfTaxa(columnValues(table, 'tax_id'), 'its tax_id column', symbols);
}
