import { describe, expect, it } from 'vitest';
import {
  KNOWN_TYPES,
  columnsByName,
  countsOf,
  formatText,
  proposalFor,
  recognise,
  slugOf,
  tsvRows,
} from './recognised';

describe('ChEBI database_accession', () => {
  const text = formatText('chebi_database_accession.tsv');
  const [header, ...rows] = tsvRows(text);

  it('is a long-form file keyed by ChEBI compound', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('chebi-accession');
    expect(proposal.label).toBe('ChEBI database_accession');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.long).toMatchObject({
      key: 'COMPOUND_ID',
      keyType: 'chebi',
      typeColumn: 'TYPE',
      value: 'ACCESSION_NUMBER',
    });
  });

  it('lists each TYPE of the head with its rows; known kinds typed, the others slugged', () => {
    // ChEBI's names for the kinds Crosswalk has a type of (its flat files have written
    // `Pubchem accession`); every other kind is a slug of its name.
    const rules: Record<string, string> = {
      'CAS Registry Number': 'cas',
      'HMDB accession': 'hmdb',
      'Pubchem accession': 'pubchem_cid',
    };
    const typeOf = (name: string) => rules[name] ?? slugOf(name);
    const counts = countsOf(rows.map((row) => row[header.indexOf('TYPE')]));
    const expected = [...counts].map(([name, n]) => ({
      name,
      rows: n,
      type: typeOf(name),
      known: KNOWN_TYPES.has(typeOf(name)),
    }));
    const proposal = proposalFor(text);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...proposal.idTypes!].sort(byName)).toEqual(expected.sort(byName));
    expect(proposal.spec.long!.types['KEGG COMPOUND accession']).toBe('kegg_compound_accession');
    expect(proposal.spec.long!.types).toEqual(
      Object.fromEntries(expected.map((t) => [t.name, t.type])),
    );
  });
});

describe('ChEBI names', () => {
  const text = formatText('chebi_names.tsv');
  const [header] = tsvRows(text);

  it('types the compound and its names; the rest attributes', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('chebi-names');
    expect(proposal.label).toBe('ChEBI names');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    const columns = columnsByName(proposal);
    for (const name of header) {
      const typed: Record<string, object> = {
        COMPOUND_ID: { type: 'chebi' },
        NAME: { type: 'chebi_name' },
      };
      expect(columns.get(name), name).toEqual(typed[name] ?? {});
    }
  });
});

describe('other ChEBI-like tables', () => {
  it('are not recognised', () => {
    expect(recognise('ID\tCOMPOUND_ID\tNAME\n1\t27732\tcaffeine\n')).toBeUndefined();
  });
});
