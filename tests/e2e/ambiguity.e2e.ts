/**
 * The ambiguity policy (#16), chosen after a run: each choice changes the rows on screen and the
 * export at once, with no new run. Expectations come from the bundled tables' sources
 * (`data/*.csv.gz`): a symbol's accessions are those `uniprot` lists for its gene, the reviewed
 * ones those `uniprot_reviewed` lists.
 */
import { expect, test, type Page } from '@playwright/test';
import { download, failTestsOnPageErrors, index, parseTsv, readTable, runMapping } from './helpers';

failTestsOnPageErrors();

// PLIN1 has one accession: no policy touches it.
const SYMBOLS = ['TP53', 'EGFR', 'LEP', 'PLIN1', 'NOTAGENE'];
const entrezOf = index('genes', 1, 0);
const accessionsOf = index('uniprot', 1, 0);
const reviewed = new Set(readTable('uniprot_reviewed').map((row) => row[0]));
const accessions = (symbol: string) =>
  [...(entrezOf.get(symbol) ?? [])].flatMap((entrez) => [...(accessionsOf.get(entrez) ?? [])]);

/** The export's rows as records, by the header's names. */
async function exported(page: Page): Promise<Record<string, string>[]> {
  const [header, ...rows] = parseTsv(await download(page, 'export-tsv'));
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

const targetsOf = (rows: Record<string, string>[], input: string) =>
  rows.filter((row) => row.input === input && row.target !== '').map((row) => row.target);

test('each policy changes the rows and the export at once, without running again', async ({
  page,
}) => {
  // The bundled data must make the case: TP53 has 7 accessions, one of them reviewed.
  expect(accessions('TP53')).toHaveLength(7);
  expect(accessions('TP53').filter((a) => reviewed.has(a))).toEqual(['P04637']);
  const ambiguous = SYMBOLS.filter((s) => accessions(s).length > 1);
  const preferable = ambiguous.filter((s) => {
    const some = accessions(s).filter((a) => reviewed.has(a)).length;
    return some > 0 && some < accessions(s).length;
  });

  await page.goto('/');
  await runMapping(page, { ids: SYMBOLS, source: 'symbol', target: 'uniprot' });
  const policy = page.getByTestId('ambiguity-policy');
  await expect(policy).toHaveValue('keep');
  await expect(policy.locator('option[value="drop"]')).toHaveText(
    `drop them (changes ${ambiguous.length} inputs)`,
  );
  await expect(policy.locator('option[value="prefer-reviewed"]')).toHaveText(
    `prefer reviewed UniProt entries (changes ${preferable.length} inputs)`,
  );
  // The reviewed accession carries the mark on screen.
  await expect(
    page.getByRole('row').filter({ hasText: 'P04637' }).getByTestId('reviewed-mark'),
  ).toHaveCount(1);

  let rows = await exported(page);
  expect(targetsOf(rows, 'TP53').sort()).toEqual(accessions('TP53').sort());
  expect(new Set(rows.map((row) => row.policy))).toEqual(new Set(['keep']));

  await policy.selectOption('prefer-reviewed');
  await expect(page.getByRole('row').filter({ hasText: 'A0A087WT22' })).toHaveCount(0);
  rows = await exported(page);
  for (const symbol of SYMBOLS) {
    const all = accessions(symbol);
    const expected = preferable.includes(symbol) ? all.filter((a) => reviewed.has(a)) : all;
    expect(targetsOf(rows, symbol).sort(), symbol).toEqual(expected.sort());
  }
  expect(rows.find((row) => row.input === 'TP53')).toMatchObject({
    status: 'mapped',
    reviewed: 'yes',
    policy: 'prefer-reviewed',
  });

  await policy.selectOption('drop');
  rows = await exported(page);
  for (const symbol of ambiguous) {
    const own = rows.filter((row) => row.input === symbol);
    expect(own, symbol).toHaveLength(1);
    expect(own[0]).toMatchObject({ status: 'ambiguous', target: '', policy: 'drop' });
    expect(own[0].reason).toBe(`dropped by policy (${accessions(symbol).length} targets)`);
  }
  expect(accessions('PLIN1')).toHaveLength(1);
  expect(targetsOf(rows, 'PLIN1')).toEqual(accessions('PLIN1'));

  await policy.selectOption('first');
  rows = await exported(page);
  for (const symbol of ambiguous) expect(targetsOf(rows, symbol)).toHaveLength(1);

  // All of it on the first run's result: nothing ran again.
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1');

  // A later run is shown under the chosen policy.
  await runMapping(page, { ids: ['TP53'], source: 'symbol', target: 'uniprot' }, 2);
  rows = await exported(page);
  expect(rows.map((row) => row.policy)).toEqual(['first']);
});

test('prefer-reviewed says so where no table says which targets are reviewed', async ({ page }) => {
  await page.goto('/');
  await runMapping(page, { ids: ['TP53', 'BRCA1'], source: 'symbol', target: 'ensembl_gene' });
  await page.getByTestId('ambiguity-policy').selectOption('prefer-reviewed');
  await expect(page.getByTestId('policy-note')).toContainText(
    'No table here says which ensembl_gene ids are reviewed',
  );
});

test('a wide export has one row per input, its targets joined by |', async ({ page }) => {
  await page.goto('/');
  await runMapping(page, { ids: SYMBOLS, source: 'symbol', target: 'uniprot' });
  await page.getByTestId('export-layout').selectOption('wide');
  const [header, ...rows] = parseTsv(await download(page, 'export-tsv'));
  expect(header.slice(0, 4)).toEqual(['input_index', 'input', 'status', 'uniprot']);
  expect(rows.map((row) => row[1])).toEqual(SYMBOLS);
  rows.forEach((row, i) =>
    expect(row[3] ? row[3].split('|').sort() : [], SYMBOLS[i]).toEqual(
      accessions(SYMBOLS[i]).sort(),
    ),
  );
  // The long layout is still one row per target.
  await page.getByTestId('export-layout').selectOption('long');
  const [, ...long] = parseTsv(await download(page, 'export-tsv'));
  const expected = SYMBOLS.reduce((n, s) => n + Math.max(1, accessions(s).length), 0);
  expect(long).toHaveLength(expected);
});
