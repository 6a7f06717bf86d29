import { describe, expect, it } from 'vitest';
import type { CatalogInfo, PackInfo, TableInfo } from '../../../../workers/api';
import { fetchedByRun, missingPackHint, packEnabled, packStatus } from '../../../../src/lib/packs';

function pack(name: string, fields: Partial<PackInfo> = {}): PackInfo {
  return {
    name,
    label: name,
    description: '',
    source: '',
    date: '2025-08-07',
    licence: `${name} licence`,
    tables: [],
    bytes: 0,
    onDevice: false,
    ...fields,
  };
}

function table(name: string, enabled: boolean): TableInfo {
  return { name, label: name, columns: [], priority: 0, loaded: false, enabled, user: false };
}

describe('packStatus', () => {
  it('says whether every file of the pack is on this device', () => {
    expect(packStatus(pack('mouse', { onDevice: true }))).toBe('on this device');
    expect(packStatus(pack('mouse', { onDevice: false }))).toBe('not on this device');
  });
});

describe('packEnabled', () => {
  const hmdb = pack('hmdb', { tables: ['hmdb_chebi', 'hmdb_secondary'] });

  it('is true only when every table of the pack is enabled', () => {
    expect(packEnabled(hmdb, [table('hmdb_chebi', true), table('hmdb_secondary', true)])).toBe(
      true,
    );
    expect(packEnabled(hmdb, [table('hmdb_chebi', true), table('hmdb_secondary', false)])).toBe(
      false,
    );
  });

  it('ignores the tables of other packs and is false when none of its own is listed', () => {
    const others = [table('genes', true), table('mgi_genes', true)];
    expect(packEnabled(hmdb, others)).toBe(false);
    expect(packEnabled(hmdb, [...others, table('hmdb_chebi', true)])).toBe(true);
  });
});

describe('fetchedByRun', () => {
  const packs = [
    pack('mouse', { tables: ['mgi_genes', 'mgi_synonyms'] }),
    pack('rat', { tables: ['rgd_genes'], onDevice: true }),
  ];

  it('is true when the run read a table of a pack not on this device', () => {
    expect(fetchedByRun(packs, ['genes', 'mgi_synonyms'])).toBe(true);
  });

  it('is false when the run read only core tables or packs already here', () => {
    expect(fetchedByRun(packs, ['genes', 'uniprot'])).toBe(false);
    expect(fetchedByRun(packs, ['rgd_genes'])).toBe(false);
    expect(fetchedByRun(packs, [])).toBe(false);
  });
});

describe('missingPackHint', () => {
  const history = pack('history', {
    label: 'Retired and secondary ids',
    tables: ['hgnc_symbol_history', 'ncbi_history'],
  });
  const catalog = (packs: PackInfo[]): CatalogInfo => ({
    version: 'test',
    types: [],
    tables: [],
    packs,
  });
  const failed =
    'Could not read table "hgnc_symbol_history" from http://localhost/data/packs/history/hgnc_symbol_history.csv.gz: Failed to fetch.';

  it('names the pack, not on this device, whose table the message names', () => {
    expect(missingPackHint(failed, catalog([history]))).toBe(
      ' It is in the data pack “Retired and secondary ids”, not on this device: fetch it under Lookup tables → Data packs while online.',
    );
  });

  it('adds nothing when the pack is on this device, or the table is no pack’s', () => {
    expect(missingPackHint(failed, catalog([{ ...history, onDevice: true }]))).toBe('');
    expect(
      missingPackHint('Could not read table "genes": Failed to fetch.', catalog([history])),
    ).toBe('');
    expect(missingPackHint(failed, null)).toBe('');
  });

  it('matches a table name whole, not as part of a longer one', () => {
    const ncbi = pack('x', { tables: ['history'] });
    expect(missingPackHint(failed, catalog([ncbi]))).toBe('');
  });
});
