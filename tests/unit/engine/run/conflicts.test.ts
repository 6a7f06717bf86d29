/**
 * Paths that disagree (#17 item 1): a user's one-hop uniprot → symbol file outranks the fixtures'
 * two hops (uniprot.csv → entrez → genes.csv); the inputs the two answer differently are flagged
 * and counted. The expected set is computed from the fixture rows and the file's rows.
 */
import { describe, expect, it } from 'vitest';
import { INPUT_CONFLICT } from '../../../../workers/common/codes';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { exportRows } from '../../../../workers/engine/result/export';
import { MemoryUserTableStore } from '../../../../workers/engine/user-tables/user-table-store';
import {
  addTsvTable,
  CATALOG_URL,
  columnOf,
  fsReadBytes,
  multiMap,
  parseCsvText,
  readCsv,
} from '../helpers';

const entrezOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'uniprot', 'entrez_id');
const symbolOf = multiMap(readCsv('org-hs-eg/genes.csv'), 'entrez_id', 'symbol');
const bundled = (a: string) => (entrezOf.get(a) ?? []).flatMap((e) => symbolOf.get(e) ?? []).sort();
// The first accessions of the fixture with a symbol: the file agrees on some, not on others.
const known = [...entrezOf.keys()].filter((a) => bundled(a).length === 1).slice(0, 6);
const FILE: [string, string][] = known.map((a, i) => [a, i % 3 === 1 ? `NOT${i}` : bundled(a)[0]]);
FILE.push(['A0A000NOT1', 'ONLYHERE']);
const mine = (a: string) =>
  FILE.filter(([x]) => x === a)
    .map(([, s]) => s)
    .sort();
const INPUTS = [...known, 'A0A000NOT1', known[1]];
const expected = INPUTS.filter((a) => {
  const [theirs, ours] = [bundled(a), mine(a)];
  return theirs.length > 0 && ours.length > 0 && theirs.join() !== ours.join();
});

async function engineWithFile(): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({
    readBytes: fsReadBytes,
    userStore: new MemoryUserTableStore(),
  });
  await engine.init(CATALOG_URL);
  await addTsvTable(
    engine,
    'mine',
    [['uniprot', 'symbol'], ...FILE],
    [
      { name: 'uniprot', type: 'uniprot' },
      { name: 'symbol', type: 'symbol' },
    ],
  );
  return engine;
}

describe('paths that disagree', () => {
  it('flags and counts exactly the inputs the two ranked paths answer differently', async () => {
    expect(expected.length).toBeGreaterThan(1);
    const engine = await engineWithFile();
    const result = await engine.map({
      text: INPUTS.join('\n'),
      source: 'uniprot',
      target: 'symbol',
    });
    const flagged = INPUTS.filter((_, i) => result.inputs.flags[i] & INPUT_CONFLICT);
    expect(flagged).toEqual(expected);
    expect(result.summary.conflicts).toBe(expected.length);
    const csv = parseCsvText(await exportRows(result, 'csv').text());
    const rows = csv.rows.map((row) => Object.fromEntries(csv.header.map((h, i) => [h, row[i]])));
    expect([...new Set(rows.filter((r) => r.conflict === 'yes').map((r) => r.input))]).toEqual([
      ...new Set(expected),
    ]);
    // The file's one hop gives the result; the bundled answer is in the reason.
    for (const row of rows.filter((r) => r.conflict === 'yes')) {
      expect(row.target).toBe(mine(row.input)[0]);
      expect(row.reason).toContain(`gives ${bundled(row.input).join(', ')}`);
    }
    const wide = parseCsvText(await exportRows(result, 'csv', undefined, 'wide').text());
    expect(columnOf(wide, 'conflict')).toEqual(
      INPUTS.map((a) => (expected.includes(a) ? 'yes' : '')),
    );
  });
});
