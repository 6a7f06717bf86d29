import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expectCrosswalkError, loadFixtureEngine } from '../helpers';

/** A 2 MB table: far more than the preview needs. */
function bigCsv(): string {
  const lines = ['uniprot,entrez_id'];
  for (let i = 0; i < 100_000; i++) lines.push(`P${String(10000 + i).slice(-5)},${i}`);
  return `${lines.join('\n')}\n`;
}

describe('previewTable', () => {
  it('reads only the start of a gzip file: a damaged tail does not stop the preview', async () => {
    const engine = await loadFixtureEngine();
    const gz = gzipSync(bigCsv());
    // Cut the archive at 80 %: decompressing it to the end fails, its first part reads fine.
    const truncated = new File([gz.subarray(0, Math.floor(gz.length * 0.8))], 'big.csv.gz');
    const preview = await engine.previewTable(truncated, truncated.name);
    expect(preview.compressed).toBe(true);
    expect(preview.header).toEqual(['uniprot', 'entrez_id']);
    expect(preview.rows[0]).toEqual(['P10000', '0']);
    expect(preview.bytes).toBe(truncated.size);
    // The whole-file check does reach the damaged end, and says so.
    await expectCrosswalkError(
      engine.checkTable(truncated, {
        name: 'big',
        columns: [
          { name: 'uniprot', type: 'uniprot' },
          { name: 'entrez_id', type: 'entrez' },
        ],
      }),
      'unreadable-file',
      'big.csv.gz',
      'gzip',
    );
  });

  it('ends its rows at the last complete line of the part it read', async () => {
    const engine = await loadFixtureEngine();
    const file = new File([bigCsv()], 'big.csv');
    const preview = await engine.previewTable(file, file.name);
    expect(preview.rows).toHaveLength(20);
    for (const row of preview.rows) expect(row).toHaveLength(2);
  });

  it('cleans header names as the check does: "gene, uniprot, organ" has a column "uniprot"', async () => {
    const engine = await loadFixtureEngine();
    const file = new File(['gene, uniprot, organ\nTP53, P04637, liver\n'], 'spaced.csv');
    const preview = await engine.previewTable(file, file.name);
    expect(preview.header).toEqual(['gene', 'uniprot', 'organ']);
    expect(preview.suggestions.map((s) => s.column)).toEqual(['gene', 'uniprot', 'organ']);
    const report = await engine.checkTable(file, {
      name: 'spaced',
      columns: [
        { name: preview.header[0], type: 'symbol' },
        { name: preview.header[1], type: 'uniprot' },
      ],
    });
    expect(report.rows).toBe(1);
  });

  it('refuses a first line longer than it reads, saying so instead of "no header row"', async () => {
    const engine = await loadFixtureEngine();
    const file = new File(['x'.repeat(300 * 1024), '\nP04637,7157\n'], 'one-line.csv');
    const error = await expectCrosswalkError(
      engine.previewTable(file, file.name),
      'unreadable-file',
      'one-line.csv',
      'without a line break',
    );
    expect(error.message).not.toContain('no header row');
  });

  it('refuses an unterminated quote at once, naming it and its row', async () => {
    const engine = await loadFixtureEngine();
    const file = new File(['gene,uniprot\nTP53,P04637\nBRCA1,"P38398\nEGFR,P00533\n'], 'q.csv');
    await expectCrosswalkError(
      engine.previewTable(file, file.name),
      'unreadable-file',
      'q.csv',
      'unterminated quote near data row 2',
    );
  });

  it('reads UTF-16 text without a byte-order mark, little- and big-endian', async () => {
    const engine = await loadFixtureEngine();
    const text = 'gene\tuniprot\r\nTP53\tP04637\r\nBRCA1\tP38398\r\n';
    const le = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
    const be = Uint8Array.from([...text].flatMap((c) => [0, c.charCodeAt(0)]));
    for (const [bytes, name] of [
      [le, 'le.tsv'],
      [be, 'be.tsv'],
    ] as const) {
      const file = new File([bytes as BlobPart], name);
      const preview = await engine.previewTable(file, name);
      expect(preview.header, name).toEqual(['gene', 'uniprot']);
      expect(preview.rows, name).toEqual([
        ['TP53', 'P04637'],
        ['BRCA1', 'P38398'],
      ]);
      const report = await engine.checkTable(file, {
        name: name.replace('.tsv', ''),
        columns: [
          { name: 'gene', type: 'symbol' },
          { name: 'uniprot', type: 'uniprot' },
        ],
      });
      expect(report.rows, name).toBe(2);
    }
  });
});
