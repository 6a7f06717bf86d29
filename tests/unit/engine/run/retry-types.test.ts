/**
 * Names on auto (#12 item 3): a name is read as a gene symbol first and, when no symbol table
 * knows it, as the other free-text types — here GO term names, through the bundled go_terms
 * table. Expected GO ids come from data/go_terms.csv.gz (the source of the shipped table), read with the independent reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import {
  fsReadBytes,
  keyInfoOf,
  multiMap,
  parseCsvText,
  PUBLIC_DATA_DIR,
  SOURCE_DATA_DIR,
  rowsOf,
} from '../helpers';

const goTerms = parseCsvText(
  gunzipSync(readFileSync(join(SOURCE_DATA_DIR, 'go_terms.csv.gz'))).toString('utf8'),
);
const termToGo = multiMap(goTerms, 'term', 'go_id');

describe('names the symbol tables miss', () => {
  it('are looked up as GO term names, and say so', async () => {
    const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
    await engine.init(pathToFileURL(join(PUBLIC_DATA_DIR, 'catalog.json')).href);
    const names = ['nucleus', 'apoptotic process'];
    for (const name of names) expect(termToGo.get(name)).toHaveLength(1);
    const result = await engine.map({
      // Mostly symbols: names are read as symbols first, and the GO term names found after.
      text: ['TP53', ...names, 'BRCA1', 'EGFR', 'no such thing at all'].join('\n'),
      source: 'auto',
      target: 'go',
    });
    const rows = rowsOf(result);
    names.forEach((name, i) => {
      expect(rows[i + 1].pairs.map((p) => p.target)).toEqual(termToGo.get(name));
      expect(keyInfoOf(result, i + 1)).toMatchObject({
        sourceType: 'go_term',
        reason: 'read as go_term (not found as symbol)',
      });
    });
    expect(keyInfoOf(result, 0).sourceType).toBe('symbol');
    expect(rows[5].status).toBe('unmapped');
    expect(keyInfoOf(result, 5)).toMatchObject({
      sourceType: 'symbol',
      reason: 'not in any table',
    });
  });
});
