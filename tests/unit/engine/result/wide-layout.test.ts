/**
 * The wide export layout (#16): one row per input, in input order, its targets in one cell
 * joined by `|`. Expected targets come from the fixture rows (genes.csv, uniprot.csv).
 */
import { describe, expect, it } from 'vitest';
import { exportRows } from '../../../../workers/engine/result/export';
import { columnOf, loadFixtureEngine, multiMap, parseCsvText, readCsv } from '../helpers';

const entrezOf = multiMap(readCsv('org-hs-eg/genes.csv'), 'symbol', 'entrez_id');
const accessionsOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'entrez_id', 'uniprot');
const accessions = (symbol: string) =>
  (entrezOf.get(symbol) ?? []).flatMap((entrez) => accessionsOf.get(entrez) ?? []);
const INPUTS = ['TP53', 'PLIN1', 'NOTAGENE', 'TP53', 'EGFR'];

describe('the wide layout', () => {
  it('writes one row per input, its targets joined by |, for every format', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: INPUTS.join('\n'),
      source: 'symbol',
      target: 'uniprot',
    });
    for (const format of ['tsv', 'csv'] as const) {
      const csv = parseCsvText(
        await exportRows(result, format, undefined, 'wide').text(),
        format === 'tsv' ? '\t' : ',',
      );
      expect(csv.header.slice(0, 4)).toEqual(['input_index', 'input', 'status', 'uniprot']);
      expect(csv.rows).toHaveLength(INPUTS.length);
      expect(columnOf(csv, 'input')).toEqual(INPUTS);
      expect(columnOf(csv, 'uniprot').map((cell) => (cell ? cell.split('|') : []))).toEqual(
        INPUTS.map(accessions),
      );
      expect(columnOf(csv, 'status')).toEqual(
        INPUTS.map((s) => ['unmapped', 'mapped'][accessions(s).length] ?? 'ambiguous'),
      );
      expect(columnOf(csv, 'duplicate')).toEqual(['', '', '', 'yes', '']);
    }
    const json = JSON.parse(await exportRows(result, 'json', undefined, 'wide').text());
    expect(json.layout).toBe('wide');
    expect(json.rows.map((row: Record<string, string>) => row.uniprot)).toEqual(
      INPUTS.map((s) => accessions(s).join('|')),
    );
  });

  it('is what the engine exports for a kept run when asked', async () => {
    const engine = await loadFixtureEngine();
    const { runId } = await engine.map({ text: 'TP53', source: 'symbol', target: 'uniprot' });
    const wide = parseCsvText(await engine.exportResult(runId, 'tsv', 'wide').text(), '\t');
    const long = parseCsvText(await engine.exportResult(runId, 'tsv').text(), '\t');
    expect(wide.rows).toHaveLength(1);
    expect(long.rows).toHaveLength(accessions('TP53').length);
  });
});
