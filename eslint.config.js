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
    files: [
      'src/worker-client/engine-client.ts',
      'workers/engine.worker.ts',
      'workers/engine-api.ts',
    ],
    message:
      'Only the worker client, the worker entry and its API (workers/engine-api.ts) talk Comlink.',
  },
  papaparse: {
    files: ['workers/engine/tables/csv-papa.ts'],
    message: 'Parse CSV through workers/engine/tables/csv-papa.ts.',
  },
  'idb-keyval': {
    files: ['workers/storage/**', 'src/storage/**'],
    message: 'Persist through workers/storage/ or src/storage/.',
  },
  fflate: {
    files: ['workers/engine/streamed/member-gunzip.ts'],
    message: 'Inflate gzip of several members through workers/engine/streamed/member-gunzip.ts.',
  },
};

/**
 * Layers: modules under `files` may not import what `patterns` match (type imports included).
 * The page reaches the engine only through the contract and the client; the engine knows its
 * stores by interface only; code shared by page and worker depends on neither side.
 */
const LAYERS = [
  {
    files: ['src/**'],
    patterns: [
      {
        regex: '(^|/)workers/(engine|storage)(/|$)',
        message:
          'The page reaches the engine through workers/api.ts (types) and src/worker-client/ only.',
      },
    ],
  },
  {
    files: ['workers/engine/**'],
    patterns: [
      {
        regex: '^(\\.\\./)+(storage|engine\\.worker)(/|$)',
        message: 'The engine knows its stores by interface only (workers/engine/*/…-store.ts).',
      },
    ],
  },
  {
    files: ['node/**'],
    patterns: [
      {
        regex: '(^|/)(src|workers/storage)(/|$)',
        message:
          'The command line and library use the engine and workers/common/, never the page or the browser stores.',
      },
    ],
  },
  {
    files: ['workers/common/**'],
    patterns: [
      {
        regex: '^\\.\\./(engine|storage)(/|$)',
        message: 'workers/common/ runs on the page too: it may not import the engine or storage.',
      },
    ],
  },
];

/**
 * The `no-restricted-imports` rule for the modules `files`, allowed to import the package
 * `allowed` (if any).
 * @param {string[]} files
 * @param {string | null} allowed
 */
function restrictImports(files, allowed) {
  const paths = Object.entries(BOUNDARIES)
    .filter(([name]) => name !== allowed)
    .map(([name, { message }]) => ({ name, message, allowTypeImports: true }));
  const patterns = LAYERS.filter((layer) =>
    layer.files.some((glob) => files.some((file) => file.startsWith(glob.replace('**', '')))),
  ).flatMap((layer) => layer.patterns);
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-node/',
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
    files: ['*.{js,ts}', 'scripts/**', 'bench/**', 'tests/**', 'node/**', 'bin/**'],
    languageOptions: { globals: globals.node },
  },
  { files: ['*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  // Playwright callbacks passed to page.evaluate() run in the page.
  { files: ['tests/e2e/**'], languageOptions: { globals: globals.browser } },
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
  // The later entry wins for a file, so each carries every rule that applies to its files.
  ...['src/**', 'workers/**', 'node/**', ...LAYERS.flatMap((layer) => layer.files)].map((glob) => ({
    files: [glob],
    rules: restrictImports([glob], null),
  })),
  ...Object.entries(BOUNDARIES).flatMap(([name, { files }]) =>
    files.map((file) => ({ files: [file], rules: restrictImports([file], name) })),
  ),
  prettier,
);
