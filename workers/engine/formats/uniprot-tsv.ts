/**
 * UniProt's TSV downloads, from the legacy website (`Entry name`, `Status`, `Gene names`) and
 * from the current REST API (`Entry Name`, `Reviewed`, `Gene Names (primary)`, cross-reference
 * columns such as `GeneID` holding `;`-terminated lists like `7157;`).
 */
import type { FormatProposal, IdTypeId } from '../../api';
import { columnValues, headTable, isBlank, type FileHead, type HeadTable } from './head';
import { organismOfTaxa, symbolTypeOf, taxonOfSpecies, type OrganismReading } from './organism';
import { columnsOf, proposal, type ColumnRule } from './proposal';
import { isAccession } from './uniprot-ids';

/** Header names compared loosely: case, runs of spaces, legacy `Gene names  (primary )`. */
function keyOf(name: string): string {
  const key = name.toLowerCase().replace(/\s+/g, ' ').replace(/ \)/g, ')').trim();
  // The legacy site named cross-references `Cross-reference (GeneID)`.
  return /^cross-reference \((.+)\)$/.exec(key)?.[1] ?? key;
}

/** Cross-reference columns → types; their cells are `;`-terminated lists. */
const CROSS_REFERENCES = new Map<string, IdTypeId>([
  ['geneid', 'entrez'],
  ['refseq', 'refseq'],
  ['hgnc', 'hgnc'],
  ['mim', 'omim'],
  ['mgi', 'mgi'],
  ['rgd', 'rgd'],
  ['chembl', 'chembl'],
  ['pdb', 'pdb'],
  ['gene ontology ids', 'go'],
]);
const ENSEMBL_KINDS: [RegExp, IdTypeId][] = [
  [/^ENS[A-Z]*G\d/, 'ensembl_gene'],
  [/^ENS[A-Z]*T\d/, 'ensembl_transcript'],
  [/^ENS[A-Z]*P\d/, 'ensembl_protein'],
];

/** Share of the head's `Entry` cells that must be UniProt accessions. */
const ACCESSION_SHARE = 0.8;

export function recogniseUniprotTsv(head: FileHead): FormatProposal | undefined {
  const table = headTable(head);
  if (!table || !looksLikeUniprot(table)) return undefined;
  const byKey = new Map(table.header.map((name) => [keyOf(name), name]));
  const reading = organismOf(table, byKey);
  const symbolType = symbolTypeOf(reading);
  const notes = [...reading.notes];
  const rules = new Map<string, ColumnRule>();
  const set = (key: string, rule: ColumnRule) => {
    const name = byKey.get(key);
    if (name !== undefined) rules.set(name, rule);
  };
  set('entry', { type: 'uniprot' });
  set('entry name', { type: 'uniprot_entry_name' });
  if (byKey.has('gene names (primary)')) {
    set('gene names (primary)', { type: symbolType, separator: ';' });
    set('gene names', { type: symbolType, tier: 'alias', separator: ' ' });
  } else if (byKey.has('gene names')) {
    set('gene names', { type: symbolType, separator: ' ' });
    notes.push(
      `"${byKey.get('gene names')}" lists each entry's names separated by spaces, its primary name first; all of them are read as symbols of the entry.`,
    );
  }
  set('gene names (synonym)', { type: symbolType, tier: 'alias', separator: ' ' });
  for (const [key, type] of CROSS_REFERENCES) set(key, { type, separator: ';' });
  const ensembl = byKey.get('ensembl');
  if (ensembl !== undefined) set('ensembl', { type: ensemblKind(table, ensembl), separator: ';' });
  const isoforms = [...rules.keys()].filter((name) => isoformOf(table, name) !== undefined);
  if (isoforms.length > 0) {
    const example = isoformOf(table, isoforms[0]);
    const columns = isoforms.map((name) => `"${name}"`).join(' and ');
    notes.push(
      `${columns} ${isoforms.length > 1 ? 'write' : 'writes'} the isoform after some ids ("${example}"): the id is the part before the bracket.`,
    );
  }
  return proposal('uniprot-tsv', 'UniProt TSV download', {
    spec: { delimiter: '\t', hub: byKey.get('entry'), columns: columnsOf(table.header, rules) },
    organism: reading.organism?.id,
    notes,
  });
}

function looksLikeUniprot(table: HeadTable): boolean {
  const keys = table.header.map(keyOf);
  const entry = keys.indexOf('entry');
  if (entry < 0 || !(keys.includes('entry name') || entry === 0)) return false;
  // `Entry` first without `Entry name` still needs another column UniProt names so.
  const uniprotColumns = ['reviewed', 'status', 'protein names', 'gene names', 'organism'];
  if (!keys.includes('entry name') && !keys.some((key) => uniprotColumns.includes(key))) {
    return false;
  }
  const entries = columnValues(table, table.header[entry]).filter((v) => !isBlank(v));
  const accessions = entries.filter(isAccession).length;
  return accessions >= entries.length * ACCESSION_SHARE;
}

/** From `Organism (ID)` (taxon ids) when present, else from `Organism` (species names). */
function organismOf(table: HeadTable, byKey: Map<string, string>): OrganismReading {
  const idColumn = byKey.get('organism (id)') ?? byKey.get('organism id');
  if (idColumn !== undefined) {
    return organismOfTaxa(columnValues(table, idColumn), `its "${idColumn}" column`, true);
  }
  const names = byKey.get('organism');
  const species = names === undefined ? [] : columnValues(table, names).filter((v) => !isBlank(v));
  const taxa = species.map(taxonOfSpecies);
  // A species other than the three leaves the organism unknown, not the others' majority.
  const where = names === undefined ? 'an Organism column' : `its "${names}" column`;
  return taxa.includes(undefined)
    ? organismOfTaxa([], where, true)
    : organismOfTaxa(taxa, where, true);
}

/** The first id written with its isoform (`NP_000537.3 [P04637-1]`), as UniProt's Ensembl and RefSeq cells may be. */
function isoformOf(table: HeadTable, column: string): string | undefined {
  for (const cell of columnValues(table, column)) {
    const match = /[^\s;]+ \[[A-Z0-9]+-\d+\]/.exec(cell);
    if (match) return match[0];
  }
  return undefined;
}

/** UniProt's Ensembl cross-references are transcripts; the head's ids say if a file differs. */
function ensemblKind(table: HeadTable, column: string): IdTypeId {
  const counts = new Map<IdTypeId, number>();
  for (const cell of columnValues(table, column)) {
    const first = cell.split(';')[0].trim();
    const kind = ENSEMBL_KINDS.find(([pattern]) => pattern.test(first))?.[1];
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const [commonest] = [...counts].sort((a, b) => b[1] - a[1]);
  return commonest?.[0] ?? 'ensembl_transcript';
}
