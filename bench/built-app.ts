/**
 * The production build of the app in a temporary folder (dist/ is left alone), served by
 * `vite preview` on a free port, and the Chromium the browser benches drive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Builds the app, lets `prepare` change the built files (extra tables, a catalog), serves it and
 * hands `use` its URL; everything is removed afterwards.
 */
export async function withBuiltApp(
  prepare: (outDir: string) => void | Promise<void>,
  use: (url: string) => Promise<void>,
): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'crosswalk-bench-dist-'));
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    await prepare(outDir);
    const port = await freePort();
    const server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { port, strictPort: true, open: false },
    });
    try {
      await use(`http://localhost:${port}/`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
