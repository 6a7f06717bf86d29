/**
 * The warm-up (#15 item 4) over the bundled tables as shipped: it loads the best path's tables
 * (and the relaxed-key indexes a miss would need), so the run that follows reads them from
 * memory and maps as the tables' CSV sources say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CrosswalkEngine } from '../../../workers/engine/engine';
import {
  fsReadBytes,
  multiMap,
  parseCsvText,
  PUBLIC_DATA_DIR,
  rowsOf,
  SOURCE_DATA_DIR,
  sorted,
} from './helpers';

const source = (name: string) =>
  parseCsvText(gunzipSync(readFileSync(join(SOURCE_DATA_DIR, `${name}.csv.gz`))).toString('utf8'));

async function bundledEngine(): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
  await engine.init(pathToFileURL(join(PUBLIC_DATA_DIR, 'catalog.json')).href);
  return engine;
}

describe('the warm-up of a pair', () => {
  it('loads its path so the run reads every table from memory', async () => {
    const engine = await bundledEngine();
    expect(await engine.warmUp('uniprot', 'ensembl_gene')).toEqual(['uniprot', 'ensembl_gene']);
    // Already in memory: nothing more to warm.
    expect(await engine.warmUp('uniprot', 'ensembl_gene')).toEqual([]);
    const result = await engine.map({ text: 'P04637', source: 'uniprot', target: 'ensembl_gene' });
    const loads = result.timing.phases.filter((p) => p.kind === 'load');
    expect(loads.map((p) => [p.name, p.source])).toEqual([
      ['uniprot', 'memory'],
      ['ensembl_gene', 'memory'],
    ]);
    const entrez = multiMap(source('uniprot'), 'uniprot', 'entrez_id').get('P04637')!;
    const genes = multiMap(source('ensembl_gene'), 'entrez_id', 'ensembl_gene');
    const expected = sorted(new Set(entrez.flatMap((e) => genes.get(e) ?? [])));
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(rowsOf(result)[0].pairs.map((p) => p.target))).toEqual(expected);
  });

  it('finds a symbol typed in lower case through the index it built', async () => {
    const engine = await bundledEngine();
    expect(await engine.warmUp('symbol', 'entrez')).toContain('genes');
    const result = await engine.map({ text: 'tp53', source: 'symbol', target: 'entrez' });
    const bySymbol = multiMap(source('genes'), 'symbol', 'entrez_id');
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(bySymbol.get('TP53'));
    // genes from memory (symbols' history, read on every run of the type, is not on the path).
    const genes = result.timing.phases.find((p) => p.kind === 'load' && p.name === 'genes');
    expect(genes?.source).toBe('memory');
  });

  it('prepares the lookups of a table already in memory without loading it again', async () => {
    const engine = await bundledEngine();
    // uniprot → entrez leaves uniprot in memory with its entrez column never looked up.
    await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    const before = engine.cache.stats().bytes;
    // entrez → uniprot looks entrez ids up in that same table: its hash table is built now.
    expect(await engine.warmUp('entrez', 'uniprot')).toEqual([]);
    expect(engine.cache.stats().bytes).toBeGreaterThan(before);
  });
});
