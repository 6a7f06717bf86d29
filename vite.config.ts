import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { securityHeaders } from './scripts/vite-security-headers.ts';
import { packedTables } from './scripts/vite-packed-tables.ts';

/** The largest bundled table (refseq.packed) is ~1.1 MiB; the precache must take every table whole. */
const MAX_PRECACHED_FILE = 4 * 1024 * 1024;

/** The app's version, recorded in each run's manifest (#17). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  plugins: [
    svelte(),
    securityHeaders(),
    packedTables(),
    VitePWA({
      // Ask before switching to a new version: a reload in the middle of a mapping job loses it.
      registerType: 'prompt',
      // src/pwa/register.ts registers the worker itself (virtual:pwa-register).
      injectRegister: false,
      manifest: {
        name: 'Crosswalk — identifier mapping',
        short_name: 'Crosswalk',
        description:
          'Map biological identifiers (UniProt, gene symbols, NCBI Gene, Ensembl, RefSeq, OMIM, GO) from one type to another, offline, in your browser.',
        theme_color: '#1f5f8b',
        background_color: '#f4f6f9',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Everything the app needs offline: the shell and worker (js, css, html), icons and the
        // manifest, the catalog (json), the bundled tables shipped packed and their provenance
        // notes (md). Their CSV sources (data/ in the repository) are not part of the app.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,packed,md}'],
        // Data packs are fetched the first time a path needs them and kept by the worker
        // (workers/storage/cache-pack-store.ts): the first visit downloads only the core.
        globIgnores: ['data/packs/**'],
        // The default 2 MiB would silently leave a table out as the data grows; 4 MiB leaves room.
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE,
        // A single-page app: any navigation offline is answered with the precached shell.
        navigateFallback: 'index.html',
        // Drop the precaches of older Workbox versions instead of keeping two copies of the tables.
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(version) },
  // The engine worker code-splits (PapaParse, Comlink); Vite's default worker format is 'iife'.
  worker: { format: 'es' },
  build: { target: 'es2022' },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          expect: { requireAssertions: true },
          // Some engine tests read and parse the bundled tables' CSV sources (data/*.csv.gz).
          testTimeout: 30_000,
        },
      },
    ],
  },
});
