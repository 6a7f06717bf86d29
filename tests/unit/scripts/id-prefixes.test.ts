/**
 * The committed prefix table is what scripts/id-prefixes.ts makes of the Bioregistry: rebuilt
 * here from a verbatim subset of bioregistry.json (tests/fixtures/id-patterns), so the app's
 * prefixes cannot drift from the registry's synonyms unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idPrefixes, type BioregistryEntry } from '../../../scripts/id-prefixes';
import committed from '../../../workers/engine/ids/id-prefixes.json';
import { ROOT } from '../engine/helpers';

const subset = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'id-patterns', 'bioregistry-subset.json'), 'utf8'),
) as Record<string, BioregistryEntry>;

describe('id prefixes', () => {
  it('are rebuilt exactly from the Bioregistry entries', () => {
    expect(idPrefixes(subset, committed.source)).toEqual(committed);
  });

  it('take every synonym a file header can carry, lower-cased, and skip names with spaces', () => {
    // From the registry entry itself: ncbigene's synonyms, minus "entrez gene/locuslink".
    const expected = [subset.ncbigene.synonyms!, 'ncbigene']
      .flat()
      .filter((name) => !/[\s/]/.test(name))
      .map((name) => name.toLowerCase());
    for (const name of expected) expect(committed.prefixes[name as 'ncbigene']).toContain('entrez');
    expect(Object.keys(committed.prefixes)).not.toContain('entrez gene/locuslink');
    expect(committed.prefixes.uniprotkb).toEqual(['uniprot']);
    // The registry's own bananas, plus the two canonical prefixes #13 fixes that it lacks.
    expect(committed.banana).toEqual({
      go: subset.go.banana,
      mgi: subset.mgi.banana,
      chebi: subset.chebi.banana,
      hgnc: 'HGNC',
      rgd: 'RGD',
    });
  });
});
