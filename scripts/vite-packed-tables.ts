/**
 * Vite plugin: `vite dev` and `vite preview` send the bundled tables (`*.packed`) as
 * `application/octet-stream`. Their static file server knows no type for the extension and sends
 * none, and its compression middleware then takes the file for text and gzips it on every request:
 * wasted work on both ends for bytes whose columns are gzipped already (measured on the 158 KB
 * uniprot table: 40–80 ms to fetch in a fresh profile with it, the reason it is off here). A
 * production host should send the same type (README, "Packed tables are already compressed").
 */
import type { Connect, Plugin } from 'vite';
import { SHIPPED_EXTENSION } from '../workers/engine/tables/shipped-extension.ts';

const packedType: Connect.NextHandleFunction = (req, res, next) => {
  const path = (req.url ?? '').split('?')[0];
  if (path.endsWith(SHIPPED_EXTENSION)) res.setHeader('Content-Type', 'application/octet-stream');
  next();
};

export function packedTables(): Plugin {
  return {
    name: 'crosswalk:packed-tables',
    // Added directly (not returned as a post hook): before the static file server.
    configureServer(server) {
      server.middlewares.use(packedType);
    },
    configurePreviewServer(server) {
      server.middlewares.use(packedType);
    },
  };
}
