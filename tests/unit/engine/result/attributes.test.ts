import { describe, expect, it } from 'vitest';
import { MemoryUserTableStore } from '../../../../workers/engine/user-tables/user-table-store';
import {
  decode,
  decodeRow,
  fixtureBytes,
  loadFixtureEngine,
  multiMap,
  readCsv,
  rowsOf,
} from '../helpers';

/** Distinct values of `valueColumn` beside `key` in `keyColumn`, in file order, joined as output. */
function besides(relative: string, keyColumn: string, valueColumn: string): Map<string, string> {
  const joined = new Map<string, string>();
  for (const [key, values] of multiMap(readCsv(relative), keyColumn, valueColumn)) {
    joined.set(key, [...new Set(values)].join('; '));
  }
  return joined;
}

describe('attribute columns', () => {
  it('are offered for a target type by every table holding that type', async () => {
    const engine = await loadFixtureEngine();
    // genes.csv: entrez_id, symbol, name, gene_type — the last two are untyped in the catalog.
    expect(engine.attributesFor('symbol')).toEqual([
      { table: 'genes', column: 'name' },
      { table: 'genes', column: 'gene_type' },
    ]);
    // uniprot_reviewed.csv: uniprot, status (untyped) — whether the entry is reviewed.
    expect(engine.attributesFor('uniprot')).toEqual([
      { table: 'uniprot_reviewed', column: 'status' },
    ]);
  });

  it('annotate each pair with the values listed beside its target, and reach the exports', async () => {
    const engine = await loadFixtureEngine();
    const genes = readCsv('org-hs-eg/genes.csv');
    const entrez = genes.rows.slice(0, 6).map((row) => row[0]);
    const names = besides('org-hs-eg/genes.csv', 'symbol', 'name');
    const result = await engine.map({
      text: [...entrez, 'NOTANID'].join('\n'),
      source: 'entrez',
      target: 'symbol',
      attributes: [{ table: 'genes', column: 'name' }],
    });
    expect(result.attributes.labels).toEqual(['name (genes)']);
    let checked = 0;
    for (let p = 0; p < result.pairs.count; p++) {
      const symbol = decodeRow(result.pairs.target, p);
      const value = decode(result.attributes.values[0], result.pairs.target.index[p]);
      expect(value, symbol).toBe(names.get(symbol));
      checked++;
    }
    expect(checked).toBe(entrez.length);

    const tsv = (await engine.exportResult(result.runId, 'tsv').text())
      .replace(/\n$/, '') // not trim(): the last row ends in empty cells
      .split('\n');
    const header = tsv[0].split('\t');
    expect(header.at(-1)).toBe('name (genes)');
    const rows = tsv.slice(1).map((line) => line.split('\t'));
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    for (const row of rows) {
      expect(at(row, 'name (genes)')).toBe(at(row, 'target') ? names.get(at(row, 'target')) : '');
    }
    expect(rowsOf(result).at(-1)!.status).toBe('invalid');
  });

  it('come from a table of your own whose column was left untyped', async () => {
    const userStore = new MemoryUserTableStore();
    const engine = await loadFixtureEngine({ userStore });
    const file = new File([fixtureBytes('quirks/qin-like.csv') as BlobPart], 'qin-like.csv');
    await engine.checkTable(file, {
      name: 'organs',
      columns: [
        { name: 'gene', type: 'symbol' },
        { name: 'uniprot', type: 'uniprot' },
        { name: 'organ' },
      ],
    });
    await engine.addTable('organs');
    expect(engine.attributesFor('uniprot')).toEqual([
      { table: 'uniprot_reviewed', column: 'status' },
      { table: 'organs', column: 'organ' },
    ]);
    const organs = besides('quirks/qin-like.csv', 'uniprot', 'organ');
    const genes = multiMap(readCsv('quirks/qin-like.csv'), 'gene', 'uniprot');
    const symbols = [...genes.keys()].slice(0, 5);
    const result = await engine.map({
      text: symbols.join('\n'),
      source: 'symbol',
      target: 'uniprot',
      attributes: [{ table: 'organs', column: 'organ' }],
    });
    expect(result.pairs.count).toBeGreaterThan(0);
    for (let p = 0; p < result.pairs.count; p++) {
      const accession = decodeRow(result.pairs.target, p);
      const organ = decode(result.attributes.values[0], result.pairs.target.index[p]);
      expect(organ, accession).toBe(organs.get(accession) ?? '');
    }
  });

  it('are refused when the column is not an attribute of a table holding the target type', async () => {
    const engine = await loadFixtureEngine();
    await expect(
      engine.map({
        text: '7157',
        source: 'entrez',
        target: 'symbol',
        attributes: [{ table: 'genes', column: 'symbol' }],
      }),
    ).rejects.toThrow(/no attribute column "symbol"/);
  });
});
