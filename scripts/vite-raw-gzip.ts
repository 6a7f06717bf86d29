/**
 * Vite plugin: `vite dev` and `vite preview` serve `*.gz` files as the bytes they are
 * (`Content-Type: application/gzip`, no `Content-Encoding`), as static hosts do.
 *
 * Their static file server (sirv) labels `uniprot.csv.gz` as `text/csv` with
 * `Content-Encoding: gzip`, so the browser would inflate the table before the worker sees it and
 * the service worker would precache the inflated copy (about 5× the bytes). The worker inflates
 * the tables itself: it checks the gzip magic bytes (and reads plain CSV too).
 */
import { createReadStream, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

function serveRaw(dir: string, base: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return next();
    }
    if (!dir || !path.endsWith('.gz') || !path.startsWith(base)) return next();
    const file = resolve(dir, `.${sep}${path.slice(base.length)}`);
    if (!file.startsWith(dir + sep)) return next();
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) return next();
    res.writeHead(200, {
      'Content-Type': 'application/gzip',
      'Content-Length': stats.size,
      'Last-Modified': stats.mtime.toUTCString(),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

export function rawGzip(): Plugin {
  let base = '/';
  let publicDir = '';
  let outDir = '';
  return {
    name: 'crosswalk:raw-gzip',
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
    },
    // Added directly (not returned as a post hook), so these run before Vite's own static files.
    configureServer(server) {
      server.middlewares.use(serveRaw(publicDir, base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveRaw(outDir, base));
    },
  };
}
