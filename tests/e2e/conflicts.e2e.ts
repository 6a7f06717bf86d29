/**
 * Paths that disagree are shown (#17 item 1): a file of the user's maps UniProt accessions to
 * symbols in one hop, which outranks the bundled two hops (uniprot → entrez → genes); exactly
 * the inputs the two answer differently carry `conflict` = `yes`. The expected set is computed
 * from the file and the bundled tables' sources (`data/*.csv.gz`), independently of the app.
 */
import { expect, test } from '@playwright/test';
import { addCsvTable, download, failTestsOnPageErrors, index, parseTsv, step } from './helpers';

failTestsOnPageErrors();

// Real accessions: two the file agrees on, one it gives another gene (BRCA1's as BRCA2), one only
// the file knows; P01308 (INS) is not in the file, so only the bundled path answers it.
const FILE_ROWS = [
  ['P04637', 'TP53'],
  ['P38398', 'BRCA2'],
  ['P00533', 'EGFR'],
  ['A0A000NOT1', 'MADEUP1'],
];
const INPUTS = ['P04637', 'P38398', 'P00533', 'A0A000NOT1', 'P01308'];
const entrezOf = index('uniprot', 0, 1);
const symbolOf = index('genes', 0, 1);
const bundled = (accession: string) => [...step(entrezOf.get(accession) ?? [], symbolOf)].sort();
const mine = (accession: string) =>
  FILE_ROWS.filter(([a]) => a === accession)
    .map(([, s]) => s)
    .sort();
const conflicting = INPUTS.filter((a) => {
  const [theirs, ours] = [bundled(a), mine(a)];
  return theirs.length > 0 && ours.length > 0 && theirs.join() !== ours.join();
});

test('exactly the inputs two ranked paths answer differently are flagged conflict', async ({
  page,
}) => {
  expect(conflicting).toEqual(['P38398']);
  await addCsvTable(page, 'mine.csv', [['uniprot', 'symbol'], ...FILE_ROWS], {
    uniprot: 'uniprot',
    symbol: 'symbol',
  });

  await page.getByTestId('ids-input').fill(INPUTS.join('\n'));
  await page.getByTestId('source-type').selectOption('uniprot');
  await page.getByTestId('target-type').selectOption('symbol');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await expect(page.getByTestId('summary')).toContainText(
    `${conflicting.length} conflict between paths`,
  );

  const [header, ...rows] = parseTsv(await download(page, 'export-tsv'));
  const at = (name: string) => header.indexOf(name);
  const flagged = [
    ...new Set(rows.filter((r) => r[at('conflict')] === 'yes').map((r) => r[at('input')])),
  ];
  expect(flagged).toEqual(conflicting);
  for (const input of INPUTS) {
    const own = rows.filter((r) => r[at('input')] === input);
    // The first-ranked path (the file's one hop) gives the result where it answers…
    const expected = mine(input).length > 0 ? mine(input) : bundled(input);
    expect(
      own
        .map((r) => r[at('target')])
        .filter(Boolean)
        .sort(),
      input,
    ).toEqual(expected);
  }
  // … and the other answer is in the reason, one click from the row.
  const conflict = rows.find((r) => r[at('input')] === 'P38398')!;
  expect(conflict[at('reason')]).toBe(
    `paths disagree (uniprot → entrez → symbol via uniprot + genes gives ${bundled('P38398').join(', ')})`,
  );
  await expect(page.getByTestId('results').getByTitle(/^Paths disagree/)).toHaveCount(
    conflicting.length,
  );
});
