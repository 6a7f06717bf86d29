/**
 * Several target types in one run (#16): the `target-type` select picks the first, `add-target-type`
 * adds more; the wide export has one row per input and one column per type, the long one a
 * `target_type` per pair. Expectations come from the bundled tables' sources (`data/*.csv.gz`).
 */
import { expect, test } from '@playwright/test';
import { download, failTestsOnPageErrors, index, parseTsv, runMapping, step } from './helpers';

failTestsOnPageErrors();

const SYMBOLS = ['TP53', 'BRCA1', 'NOTAGENE', 'EGFR'];
const entrezOf = index('genes', 1, 0);
const byGene = { ensembl_gene: index('ensembl_gene', 1, 0), uniprot: index('uniprot', 1, 0) };
const expected = {
  entrez: (symbol: string) => [...(entrezOf.get(symbol) ?? [])],
  ensembl_gene: (symbol: string) => [...step(entrezOf.get(symbol) ?? [], byGene.ensembl_gene)],
  uniprot: (symbol: string) => [...step(entrezOf.get(symbol) ?? [], byGene.uniprot)],
};
const TARGETS = ['entrez', 'ensembl_gene', 'uniprot'] as const;
const sorted = (cell: string) => (cell ? cell.split('|').sort() : []);

test('one run maps to several types: a column each in the wide export, a target_type each in the long', async ({
  page,
}) => {
  await page.getByTestId('source-type').selectOption('symbol');
  await page.getByTestId('target-type').selectOption('entrez');
  await page.getByTestId('add-target-type').selectOption('ensembl_gene');
  await page.getByTestId('add-target-type').selectOption('uniprot');
  await expect(page.getByTestId('extra-target')).toHaveCount(2);
  // A type already chosen is not offered again.
  await expect(page.getByTestId('add-target-type').locator('option[value="uniprot"]')).toHaveCount(
    0,
  );
  await runMapping(page, { ids: SYMBOLS, source: 'symbol', target: 'entrez' });
  await expect(page.getByTestId('row-target-type').first()).toBeVisible();

  await page.getByTestId('export-layout').selectOption('wide');
  const [header, ...rows] = parseTsv(await download(page, 'export-tsv'));
  expect(header.slice(0, 6)).toEqual(['input_index', 'input', 'status', ...TARGETS]);
  expect(rows.map((row) => row[1])).toEqual(SYMBOLS);
  for (const [j, type] of TARGETS.entries())
    rows.forEach((row, i) =>
      expect(sorted(row[3 + j]), `${SYMBOLS[i]} ${type}`).toEqual(
        expected[type](SYMBOLS[i]).sort(),
      ),
    );

  await page.getByTestId('export-layout').selectOption('long');
  const [longHeader, ...long] = parseTsv(await download(page, 'export-tsv'));
  const at = (name: string) => longHeader.indexOf(name);
  for (const symbol of SYMBOLS) {
    const own = long.filter((row) => row[at('input')] === symbol && row[at('target')] !== '');
    for (const type of TARGETS) {
      const ofType = own
        .filter((row) => row[at('target_type')] === type)
        .map((row) => row[at('target')]);
      expect(ofType.sort(), `${symbol} ${type}`).toEqual(expected[type](symbol).sort());
    }
  }

  // Removing a type maps without it next time.
  await page
    .getByTestId('extra-target')
    .filter({ hasText: 'UniProt' })
    .getByTestId('remove-extra-target')
    .click();
  await expect(page.getByTestId('extra-target')).toHaveCount(1);
  await expect(page.getByTestId('result-outdated')).toBeVisible();
});
