/**
 * The user's work survives a reload by default (#16): the list, the types and the options come
 * back (the results by running again); "Forget" and "never keep" undo it.
 */
import { expect, test } from '@playwright/test';
import { download, failTestsOnPageErrors, parseTsv, runMapping } from './helpers';

failTestsOnPageErrors();

const IDS = ['TP53', 'BRCA1', 'NOTAGENE'];

test('a reload brings back the list, the types and the options; Forget clears them', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('kept-work')).toHaveAttribute('data-state', 'kept');
  await page.getByTestId('split-rule').selectOption('lines');
  await page.getByTestId('source-type').selectOption('symbol');
  await page.getByTestId('target-type').selectOption('uniprot');
  await page.getByTestId('add-target-type').selectOption('ensembl_gene');
  await runMapping(page, { ids: IDS, source: 'symbol', target: 'uniprot' });
  // Chosen after the run: kept too.
  await page.getByTestId('ambiguity-policy').selectOption('prefer-reviewed');

  await page.reload();
  await expect(page.getByTestId('ids-input')).toHaveValue(IDS.join('\n'));
  await expect(page.getByTestId('source-type')).toHaveValue('symbol');
  await expect(page.getByTestId('target-type')).toHaveValue('uniprot');
  await expect(page.getByTestId('extra-target')).toHaveAttribute('data-type', 'ensembl_gene');
  await expect(page.getByTestId('ambiguity-policy')).toHaveValue('prefer-reviewed');
  await expect(page.getByTestId('split-rule')).toHaveValue('lines');
  // The results come back by running again, under the kept policy.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1');
  const [header, ...rows] = parseTsv(await download(page, 'export-tsv'));
  const policy = header.indexOf('policy');
  expect(new Set(rows.map((row) => row[policy]))).toEqual(new Set(['prefer-reviewed']));
  const types = header.indexOf('target_type');
  expect(new Set(rows.map((row) => row[types]))).toEqual(new Set(['uniprot', 'ensembl_gene', '']));

  await page.getByTestId('forget-work').click();
  await expect(page.getByTestId('forget-work')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('target-type').locator('option[value="uniprot"]')).toHaveCount(1);
  await expect(page.getByTestId('ids-input')).toHaveValue('');
  await expect(page.getByTestId('source-type')).toHaveValue('auto');
  await expect(page.getByTestId('extra-target')).toHaveCount(0);
});

test('with "never keep" nothing comes back after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('never-keep-work').check();
  await expect(page.getByTestId('kept-work')).toHaveAttribute('data-state', 'off');
  await runMapping(page, { ids: IDS, source: 'symbol', target: 'entrez' });
  await page.reload();
  await expect(page.getByTestId('target-type').locator('option[value="uniprot"]')).toHaveCount(1);
  await expect(page.getByTestId('kept-work')).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('ids-input')).toHaveValue('');
  await expect(page.getByTestId('source-type')).toHaveValue('auto');
});
