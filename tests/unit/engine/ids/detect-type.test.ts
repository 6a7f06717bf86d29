import { beforeAll, describe, expect, it } from 'vitest';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import {
  columnOf,
  distinct,
  expectCrosswalkError,
  loadFixtureEngine,
  readCsv,
  rowsOf,
} from '../helpers';

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

const sample = (file: string, column: string, n = 20) =>
  distinct(columnOf(readCsv(file), column))
    .slice(0, n)
    .join('\n');

describe('detect', () => {
  it('recognises a list of UniProt accessions', () => {
    const detection = engine.detect(sample('org-hs-eg/uniprot.csv', 'uniprot'));
    expect(detection.type).toBe('uniprot');
    expect(detection.share).toBe(1);
  });

  it('recognises Entrez ids (digits), preferring entrez over omim for six-digit numbers', () => {
    expect(engine.detect(sample('org-hs-eg/genes.csv', 'entrez_id')).type).toBe('entrez');
    expect(engine.detect('100678\n614055\n109690').type).toBe('entrez');
  });

  it('recognises gene symbols', () => {
    const detection = engine.detect(sample('org-hs-eg/genes.csv', 'symbol'));
    expect(detection.type).toBe('symbol');
    expect(detection.share).toBeGreaterThan(0.9);
  });

  it('recognises Ensembl gene ids, with or without a version', () => {
    expect(engine.detect(sample('org-hs-eg/ensembl_gene.csv', 'ensembl_gene')).type).toBe(
      'ensembl_gene',
    );
    expect(engine.detect(sample('quirks/ensembl-versions.csv', 'ensembl_gene')).type).toBe(
      'ensembl_gene',
    );
  });

  it('recognises RefSeq and Ensembl protein ids', () => {
    expect(engine.detect(sample('org-hs-eg/refseq.csv', 'refseq')).type).toBe('refseq');
    expect(engine.detect(sample('org-hs-eg/ensembl_protein.csv', 'ensembl_protein')).type).toBe(
      'ensembl_protein',
    );
  });

  it('returns no type for input that looks like no identifier', () => {
    expect(engine.detect('!!! ??? ###').type).toBeNull();
  });

  it('lets map() run with source auto and say what it detected', async () => {
    const result = await engine.map({ text: 'P04637\nP38398', source: 'auto', target: 'entrez' });
    expect(result.source).toBe('uniprot');
    expect(result.detection?.type).toBe('uniprot');
    expect(result.notes[0]).toContain('uniprot');
    expect(rowsOf(result).map((r) => r.pairs.map((p) => p.target))).toEqual([['7157'], ['672']]);
    await expectCrosswalkError(
      engine.map({ text: '!!! ???', source: 'auto', target: 'entrez' }),
      'unknown-type',
    );
  });
});
