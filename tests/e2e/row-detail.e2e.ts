/**
 * Long cells are readable without widening the window (#16): the table cuts them to keep a row
 * per line; a row's number opens it in full below the table, where they wrap. The GO term names
 * and their ids come from the bundled go_terms table's source (`data/go_terms.csv.gz`).
 */
import { expect, test } from '@playwright/test';
import { failTestsOnPageErrors, index, runMapping } from './helpers';

failTestsOnPageErrors();

const WIDTH = 900;
const goOf = index('go_terms', 1, 0);
// The two longest term names of the table (over 180 characters each, commas included).
const NAMES = [...goOf.keys()].sort((a, b) => b.length - a.length).slice(0, 2);

test('a row opens in full below the table, its long cells wrapped inside the window', async ({
  page,
}) => {
  expect(NAMES[1].length).toBeGreaterThan(150);
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.getByTestId('split-rule').selectOption('lines');
  await runMapping(page, { ids: NAMES, source: 'go_term', target: 'go' });

  const firstRow = page.getByTestId('results').getByRole('row').nth(1);
  const inputCell = firstRow.getByRole('cell').nth(1);
  await expect(inputCell).toHaveText(NAMES[0]);
  // Cut in the table: the cell is narrower than its text.
  expect(await inputCell.evaluate((cell) => cell.scrollWidth > cell.clientWidth)).toBe(true);

  await expect(page.getByTestId('row-detail')).toHaveCount(0);
  await firstRow.getByTestId('row-open').click();
  const detail = page.getByTestId('row-detail');
  await expect(detail.getByRole('heading')).toContainText(NAMES[0]);
  await expect(detail.getByTestId('row-detail-target')).toContainText([...goOf.get(NAMES[0])!][0]);
  await expect(detail.getByTestId('row-detail-via')).toContainText(NAMES[0]);
  // Whole, and inside the window: nothing in it is cut or scrolls sideways.
  const box = (await detail.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  for (const part of [detail.getByRole('heading'), detail.getByTestId('row-detail-via')])
    expect(await part.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    WIDTH,
  );

  // The same number again closes it.
  await firstRow.getByTestId('row-open').click();
  await expect(detail).toHaveCount(0);
});
