import { describe, expect, it } from 'vitest';
import type { CatalogInfo, RunManifest, TableInfo } from '../../../workers/api';
import { manifestWarnings, parseManifest } from '../../../workers/common/manifest-file';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const MANIFEST: RunManifest = {
  format: 'crosswalk-manifest',
  formatVersion: 1,
  app: { name: 'Crosswalk', version: '0.1.0' },
  created: '2026-12-02T00:00:00.000Z',
  data: 'org.Hs.eg.db-3.16.0',
  settings: {
    source: 'symbol',
    target: 'uniprot',
    alsoTargets: [],
    split: 'auto',
    roundTrip: false,
    attributes: [],
    policy: 'keep',
    layout: 'long',
  },
  resolved: { source: 'symbol', sourceTypes: ['symbol'], targets: ['uniprot'] },
  tables: [
    {
      name: 'genes',
      label: 'Genes',
      source: 's',
      release: '2022',
      licence: 'l',
      rows: 9,
      sha256: A,
      bundled: true,
    },
    {
      name: 'panel',
      label: 'Panel',
      source: 's',
      release: '2024',
      licence: 'l',
      rows: 5,
      sha256: B,
      bundled: false,
    },
    {
      name: 'uniprot',
      label: 'UniProt',
      source: 's',
      release: '2022',
      licence: 'l',
      rows: 7,
      sha256: A,
      bundled: true,
    },
  ],
  enabledTables: ['genes', 'panel', 'uniprot'],
  paths: [],
  summary: {
    inputs: 2,
    distinct: 2,
    duplicates: 0,
    mapped: 1,
    ambiguous: 0,
    unmapped: 1,
    invalid: 0,
    convergent: 0,
    excelDates: 0,
    conflicts: 0,
    pairs: 1,
  },
  timing: { totalMs: 1, phases: [] },
  input: { count: 2, sha256: A, ids: ['TP53', 'X'] },
};
const table = (name: string, sha256: string): TableInfo => ({
  name,
  label: name,
  columns: [],
  priority: 0,
  loaded: false,
  enabled: true,
  user: false,
  sha256,
  date: '2026',
});
const CATALOG: CatalogInfo = {
  version: 'org.Hs.eg.db-3.16.0',
  types: ['symbol', 'uniprot'].map((id) => ({ id, label: id, caseInsensitive: false })),
  tables: [table('genes', A), table('uniprot', B)],
  packs: [],
};

describe('parseManifest', () => {
  it('reads a manifest back as it was written', () => {
    expect(parseManifest(JSON.stringify(MANIFEST), 'm.json')).toEqual(MANIFEST);
  });

  it('names the file and the problem when it is not a usable manifest', () => {
    expect(() => parseManifest('{', 'm.json')).toThrow(
      '"m.json" is not a Crosswalk manifest: it is not JSON.',
    );
    expect(() => parseManifest('{"format":"x"}', 'm.json')).toThrow(
      'no "format": "crosswalk-manifest"',
    );
    expect(() =>
      parseManifest(JSON.stringify({ ...MANIFEST, formatVersion: 2 }), 'm.json'),
    ).toThrow('format version 2');
    const badHash = { ...MANIFEST, tables: [{ ...MANIFEST.tables[0], sha256: 'ABC' }] };
    expect(() => parseManifest(JSON.stringify(badHash), 'm.json')).toThrow('sha256 of 64 hex');
    const badPolicy = { ...MANIFEST, settings: { ...MANIFEST.settings, policy: 'all' } };
    expect(() => parseManifest(JSON.stringify(badPolicy), 'm.json')).toThrow('ambiguity policy');
  });
});

describe('manifestWarnings', () => {
  it('names the settings this page cannot restore: unknown types, missing columns, unset options', () => {
    const settings = {
      ...MANIFEST.settings,
      alsoTargets: ['symbol_taxon_7227'],
      attributes: [{ table: 'panel', column: 'organ' }],
      roundTrip: true,
      pinnedPath: 1,
    };
    const warnings = manifestWarnings({ ...MANIFEST, settings, tables: [] }, CATALOG);
    expect(warnings).toEqual([
      'No table here has the type symbol_taxon_7227 the run used: it is left as chosen here.',
      'The extra column "organ" of table "panel" is not here.',
      'The run used the round trip, path 2 pinned, which this page does not set: the results may differ.',
    ]);
  });

  it('names each table missing here or different by its sha256, and nothing for the same one', () => {
    const warnings = manifestWarnings(MANIFEST, CATALOG);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^Table "panel" \(Panel, 5 rows, sha256 bbbbbbbbbbbb…\) is not here: add its file/,
    );
    expect(warnings[1]).toMatch(
      /^Table "uniprot" differs from the run's: sha256 bbbbbbbbbbbb… here, aaaaaaaaaaaa… in the manifest/,
    );
  });

  it('says when the bundled data or the ids are not those of the run', () => {
    const { ids: _ids, ...input } = MANIFEST.input;
    const warnings = manifestWarnings(
      { ...MANIFEST, tables: [], input },
      { ...CATALOG, version: 'org.Hs.eg.db-3.20.0' },
    );
    expect(warnings).toEqual([
      'The run used the bundled data "org.Hs.eg.db-3.16.0"; this app has "org.Hs.eg.db-3.20.0".',
      'The manifest holds no ids (2 inputs, sha256 aaaaaaaaaaaa…): paste the same list to run it again.',
    ]);
  });
});
