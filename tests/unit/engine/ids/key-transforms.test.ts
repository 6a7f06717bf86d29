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

describe('prefix stripping on bytes', () => {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const keys = [
    'CHEBI:15377',
    'chebi: 42',
    'ChEbI:\t7',
    'chebi:',
    'CHEBIX:1',
    'CHEBI15377',
    '15377',
    'CHEBI:\u00a07',
    'pubchem.compound:962',
    'PUBCHEM.COMPOUND: 962',
    'pubchemXcompound:962',
    'CID:962',
    'cid962',
  ];

  it('drops the bytes the regular expression strips, or says it cannot tell', () => {
    for (const type of ['chebi', 'pubchem_cid', 'hmdb', 'mesh']) {
      for (const t of prefixOf(type)) {
        for (const key of keys) {
          const bytes = encoder.encode(key);
          const dropped = t.dropsFrom!(bytes);
          const expected = t.apply(key) ?? key;
          if (dropped < 0) {
            // Only a key with a non-ASCII space after its prefix is left to the expression.
            expect(key, `${type} ${key}`).toContain('\u00a0');
            continue;
          }
          expect(decoder.decode(bytes.subarray(dropped)), `${type} ${key}`).toBe(expected);
        }
      }
    }
  });
});
