import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
/** E2E_PORT lets two checkouts run their suites side by side on one machine. */
const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end tests against the production build (`npm test` builds first), in Debian's Chromium:
 * Playwright's own browser download is not used (set CHROMIUM_PATH to use another binary).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores: one browser at a time, next to the preview server.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    port: PORT,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
  use: {
    baseURL: `http://localhost:${PORT}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
