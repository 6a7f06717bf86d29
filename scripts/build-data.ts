/**
 * Copies the bundled org.Hs.eg.db tables into `public/data/` (byte for byte) and writes
 * `public/data/catalog.json` and `public/data/PROVENANCE.md`. The output is committed, so the app
 * works from a fresh clone without the source directory.
 *
 * Usage: npx tsx scripts/build-data.ts   (source: ../shared/data/org-hs-eg or $CROSSWALK_SOURCE_DATA)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CatalogFile } from '../workers/engine/tables/catalog';
import { CATALOG_VERSION, TABLES, catalogEntry, sourceDir } from './org-hs-eg';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const from = sourceDir(repoRoot);
const to = join(repoRoot, 'public', 'data');

if (!existsSync(join(from, 'README.md'))) {
  throw new Error(`No org.Hs.eg.db tables in ${from} (set CROSSWALK_SOURCE_DATA to their folder)`);
}
mkdirSync(to, { recursive: true });

const catalog: CatalogFile = {
  version: CATALOG_VERSION,
  tables: TABLES.map((spec) => {
    const file = `${spec.name}.csv.gz`;
    const bytes = readFileSync(join(from, file));
    // Written, not copied: copyFileSync would keep the source's read-only mode.
    writeFileSync(join(to, file), bytes);
    const entry = catalogEntry(spec, file, bytes, gunzipSync(bytes).toString('utf8'));
    console.log(`${file.padEnd(26)} ${String(entry.rows).padStart(8)} rows ${entry.bytes} bytes`);
    return entry;
  }),
};
writeFileSync(join(to, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');

const shipped = catalog.tables.map((t) => `\`${t.file}\``).join(', ');
const provenance = `# Provenance of the bundled tables

The files in this folder (${shipped}) are byte-for-byte copies of the tables described below;
\`catalog.json\` is generated from them by \`scripts/build-data.ts\`. The source README follows
verbatim (it also lists tables that are not shipped here, and \`make.sh\`, the script that built them).

---

${readFileSync(join(from, 'README.md'), 'utf8')}`;
writeFileSync(join(to, 'PROVENANCE.md'), provenance);

console.log(`wrote ${relative(repoRoot, to)}/catalog.json and PROVENANCE.md from ${from}`);
