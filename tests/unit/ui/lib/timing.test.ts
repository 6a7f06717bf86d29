import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../../workers/api';
import {
  barPercent,
  flattenPhases,
  kindTotals,
  parsedTables,
  tablesReadFromFiles,
  withUiPhases,
} from '../../../../src/lib/timing';

const phases: Phase[] = [
  { name: 'setup', kind: 'setup', ms: 2 },
  {
    name: 'step 1',
    kind: 'step',
    ms: 50,
    children: [
      { name: 'uniprot_entrez', kind: 'load', ms: 30, source: 'parsed' },
      { name: 'join', kind: 'step', ms: 15 },
    ],
  },
  { name: 'assembly', kind: 'assembly', ms: 8 },
];

describe('flattenPhases', () => {
  it('lists each phase followed by its children with their depth', () => {
    expect(flattenPhases(phases).map(({ phase, depth }) => `${depth}:${phase.name}`)).toEqual([
      '0:setup',
      '0:step 1',
      '1:uniprot_entrez',
      '1:join',
      '0:assembly',
    ]);
  });
});

describe('kindTotals', () => {
  it('counts each millisecond once, giving parents only their own time', () => {
    expect(kindTotals(phases)).toEqual({ setup: 2, step: 20, load: 30, assembly: 8 });
  });
});

describe('withUiPhases', () => {
  it('adds transfer (round trip minus worker total) and render', () => {
    const all = withUiPhases({ totalMs: 60, phases }, 75, 12);
    expect(all.slice(-2)).toEqual([
      { name: 'transfer', kind: 'transfer', ms: 15 },
      { name: 'render', kind: 'render', ms: 12 },
    ]);
  });

  it('never reports a negative transfer time', () => {
    expect(withUiPhases({ totalMs: 80, phases: [] }, 75, 1)[0]?.ms).toBe(0);
  });
});

describe('barPercent', () => {
  it('scales to the run and keeps tiny phases visible', () => {
    expect(barPercent(25, 100)).toBe(25);
    expect(barPercent(0, 100)).toBe(0.5);
    expect(barPercent(10, 0)).toBe(0);
  });
});

describe('parsedTables', () => {
  it('names the loads that parsed a file, at any depth, and no others', () => {
    const run: Phase[] = [
      ...phases,
      { name: 'genes', kind: 'load', ms: 3, source: 'persisted' },
      { name: 'alias', kind: 'load', ms: 1, source: 'memory' },
      { name: 'refseq', kind: 'load', ms: 90, source: 'parsed' },
      { name: 'mgi_genes', kind: 'load', ms: 9, source: 'shipped' },
    ];
    expect(parsedTables(run)).toEqual(['uniprot_entrez', 'refseq']);
    // A pack's table shipped packed was read from its file too (fetched if not on the device).
    expect(tablesReadFromFiles(run)).toEqual(['uniprot_entrez', 'refseq', 'mgi_genes']);
  });
});
