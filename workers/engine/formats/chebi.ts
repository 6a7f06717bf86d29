/**
 * ChEBI's tab-separated flat files: `database_accession.tsv` (long form: each row a compound, the
 * kind of accession and the accession) and `names.tsv` (a compound's names and synonyms).
 */
import type { FormatProposal, IdTypeId } from '../../api';
import { columnValues, headTable, type FileHead, type HeadTable } from './head';
import { countIdTypes, partialHeadNote, typesOf } from './long-form';
import { columnsOf, proposal, type ColumnRule } from './proposal';
import { slug } from './type-names';

const ACCESSION_HEADER = ['ID', 'COMPOUND_ID', 'SOURCE', 'TYPE', 'ACCESSION_NUMBER'];
const NAMES_HEADER = ['ID', 'COMPOUND_ID', 'TYPE', 'SOURCE', 'NAME', 'ADAPTED', 'LANGUAGE'];

/**
 * ChEBI's TYPE values for the kinds Crosswalk has a type of, lower-cased (the flat files write
 * `Pubchem accession`, ChEBI's web service `PubChem accession`); every other kind, KEGG's
 * included, gets a slug of its name.
 */
const ACCESSION_TYPES = new Map<string, IdTypeId>([
  ['cas registry number', 'cas'],
  ['hmdb accession', 'hmdb'],
  ['pubchem accession', 'pubchem_cid'],
]);

export function recogniseChebi(head: FileHead): FormatProposal | undefined {
  const table = headTable(head);
  if (!table) return undefined;
  if (sameNames(table.header, ACCESSION_HEADER)) return accessionProposal(table, head.whole);
  if (sameNames(table.header, NAMES_HEADER)) return namesProposal(table);
  return undefined;
}

function accessionProposal(table: HeadTable, whole: boolean): FormatProposal {
  const typeOf = (name: string) => ACCESSION_TYPES.get(name.toLowerCase()) ?? slug(name);
  const idTypes = countIdTypes(
    columnValues(table, 'TYPE').filter((name) => name !== ''),
    typeOf,
  );
  return proposal('chebi-accession', 'ChEBI database_accession', {
    spec: {
      delimiter: '\t',
      columns: [],
      long: {
        key: 'COMPOUND_ID',
        keyType: 'chebi',
        typeColumn: 'TYPE',
        value: 'ACCESSION_NUMBER',
        types: typesOf(idTypes),
      },
    },
    idTypes,
    notes: whole ? [] : [partialHeadNote(table.rows.length)],
  });
}

function namesProposal(table: HeadTable): FormatProposal {
  const rules = new Map<string, ColumnRule>([
    ['COMPOUND_ID', { type: 'chebi' }],
    ['NAME', { type: 'chebi_name' }],
  ]);
  return proposal('chebi-names', 'ChEBI names', {
    spec: { delimiter: '\t', columns: columnsOf(table.header, rules) },
    notes: [],
  });
}

function sameNames(header: string[], expected: string[]): boolean {
  return header.length === expected.length && expected.every((name, i) => header[i] === name);
}
