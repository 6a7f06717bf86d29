/**
 * A diff between two versions of the data (#17 item 4): a list mapped over the bundled tables,
 * then again with a file of the user's that outranks them; the comparison lists exactly the
 * inputs whose targets differ. Expected changes come from the bundled tables' sources and the
 * file, independently of the app.
 */
import { expect, test } from '@playwright/test';
import {
  addCsvTable,
  download,
  failTestsOnPageErrors,
  index,
  parseTsv,
  runMapping,
  step,
} from './helpers';

failTestsOnPageErrors();

const entrezOf = index('genes', 1, 0);
const accessionsOf = index('uniprot', 1, 0);
const bundled = (s: string) => [...step(entrezOf.get(s) ?? [], accessionsOf)].sort();
const FILE: [string, string][] = [
  ['TP53', 'P04637'],
  ['MADEUP1', 'Q00000'],
  ['BRCA1', 'A0A000FAKE'],
];
const mine = (s: string) => FILE.filter(([x]) => x === s).map(([, a]) => a);
const after = (s: string) => (mine(s).length > 0 ? mine(s).sort() : bundled(s));
const INPUTS = ['TP53', 'EGFR', 'MADEUP1', 'BRCA1', 'NOTAGENE'];
const kindOf = (s: string) => {
  const [was, now] = [bundled(s), after(s)];
  if (was.join() === now.join()) return null;
  return was.length === 0 ? 'gained' : now.length === 0 ? 'lost' : 'changed';
};
const EXPECTED = INPUTS.filter((s) => kindOf(s) !== null);

test('two runs of one list over two data versions: exactly the inputs whose targets differ', async ({
  page,
}) => {
  expect(EXPECTED).toEqual(['TP53', 'MADEUP1', 'BRCA1']);
  await runMapping(page, { ids: INPUTS, source: 'symbol', target: 'uniprot' });
  await expect(page.getByTestId('diff-run')).toHaveCount(0);

  await addCsvTable(page, 'current.csv', [['symbol', 'uniprot'], ...FILE], {
    symbol: 'symbol',
    uniprot: 'uniprot',
  });
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '2', { timeout: 45_000 });

  await page.getByTestId('diff-run').click();
  const rows = page.getByTestId('diff-row');
  await expect(rows).toHaveCount(EXPECTED.length);
  for (const [i, input] of EXPECTED.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-kind', kindOf(input)!);
    await expect(rows.nth(i)).toContainText(input);
  }
  await expect(page.getByTestId('diff-summary')).toContainText('Tables: + current');

  const [header, ...lines] = parseTsv(await download(page, 'diff-export'));
  expect(header).toEqual(['input_index', 'input', 'change', 'before', 'after']);
  expect(lines.map((l) => [l[1], l[2], l[3], l[4]])).toEqual(
    EXPECTED.map((s) => [s, kindOf(s), bundled(s).join('|'), after(s).join('|')]),
  );
});
