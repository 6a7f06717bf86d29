/**
 * A new version of the app, activated in one tab, is offered in the others and never forced on
 * them: a tab reloads only when its own user clicks Reload.
 *
 * The new version is real as far as the browser can tell: the test appends a comment to the
 * built `dist/sw.js` (restored afterwards), so the service worker script the server sends is
 * byte-different, exactly what a deploy looks like. The browser installs it beside the running one
 * and keeps it waiting (`registerType: 'prompt'`, no `skipWaiting()` on install); tab B's Reload
 * button sends it SKIP_WAITING, it activates, and every tab it controls, tab A included, gets a
 * `controllerchange` — the event on which tab A used to reload itself and lose its results.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { failOnPageErrors, runMapping } from './helpers';

const SW_FILE = fileURLToPath(new URL('../../dist/sw.js', import.meta.url));
const IDS = ['P04637', 'P38398', 'NOTANID1'];

type MarkedWindow = Window & { __sameDocument?: true };

/** Marks the document; the mark is gone once the page has reloaded. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as MarkedWindow).__sameDocument = true));
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as MarkedWindow).__sameDocument === true);
}

/** Opens the app and waits until its service worker controls it (the first visit is not). */
async function openControlled(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** The script of the worker now controlling the page, and whether it is the new version. */
const controllerIsNew = (page: Page) =>
  page.evaluate(async (swUrl) => {
    const controller = navigator.serviceWorker.controller;
    if (!controller) return false;
    const script = await (await fetch(swUrl, { cache: 'no-store' })).text();
    // The registration's active worker is the controller; it is the new version when the
    // registration has nothing waiting any more and the served script is the new one.
    const registration = await navigator.serviceWorker.getRegistration();
    return (
      registration?.active === controller &&
      !registration.waiting &&
      script.includes('e2e: version 2')
    );
  }, '/sw.js');

let original: string | null = null;

test.afterEach(() => {
  if (original !== null) writeFileSync(SW_FILE, original);
  original = null;
});

test('an update accepted in another tab is offered here, never forced: the results stay until this tab reloads', async ({
  context,
  page: tabA,
}) => {
  const errorsA = failOnPageErrors(tabA);
  await openControlled(tabA);
  await runMapping(tabA, { ids: IDS, source: 'uniprot', target: 'entrez' });
  await mark(tabA);

  // A new version is deployed; tab B opens and the browser finds it (and installs it, waiting).
  original = readFileSync(SW_FILE, 'utf8');
  writeFileSync(SW_FILE, `${original}\n// e2e: version 2\n`);
  const tabB = await context.newPage();
  const errorsB = failOnPageErrors(tabB);
  await tabB.goto('/');
  await expect(tabB.getByTestId('update-prompt')).toBeVisible({ timeout: 30_000 });
  await expect(tabA.getByTestId('update-prompt')).toBeVisible({ timeout: 30_000 });
  await mark(tabB);

  // Tab B's user accepts the update: the new version activates and tab B reloads into it.
  await tabB.getByTestId('update-reload').click();
  await expect.poll(() => sameDocument(tabB).catch(() => true)).toBe(false);
  await expect(tabB.getByTestId('summary')).toBeVisible();

  // Tab A is now controlled by the new version too: its controllerchange has fired.
  await expect.poll(() => controllerIsNew(tabA)).toBe(true);
  // Give a reload that should not happen the time to happen (it used to follow at once).
  await tabA.waitForTimeout(1500);
  expect(await sameDocument(tabA), 'tab A did not reload on its own').toBe(true);
  await expect(tabA.getByTestId('summary')).toHaveAttribute('data-run', '1');
  await expect(tabA.getByTestId('ids-input')).toHaveValue(IDS.join('\n'));
  await expect(tabA.getByTestId('results').getByText('P38398', { exact: true })).toBeVisible();
  // …and it offers the update its user has not accepted yet.
  const prompt = tabA.getByTestId('update-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('another tab');

  // Only its own user's click reloads it, into the new version with nothing left to offer.
  await tabA.getByTestId('update-reload').click();
  await expect.poll(() => sameDocument(tabA).catch(() => true)).toBe(false);
  await expect(tabA.getByTestId('summary')).toHaveAttribute('data-run', '0');
  expect(await controllerIsNew(tabA)).toBe(true);
  await expect(tabA.getByTestId('update-prompt')).toHaveCount(0);

  expect(errorsA, 'uncaught errors in tab A').toEqual([]);
  expect(errorsB, 'uncaught errors in tab B').toEqual([]);
});
