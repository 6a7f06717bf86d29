import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
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
          // Some engine tests read and parse the bundled .csv.gz tables.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
