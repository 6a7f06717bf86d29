/**
 * `npm run check:cycles`: no import cycle anywhere in the app or the worker, `.svelte` files
 * included (madge does not follow imports inside them). Layering is ESLint's job
 * (eslint.config.js), so this config holds only the cycle rule.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that cannot be read, tested or moved one at a time.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.svelte.ts', '.svelte', '.js'],
    },
  },
};
