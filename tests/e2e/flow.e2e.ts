/**
 * The flow picture (#17 item 2): its status bars are the summary's counts, and a band shows the
 * rows of its inputs. Counts are read from the export (one status per input), independently of
 * the picture.
 */
import { expect, test } from '@playwright/test';
import { download, failTestsOnPageErrors, parseTsv, runMapping } from './helpers';

failTestsOnPageErrors();

const IDS = ['TP53', 'BRCA1', 'NOTAGENE', 'EGFR', 'TP53', 'LEP', 'XYZ_1', 'PLIN1'];

test('the flow picture’s status counts equal the summary’s, and a band filters the rows', async ({
  page,
}) => {
  await runMapping(page, { ids: IDS, source: 'symbol', target: 'uniprot' });
  const [header, ...rows] = parseTsv(await download(page, 'export-tsv'));
  const at = (name: string) => header.indexOf(name);
  const statusOf = new Map(rows.map((r) => [r[at('input_index')], r[at('status')]]));
  expect(statusOf.size).toBe(IDS.length);

  await page.getByTestId('flow').locator('summary').click();
  const node = (id: string) => page.locator(`[data-testid="flow-node"][data-node="${id}"]`);
  await expect(node('inputs')).toHaveAttribute('data-count', String(IDS.length));
  for (const status of ['mapped', 'ambiguous', 'unmapped', 'invalid']) {
    const count = [...statusOf.values()].filter((s) => s === status).length;
    if (count === 0) await expect(node(`status:${status}`)).toHaveCount(0);
    else await expect(node(`status:${status}`)).toHaveAttribute('data-count', String(count));
    await expect(page.getByTestId('summary')).toContainText(`${count} ${status}`);
  }

  // The band of the unmapped inputs not in any table: exactly their rows.
  const missing = rows.filter((r) => r[at('reason')].startsWith('not in any table'));
  const band = page.locator(
    '[data-testid="flow-band"][data-from="reason:not in any table"][data-to="status:unmapped"]',
  );
  await expect(band).toHaveAttribute('data-count', String(missing.length));
  await band.click();
  await expect(page.getByTestId('results').getByRole('row')).toHaveCount(missing.length + 1);
  await expect(page.getByTestId('status-filter')).toHaveValue('unmapped');
});
