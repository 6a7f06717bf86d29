/**
 * The prefix a type's ids may carry is stripped only when it is that prefix, spelled out: a
 * prefix with a dot (`pubchem.compound`) is not a pattern that any character fills.
 */
import { describe, expect, it } from 'vitest';
import { idType } from '../../../../workers/engine/ids/id-types';
import { relax } from '../../../../workers/engine/tables/relaxed-index';

const prefixOf = (type: string) =>
  idType(type).transforms.filter((t) => t.name === 'prefix-stripped');

describe('prefix stripping', () => {
  it('strips PubChem CID prefixes in any case, with spaces after the colon', () => {
    const strip = prefixOf('pubchem_cid');
    for (const key of ['pubchem.compound:962', 'PUBCHEM.COMPOUND: 962', 'CID:962', 'pubchem:962'])
      expect(relax(strip, key), key).toBe('962');
  });

  it('leaves a look-alike whose dot is another character', () => {
    const strip = prefixOf('pubchem_cid');
    expect(relax(strip, 'pubchemXcompound:962')).toBe('pubchemXcompound:962');
    expect(relax(strip, 'pubchem-compound:962')).toBe('pubchem-compound:962');
  });
});
