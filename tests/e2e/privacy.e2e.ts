/**
 * Privacy and safety in the built app: nothing leaves the app's origin during a full visit, ids
 * never appear in a request, markup in ids is shown as text, and exports neutralise formulas.
 */
import { expect, test, type Request } from '@playwright/test';
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
