/**
 * The data packs panel (#13 item 4): a pack is fetched onto this device from the panel, then
 * removed again; the status follows each time, and nothing else in the pane is disturbed.
 */
import { expect, test } from '@playwright/test';
import { failTestsOnPageErrors } from './helpers';

failTestsOnPageErrors();

test('the mouse pack is fetched from the panel, then removed from this device', async ({
  page,
}) => {
  const mouse = page.locator('[data-testid="pack"][data-pack="mouse"]');
  const status = mouse.getByTestId('pack-status');
  await expect(status).toHaveText('not on this device');

  await mouse.getByTestId('pack-fetch').click();
  await expect(status).toHaveText('on this device', { timeout: 30_000 });
  await expect(mouse.getByTestId('pack-fetch')).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);
  // Kept, not just fetched: a new visit (a new worker) finds it on this device.
  await page.reload();
  await expect(status).toHaveText('on this device');

  await mouse.getByTestId('pack-drop').click();
  await expect(status).toHaveText('not on this device');
  await expect(mouse.getByTestId('pack-fetch')).toBeEnabled();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.reload();
  await expect(status).toHaveText('not on this device');
});

test('a second tab follows when a pack is fetched or removed in the first', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await other.goto('/');
  const statusIn = (tab: typeof page) =>
    tab.locator('[data-testid="pack"][data-pack="rat"]').getByTestId('pack-status');
  await expect(statusIn(other)).toHaveText('not on this device');

  await page.locator('[data-testid="pack"][data-pack="rat"]').getByTestId('pack-fetch').click();
  await expect(statusIn(page)).toHaveText('on this device', { timeout: 30_000 });
  await expect(statusIn(other)).toHaveText('on this device');

  await page.locator('[data-testid="pack"][data-pack="rat"]').getByTestId('pack-drop').click();
  await expect(statusIn(page)).toHaveText('not on this device');
  await expect(statusIn(other)).toHaveText('not on this device');
});
