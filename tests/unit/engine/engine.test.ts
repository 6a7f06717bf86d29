import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../workers/api';
import { CrosswalkEngine } from '../../../workers/engine/engine';
import {
  CATALOG_URL,
  expectCrosswalkError,
  fixtureCatalog,
  fsReadBytes,
  loadFixtureEngine,
  ORG_DIR,
  QUIRKS_DIR,
  readCsv,
} from './helpers';

describe('the fixture catalog', () => {
  it('describes each file truthfully: hash, byte size and row count', () => {
    for (const table of fixtureCatalog().tables) {
      const bytes = readFileSync(join(ORG_DIR, table.file));
      expect(createHash('sha256').update(bytes).digest('hex'), table.file).toBe(table.hash);
      expect(bytes.length, table.file).toBe(table.bytes);
      expect(readCsv(`org-hs-eg/${table.file}`).rows.length, table.file).toBe(table.rows);
    }
  });

  it('initialises the engine from a file: URL, resolving each file next to the catalog', async () => {
    const urls: string[] = [];
    const engine = new CrosswalkEngine({
      readBytes: (url) => {
        urls.push(url);
        return fsReadBytes(url);
      },
    });
    const info = await engine.init(CATALOG_URL);
    expect(info.version).toBe(fixtureCatalog().version);
    expect(info.tables.map((t) => t.name)).toEqual(fixtureCatalog().tables.map((t) => t.name));
    expect(info.tables.every((t) => !t.loaded && t.enabled)).toBe(true);
    expect(info.types.map((t) => t.id).sort()).toEqual(
      ['ensembl_gene', 'ensembl_protein', 'entrez', 'omim', 'refseq', 'symbol', 'uniprot'].sort(),
    );
    await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(urls).toEqual([CATALOG_URL, pathToFileURL(join(ORG_DIR, 'uniprot.csv')).href]);
    expect(engine.catalog().tables.find((t) => t.name === 'uniprot')!.loaded).toBe(true);
  });

  it('rejects a catalog that cannot be read or is not JSON', async () => {
    const missing = pathToFileURL(join(ORG_DIR, 'no-such-catalog.json')).href;
    await expectCrosswalkError(
      new CrosswalkEngine({ readBytes: fsReadBytes }).init(missing),
      'fetch-failed',
      'no-such-catalog.json',
    );
    const notJson = pathToFileURL(join(ORG_DIR, 'uniprot.csv')).href;
    await expectCrosswalkError(
      new CrosswalkEngine({ readBytes: fsReadBytes }).init(notJson),
      'unreadable-file',
      'not valid JSON',
    );
  });
});

describe('CrosswalkEngine.map request errors', () => {
  it('rejects an unknown type, naming it', async () => {
    const engine = await loadFixtureEngine();
    await expectCrosswalkError(
      engine.map({ text: 'TP53', source: 'symbol', target: 'go' }),
      'unknown-type',
      '"go"',
    );
    await expectCrosswalkError(
      engine.map({ text: 'TP53', source: 'gene_name', target: 'entrez' }),
      'unknown-type',
      '"gene_name"',
    );
  });

  it('rejects a source equal to the target', async () => {
    const engine = await loadFixtureEngine();
    await expectCrosswalkError(
      engine.map({ text: 'TP53', source: 'symbol', target: 'symbol' }),
      'bad-request',
      'symbol',
    );
  });

  it('rejects a request with no path, naming both types', async () => {
    const engine = await loadFixtureEngine();
    await expectCrosswalkError(
      engine.map({ text: 'P04637', source: 'uniprot', target: 'ensembl_gene', maxHops: 1 }),
      'no-path',
      'uniprot',
      'ensembl_gene',
    );
    // A table whose types connect to nothing else in the catalog.
    engine.register(
      {
        ...fixtureCatalog().tables[0],
        name: 'organs',
        file: 'qin-like.csv',
        hash: 'organs',
        columns: [
          { name: 'gene', type: 'organ_gene' },
          { name: 'organ', type: 'organ' },
        ],
      },
      pathToFileURL(join(QUIRKS_DIR, 'qin-like.csv')).href,
    );
    await expectCrosswalkError(
      engine.map({ text: 'P04637', source: 'uniprot', target: 'organ' }),
      'no-path',
      'uniprot',
      'organ',
    );
  });

  it('rejects empty input, including input of blank lines only', async () => {
    const engine = await loadFixtureEngine();
    for (const text of ['', '\n\n', '  \t \n , ;']) {
      await expectCrosswalkError(
        engine.map({ text, source: 'symbol', target: 'entrez' }),
        'bad-request',
        'empty',
      );
    }
  });
});

describe('CrosswalkEngine.map timing', () => {
  const kinds = (phases: Phase[]) => phases.map((p) => p.kind);

  it('reports setup, config, paths, one load per table, steps and assembly', async () => {
    const engine = await loadFixtureEngine();
    const request = { text: 'P04637\nP38398', source: 'uniprot', target: 'ensembl_gene' };
    const first = await engine.map(request);
    const phases = first.timing.phases;
    expect(kinds(phases).slice(0, 3)).toEqual(['setup', 'config', 'paths']);
    const loads = phases.filter((p) => p.kind === 'load');
    expect(loads.map((p) => [p.name, p.source])).toEqual([
      ['uniprot', 'parsed'],
      ['ensembl_gene', 'parsed'],
    ]);
    expect(loads[0].children!.map((c) => c.name)).toEqual(
      expect.arrayContaining(['read', 'parse']),
    );
    const steps = phases.filter((p) => p.kind === 'step');
    // One lookup plus one phase per hop of the two-hop path.
    expect(steps).toHaveLength(3);
    expect(kinds(phases).at(-1)).toBe('assembly');
    for (const p of phases) expect(p.ms).toBeGreaterThanOrEqual(0);
    expect(first.timing.totalMs).toBeGreaterThanOrEqual(Math.max(...phases.map((p) => p.ms)));

    const second = await engine.map(request);
    const again = second.timing.phases.filter((p) => p.kind === 'load');
    expect(again.map((p) => [p.name, p.source])).toEqual([
      ['uniprot', 'memory'],
      ['ensembl_gene', 'memory'],
    ]);
    expect(again[0].children!.map((c) => c.name)).not.toContain('read');
  });

  it('numbers runs and records the fallback path in the notes', async () => {
    const engine = await loadFixtureEngine();
    const a = await engine.map({ text: 'TP53', source: 'symbol', target: 'entrez' });
    const b = await engine.map({ text: 'TP53 P53', source: 'symbol', target: 'entrez' });
    expect(b.runId).toBeGreaterThan(a.runId);
    expect(a.paths.map((p) => p.steps[0].table)).toEqual(['genes']);
    expect(b.paths.map((p) => p.steps[0].table)).toEqual(['genes', 'alias']);
    expect(b.notes.join('\n')).toMatch(/1 ids? (was|were) mapped only by fallback path 2/);
  });
});
