#!/usr/bin/env node
// `crosswalk`: runs the compiled command (dist-node/cli.mjs, built by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist-node/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('crosswalk: not built yet; run `npm run build:node` in its folder.\n');
  process.exit(1);
}
await import(cli.href);
