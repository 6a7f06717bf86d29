/**
 * Two runs of the same list over two versions of the data (#17): the fixtures' two hops (symbol →
 * genes.csv → uniprot.csv), then with a file of the user's one hop (symbol → uniprot) that
 * outranks them. Expected changes are computed from the fixture rows and the file's rows.
 */
import { describe, expect, it } from 'vitest';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { MemoryUserTableStore } from '../../../../workers/engine/user-tables/user-table-store';
import {
  addTsvTable,
  CATALOG_URL,
  expectCrosswalkError,
  fsReadBytes,
  multiMap,
  parseCsvText,
  readCsv,
} from '../helpers';

const entrezOf = multiMap(readCsv('org-hs-eg/genes.csv'), 'symbol', 'entrez_id');
const accessionsOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'entrez_id', 'uniprot');
const bundled = (s: string) =>
  [...new Set((entrezOf.get(s) ?? []).flatMap((e) => accessionsOf.get(e) ?? []))].sort();
// The file: TP53's one reviewed accession only, EGFR unchanged, a made-up symbol, and BRCA1 as a
// made-up accession.
const FILE: [string, string][] = [
  ['TP53', 'P04637'],
  ['MADEUP1', 'Q00000'],
  ...bundled('EGFR').map((a): [string, string] => ['EGFR', a]),
  ['BRCA1', 'A0A000FAKE'],
];
const mine = (s: string) => [...new Set(FILE.filter(([x]) => x === s).map(([, a]) => a))].sort();
const INPUTS = ['TP53', 'EGFR', 'MADEUP1', 'BRCA1', 'NOTAGENE', 'LEP'];
const after = (s: string) => (mine(s).length > 0 ? mine(s) : bundled(s));
const kindOf = (s: string) => {
  const [was, now] = [bundled(s), after(s)];
  if (was.join() === now.join()) return null;
  return was.length === 0 ? 'gained' : now.length === 0 ? 'lost' : 'changed';
};
const EXPECTED = INPUTS.map((s, i) => ({ index: i + 1, input: s, kind: kindOf(s) })).filter(
  (c) => c.kind !== null,
);

describe('a diff between two runs of one list', () => {
  it('lists exactly the inputs whose targets differ, and the table the second run added', async () => {
    const engine = new CrosswalkEngine({
      readBytes: fsReadBytes,
      userStore: new MemoryUserTableStore(),
    });
    await engine.init(CATALOG_URL);
    const request = { text: INPUTS.join('\n'), source: 'symbol', target: 'uniprot' };
    const first = await engine.map(request);
    await addTsvTable(
      engine,
      'mine',
      [['symbol', 'uniprot'], ...FILE],
      [
        { name: 'symbol', type: 'symbol' },
        { name: 'uniprot', type: 'uniprot' },
      ],
    );
    const second = await engine.map(request);

    const diff = engine.diffRuns(first.runId, second.runId);
    expect(diff.changes.map(({ index, input, kind }) => ({ index, input, kind }))).toEqual(
      EXPECTED,
    );
    for (const change of diff.changes) {
      expect(change.before).toEqual(bundled(change.input));
      expect(change.after).toEqual(after(change.input));
    }
    expect(diff.counts.same).toBe(INPUTS.length - EXPECTED.length);
    expect(diff.tables.added).toEqual(['mine']);
    expect(diff.tables.removed).toEqual([]);

    const file = parseCsvText(
      await engine.exportDiff(first.runId, second.runId, 'tsv').text(),
      '\t',
    );
    expect(file.header).toEqual(['input_index', 'input', 'change', 'before', 'after']);
    expect(file.rows.map((r) => [r[1], r[2], r[4]])).toEqual(
      EXPECTED.map((c) => [c.input, c.kind, after(c.input).join('|')]),
    );
  });

  it('refuses two runs of different lists, or to different types', async () => {
    const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
    await engine.init(CATALOG_URL);
    const a = await engine.map({ text: 'TP53\nEGFR', source: 'symbol', target: 'uniprot' });
    const b = await engine.map({ text: 'TP53\nLEP', source: 'symbol', target: 'uniprot' });
    const c = await engine.map({ text: 'TP53\nEGFR', source: 'symbol', target: 'entrez' });
    await expectCrosswalkError(
      Promise.resolve().then(() => engine.diffRuns(a.runId, b.runId)),
      'bad-request',
      'different lists',
    );
    await expectCrosswalkError(
      Promise.resolve().then(() => engine.diffRuns(a.runId, c.runId)),
      'bad-request',
      'map to different types (uniprot; entrez)',
    );
  });
});
