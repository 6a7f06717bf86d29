// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Dependency boundaries: each of these packages may be imported (for its runtime code) by the
 * listed modules only. Type-only imports are allowed anywhere, since they vanish at build time.
 */
const BOUNDARIES = {
  comlink: {
    files: ['src/engine/client.ts', 'workers/engine.worker.ts'],
    message: 'Only src/engine/client.ts and workers/engine.worker.ts talk Comlink.',
  },
  papaparse: {
    files: ['workers/engine/csv-papa.ts'],
    message: 'Parse CSV through workers/engine/csv-papa.ts.',
  },
  'idb-keyval': {
    files: ['workers/engine/storage/**', 'src/storage/**'],
    message: 'Persist through workers/engine/storage/ or src/storage/.',
  },
};

/**
 * The `no-restricted-imports` rule for a module allowed to import `allowed` (if any).
 * @param {string | null} allowed
 */
function restrictImports(allowed) {
  const paths = Object.entries(BOUNDARIES)
    .filter(([name]) => name !== allowed)
    .map(([name, { message }]) => ({ name, message, allowTypeImports: true }));
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths }] };
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/data/',
      'tests/fixtures/',
      // Personal scratch files, git-ignored.
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  { files: ['workers/**'], languageOptions: { globals: globals.worker } },
  {
    files: ['*.{js,ts}', 'scripts/**', 'bench/**', 'tests/**'],
    languageOptions: { globals: globals.node },
  },
  // Playwright callbacks passed to page.evaluate() run in the page.
  { files: ['tests/e2e/**', 'tests/component/**'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // `attr={'a\nb'}` is the only readable way to put an escape such as \n in an attribute.
      'svelte/no-useless-mustaches': ['error', { ignoreStringEscape: true }],
    },
  },
  { files: ['src/**', 'workers/**'], rules: restrictImports(null) },
  ...Object.entries(BOUNDARIES).map(([name, { files }]) => ({
    files,
    rules: restrictImports(name),
  })),
  prettier,
);
