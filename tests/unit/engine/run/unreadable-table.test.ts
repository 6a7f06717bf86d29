import { describe, expect, it } from 'vitest';
import {
  expectCrosswalkError,
  fsReadBytes,
  loadFixtureEngine,
  multiMap,
  readCsv,
  rowFor,
  rowsOf,
  sorted,
} from '../helpers';

/** Reads files like the app offline: one table's fetch fails, the rest are there. */
const failing = (table: string) => async (url: string) => {
  if (url.endsWith(`/${table}.csv`)) throw new Error('Failed to fetch (offline)');
  return fsReadBytes(url);
};

describe('a table that cannot be read', () => {
  it('costs only the paths through it: symbols still map through alias, and a note names it', async () => {
    const engine = await loadFixtureEngine({ readBytes: failing('genes') });
    const aliases = multiMap(readCsv('org-hs-eg/alias.csv'), 'alias', 'entrez_id');
    const [alias, genes] = [...aliases].find(([, ids]) => ids.length === 1)!;
    const result = await engine.map({ text: alias, source: 'symbol', target: 'entrez' });
    const row = rowFor(rowsOf(result), alias);
    expect(sorted(row.pairs.map((p) => p.target))).toEqual(sorted(genes));
    expect(result.paths.map((p) => p.label)).toEqual(['symbol → entrez via alias']);
    const note = result.notes.find((n) => n.includes('"genes"'));
    expect(note).toContain('Failed to fetch (offline)');
    expect(note).toContain('symbol → entrez via genes');
  });

  it('fails the run with a message naming it when every path needs it', async () => {
    const engine = await loadFixtureEngine({ readBytes: failing('uniprot') });
    await expectCrosswalkError(
      engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' }),
      'fetch-failed',
      'table "uniprot"',
      'offline',
    );
  });
});
