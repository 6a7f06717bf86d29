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
});
