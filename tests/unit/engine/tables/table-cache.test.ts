import { describe, expect, it } from 'vitest';
import { expectCrosswalkError, fsReadBytes, loadFixtureEngine, rowsOf } from '../helpers';

const REQUEST = { text: 'P04637\nP38398', source: 'uniprot', target: 'ensembl_gene' };

/** readBytes that counts reads per file name and can be told to fail. */
function countingReader() {
  const reads = new Map<string, number>();
  const failing = new Set<string>();
  const readBytes = async (url: string) => {
    const file = url.slice(url.lastIndexOf('/') + 1);
    reads.set(file, (reads.get(file) ?? 0) + 1);
    if (failing.has(file)) throw new Error(`disk on fire reading ${file}`);
    return fsReadBytes(url);
  };
  return { reads, failing, readBytes };
}

describe('TableCache through CrosswalkEngine', () => {
  it('parses each table once: the second run is served from memory and counted as hits', async () => {
    const { reads, readBytes } = countingReader();
    const engine = await loadFixtureEngine({ readBytes });
    await engine.map(REQUEST);
    expect(engine.cache.stats()).toMatchObject({ hits: 0, misses: 2, evictions: 0 });
    const second = await engine.map(REQUEST);
    const stats = engine.cache.stats();
    expect(stats).toMatchObject({ hits: 2, misses: 2, evictions: 0 });
    expect(stats.tables.map((t) => [t.name, t.hits]).sort()).toEqual([
      ['ensembl_gene', 1],
      ['uniprot', 1],
    ]);
    expect(stats.bytes).toBe(stats.tables.reduce((sum, t) => sum + t.bytes, 0));
    expect(stats.bytes).toBeGreaterThan(0);
    expect(reads.get('uniprot.csv')).toBe(1);
    expect(reads.get('ensembl_gene.csv')).toBe(1);
    expect(second.timing.phases.filter((p) => p.kind === 'load').map((p) => p.source)).toEqual([
      'memory',
      'memory',
    ]);
  });

  it('loads a table once when two runs ask for it at the same time', async () => {
    const { reads, readBytes } = countingReader();
    const engine = await loadFixtureEngine({ readBytes });
    const [a, b] = await Promise.all([engine.map(REQUEST), engine.map(REQUEST)]);
    expect(rowsOf(a).map((r) => r.pairs.length)).toEqual(rowsOf(b).map((r) => r.pairs.length));
    expect(reads.get('uniprot.csv')).toBe(1);
    expect(engine.cache.stats().tables).toHaveLength(2);
  });

  it('rejects a failed read with fetch-failed and does not cache the failure', async () => {
    const { reads, failing, readBytes } = countingReader();
    const engine = await loadFixtureEngine({ readBytes });
    failing.add('uniprot.csv');
    const error = await expectCrosswalkError(engine.map(REQUEST), 'fetch-failed', '"uniprot"');
    expect(error.message).toContain('disk on fire');
    expect(engine.cache.stats().tables.map((t) => t.name)).not.toContain('uniprot');
    expect(engine.catalog().tables.find((t) => t.name === 'uniprot')!.loaded).toBe(false);

    failing.clear();
    const result = await engine.map(REQUEST);
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(['ENSG00000141510']);
    const load = result.timing.phases.find((p) => p.kind === 'load' && p.name === 'uniprot');
    expect(load?.source).toBe('parsed');
    expect(reads.get('uniprot.csv')).toBe(2);
    expect(engine.cache.stats().tables.map((t) => t.name)).toContain('uniprot');
  });

  it('rejects both of two simultaneous runs when their shared load fails, then recovers', async () => {
    const { failing, readBytes } = countingReader();
    const engine = await loadFixtureEngine({ readBytes });
    failing.add('uniprot.csv');
    const runs = [engine.map(REQUEST), engine.map(REQUEST)];
    for (const run of runs) await expectCrosswalkError(run, 'fetch-failed', '"uniprot"');
    failing.clear();
    await expect(engine.map(REQUEST)).resolves.toMatchObject({ source: 'uniprot' });
  });

  it('evicts the least recently used table when over budget, keeping the newest', async () => {
    const engine = await loadFixtureEngine({ cacheBudget: 1 });
    await engine.map(REQUEST);
    const stats = engine.cache.stats();
    expect(stats.tables.map((t) => t.name)).toEqual(['ensembl_gene']);
    expect(stats.evictions).toBe(1);
  });
});
