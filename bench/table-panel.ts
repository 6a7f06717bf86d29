/** Driving the app's table panel in the browser benches: which ID types to keep, and waiting. */
import type { Page } from '@playwright/test';

/** Ticks exactly the ID types `keep` of the previewed long-form file. */
export async function keepOnly(page: Page, keep: string[]): Promise<void> {
  for (const box of await page.getByTestId('id-type').all()) {
    const name = await box.getAttribute('data-id-type');
    await box.getByTestId('id-type-keep').setChecked(keep.includes(name!));
  }
}

/** Waits for `done`, or throws the app's error. */
export async function settled(page: Page, done: string): Promise<void> {
  await page.locator(`${done}, [data-testid="error"]`).first().waitFor({ timeout: 900_000 });
  if (await page.getByTestId('error').count())
    throw new Error(`the import failed: ${await page.getByTestId('error').innerText()}`);
}
