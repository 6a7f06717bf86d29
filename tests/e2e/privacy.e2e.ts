/**
 * Privacy and safety in the built app: nothing leaves the app's origin during a full visit, ids
 * never appear in a request, markup in ids is shown as text, and exports neutralise formulas.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type Request, type Worker } from '@playwright/test';
import { download, failOnPageErrors, parseTsv, runMapping, toExportRows } from './helpers';

// A made-up id that no table holds: if it shows up in any request, the user's list leaked.
const MARKER = 'ZZPRIVATE0042';

test('a full visit sends no request outside the app origin, and none carries an id', async ({
  page,
  baseURL,
}) => {
  const errors = failOnPageErrors(page);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  page.on('worker', (worker) => worker.on('console', () => undefined));
  await page.goto('/');
  await runMapping(page, {
    ids: ['P04637', MARKER, 'P38398'],
    source: 'uniprot',
    target: 'symbol',
  });
  await download(page, 'export-tsv');
  await download(page, 'export-json');

  const origin = new URL(baseURL!).origin;
  expect(requests.length, 'the visit made requests (the recorder works)').toBeGreaterThan(0);
  for (const request of requests) {
    const url = new URL(request.url());
    if (url.protocol === 'blob:' || url.protocol === 'data:') continue;
    expect(url.origin, `request to ${request.url()}`).toBe(origin);
    expect(request.url(), 'no id in a URL').not.toContain(MARKER);
    expect(request.postData() ?? '', 'no id in a request body').not.toContain(MARKER);
  }
  expect(errors).toEqual([]);
});

test('the page forbids connections to other origins with a Content-Security-Policy', async ({
  page,
}) => {
  await page.goto('/');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("script-src 'self'");
  // A fetch to another origin is refused by the policy itself, before any network.
  const violated = await page.evaluate(async () => {
    const seen = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
        once: true,
      }),
    );
    await fetch('https://example.org/x').catch(() => undefined);
    return seen;
  });
  expect(violated).toBe('connect-src');
});

test('the policy is an HTTP header, and it holds the mapping worker too', async ({ page }) => {
  // A listener on another loopback port: the worker must never reach it.
  const reached: string[] = [];
  const listener = createServer((req, res) => {
    reached.push(req.url ?? '');
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' });
    res.end('export const x = 1;');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const elsewhere = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  try {
    const workerStarted = page.waitForEvent('worker');
    const response = await page.goto('/');
    expect(response!.headers()['content-security-policy']).toContain("connect-src 'self'");
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    for (const visit of ['first visit', 'served by the service worker']) {
      const worker = visit === 'first visit' ? await workerStarted : await reloadedWorker(page);
      const script = await page.request.get(worker.url());
      expect(script.headers()['content-security-policy'], visit).toContain("connect-src 'self'");
      const attempts = await worker.evaluate(async (url) => {
        const fetched = await fetch(`${url}/fetch`).then(
          () => 'reached',
          () => 'refused',
        );
        const imported = await import(/* @vite-ignore */ `${url}/module.js`).then(
          () => 'loaded',
          () => 'refused',
        );
        let evaluated = 'refused';
        try {
          (0, eval)('1 + 1');
          evaluated = 'ran';
        } catch {
          // EvalError: the policy has no 'unsafe-eval'.
        }
        return { fetched, imported, evaluated };
      }, elsewhere);
      expect(attempts, visit).toEqual({
        fetched: 'refused',
        imported: 'refused',
        evaluated: 'refused',
      });
    }
    expect(reached, 'requests that reached the other origin').toEqual([]);
  } finally {
    listener.close();
  }
});

/** Reloads until the service worker controls the page, and returns the new mapping worker. */
async function reloadedWorker(page: Page): Promise<Worker> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const next = page.waitForEvent('worker');
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  return next;
}

test('ids holding markup are shown as text, never run', async ({ page }) => {
  const errors = failOnPageErrors(page);
  // No spaces inside: the input splits ids on spaces (HTML also reads `/` between attributes).
  const hostile = [
    '<script>window.__pwned=1</script>',
    '<img/src=x/onerror=window.__pwned=1>',
    '"><b/id=injected>bold</b>',
  ];
  await page.goto('/');
  await runMapping(page, { ids: ['TP53', ...hostile], source: 'symbol', target: 'entrez' });
  const results = page.getByTestId('results');
  for (const id of hostile) await expect(results).toContainText(id);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('#injected')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('exported cells that a spreadsheet would run as formulas are neutralised', async ({
  page,
}) => {
  await page.goto('/');
  const formulas = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '"=1+1"'];
  await runMapping(page, { ids: ['SEPTIN7', ...formulas], source: 'symbol', target: 'entrez' });
  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  const inputs = rows.map((r) => r.input);
  for (const formula of formulas.slice(0, -1)) {
    // The id itself is kept, behind an apostrophe, so no cell starts with = + - or @.
    expect(inputs).toContain(`'${formula}`);
  }
  // Read back quote-aware, the quoted id keeps its quotes: text, never the formula =1+1.
  expect(inputs).toContain('"=1+1"');
  for (const row of rows)
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  expect(inputs).toContain('SEPTIN7');
});
