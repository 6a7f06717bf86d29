/**
 * Helpers for the format tests: a fixture's text handed to the recogniser as a file's head (no
 * name goes with it), the proposal's columns by name, and an independent reading of the rows.
 */
import { expect } from 'vitest';
import type { FormatProposal, UserColumnSpec } from '../../../../workers/api';
import { recogniseFormat } from '../../../../workers/engine/formats/recognise';
import { parseCsvRecords } from '../../../reference-csv';
import { fixtureText } from '../helpers';

/** The text of `tests/fixtures/formats/<file>`. */
export function formatText(file: string): string {
  return fixtureText(`formats/${file}`);
}

/** What the recogniser makes of `text` as a whole file (the head is all of it). */
export function recognise(text: string): FormatProposal | undefined {
  return recogniseFormat(text, new TextEncoder().encode(text).length);
}

/** The proposal for `text` as a whole file, or as the head of a file of `fileBytes`; it must be recognised. */
export function proposalFor(text: string, fileBytes?: number): FormatProposal {
  const proposal = fileBytes === undefined ? recognise(text) : recogniseFormat(text, fileBytes);
  expect(proposal, 'recognised').toBeDefined();
  return proposal!;
}

/** The proposal's column specs by name, each without its name. */
export function columnsByName(proposal: FormatProposal): Map<string, Omit<UserColumnSpec, 'name'>> {
  return new Map(proposal.spec.columns.map(({ name, ...rest }) => [name, rest]));
}

/** Tab-separated records of `text`, `#` lines and blank lines left out. */
export function tsvRows(text: string): string[][] {
  const body = text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  return parseCsvRecords(body, '\t');
}

/** A type id from an ID type's name, as the issue defines it: lower case, `[a-z0-9_]`. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The types Crosswalk knows (workers/engine/ids/id-types.ts, read by hand). */
export const KNOWN_TYPES = new Set([
  'go',
  'hgnc',
  'mgi',
  'rgd',
  'chebi',
  'hmdb',
  'chembl',
  'cas',
  'ensembl_gene',
  'ensembl_transcript',
  'ensembl_protein',
  'refseq',
  'uniprot',
  'entrez',
  'omim',
  'pubchem_cid',
  'symbol',
  'mouse_symbol',
  'rat_symbol',
  'go_term',
  'chebi_name',
]);

/** Counts of each value, in order of first appearance. */
export function countsOf(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
