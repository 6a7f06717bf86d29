/**
 * Copies the bundled org.Hs.eg.db tables into `data/` (byte for byte), writes the data packs'
 * tables to `data/packs/<pack>/<table>.csv.gz` (made from ../shared/data by `pack-rows.ts`), and
 * from each of those CSV sources the table the app loads, shipped packed
 * (`public/data/[packs/<pack>/]<table>.packed`, workers/engine/tables/shipped-table.ts: parsed
 * here once, so never in a browser). Then `public/data/catalog.json`, `public/data/PROVENANCE.md`
 * and the packs' `public/data/packs/PROVENANCE.md`. The output is committed, so the app works from
 * a fresh clone without the source directories; the CSV sources stay for provenance and for the
 * tests that compare both forms, and are neither precached nor fetched.
 *
 * Usage: npx tsx scripts/build-data.ts   (sources: ../shared/data/org-hs-eg or
 * $CROSSWALK_SOURCE_DATA for the core; ../shared/data or $CROSSWALK_PACK_SOURCE for the packs)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CatalogFile, CatalogTable } from '../workers/engine/tables/catalog';
import { parseTable } from '../workers/engine/tables/parse-table';
import { SHIPPED_EXTENSION } from '../workers/engine/tables/shipped-table';
import { shippedBytes } from '../workers/engine/tables/shipped-writer';
import { CATALOG_VERSION, TABLES, catalogEntry, sourceDir, type TableSpec } from './org-hs-eg';
import { packRows, packSourceDir, sourceReader, toCsv } from './pack-rows';
import { PACKS, PACK_TABLES } from './packs';
import { REVIEWED_FOLDER, REVIEWED_TABLE, reviewedCsv } from './uniprot-reviewed';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const from = sourceDir(repoRoot);
const packFrom = packSourceDir(repoRoot);
const to = join(repoRoot, 'public', 'data');
/** The CSV sources of the shipped tables. */
const sources = join(repoRoot, 'data');

if (!existsSync(join(from, 'README.md'))) {
  throw new Error(`No org.Hs.eg.db tables in ${from} (set CROSSWALK_SOURCE_DATA to their folder)`);
}
mkdirSync(to, { recursive: true });

/**
 * Writes the CSV source `csvFile` (gzipped bytes) under `data/` and the table parsed from it,
 * packed, under `public/data/`; returns its catalog entry, which names the packed file.
 */
async function ship(spec: TableSpec, csvFile: string, csv: Uint8Array): Promise<CatalogTable> {
  mkdirSync(dirname(join(sources, csvFile)), { recursive: true });
  // Written, not copied: copyFileSync would keep the source's read-only mode.
  writeFileSync(join(sources, csvFile), csv);
  const text = gunzipSync(csv).toString('utf8');
  const rows = catalogEntry(spec, csvFile, csv, text).rows;
  const { table } = await parseTable({ ...spec, rows }, csv);
  // Level 9 and Node's fixed gzip header (no name, no time): the same rows give the same bytes.
  const packed = await shippedBytes(table, (raw) => gzipSync(raw, { level: 9 }));
  const file = csvFile.replace(/\.csv\.gz$/, SHIPPED_EXTENSION);
  mkdirSync(dirname(join(to, file)), { recursive: true });
  writeFileSync(join(to, file), packed);
  const entry = catalogEntry(spec, file, packed, text);
  console.log(
    `${file.padEnd(44)} ${String(entry.rows).padStart(8)} rows ${entry.bytes} bytes (CSV ${csv.length})`,
  );
  return entry;
}

const core: CatalogTable[] = [];
for (const spec of TABLES) {
  const file = `${spec.name}.csv.gz`;
  core.push(await ship(spec, file, readFileSync(join(from, file))));
}
const reviewedText = reviewedCsv(packSourceDir(repoRoot));
core.push(
  await ship(
    REVIEWED_TABLE,
    `${REVIEWED_TABLE.name}.csv.gz`,
    gzipSync(Buffer.from(reviewedText, 'utf8'), { level: 9 }),
  ),
);

const read = sourceReader(packFrom);
const packBytes = new Map<string, number>();
/** The source files each pack table was made from, for PROVENANCE.md. */
const inputs = new Map<string, string[]>();
const packed: CatalogTable[] = [];
for (const spec of PACK_TABLES) {
  const file = `packs/${spec.pack}/${spec.name}.csv.gz`;
  const used: string[] = [];
  const rows = packRows(spec.name, spec.columns.length, (path) => {
    used.push(path);
    return read(path);
  });
  inputs.set(spec.name, used);
  const text = toCsv(
    spec.columns.map((c) => c.name),
    rows,
  );
  const entry = await ship(spec, file, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  packBytes.set(spec.pack, (packBytes.get(spec.pack) ?? 0) + entry.bytes);
  packed.push(entry);
}
for (const pack of PACKS) {
  if (!packBytes.has(pack.name)) throw new Error(`pack ${pack.name} has no tables`);
  console.log(`pack ${pack.name.padEnd(12)} ${packBytes.get(pack.name)} bytes`);
}
const catalog: CatalogFile = {
  version: CATALOG_VERSION,
  tables: [...core, ...packed],
  packs: PACKS,
};
// Without indentation: every first visit downloads it (14.5 KB, against 20.7 KB indented).
writeFileSync(join(to, 'catalog.json'), JSON.stringify(catalog) + '\n');

const fromOrgHsEg = core.filter((t) => t.name !== REVIEWED_TABLE.name);
const shipped = fromOrgHsEg.map((t) => `\`${t.file}\``).join(', ');
const copies = fromOrgHsEg.map((t) => `\`${t.name}.csv.gz\``).join(', ');
const provenance = `# Provenance of the bundled tables

The tables in this folder (${shipped}) are the tables described below in the app's packed form
(typed arrays, each column gzipped; \`workers/engine/tables/shipped-table.ts\`), so that loading one
never parses CSV. \`scripts/build-data.ts\` makes each one from its CSV source — byte-for-byte copies
of the files described below, kept in the repository's \`data/\` folder (${copies}) — and
generates \`catalog.json\` from them. The source README follows verbatim (it also lists tables that
are not shipped here, and \`make.sh\`, the script that built them).

\`${REVIEWED_TABLE.name}.packed\` is not a copy: \`scripts/uniprot-reviewed.ts\` makes it from the
\`Entry\` column of \`${REVIEWED_FOLDER}/uniprot_human_reviewed.tsv.gz\` (its README is last below), one row
\`<accession>,reviewed\` per entry, in the file's order (source \`data/${REVIEWED_TABLE.name}.csv.gz\`).

The data packs' tables are described in [packs/PROVENANCE.md](packs/PROVENANCE.md), kept beside
them so that a first visit, which precaches this folder but not \`packs/\`, does not download it.

---

${readFileSync(join(from, 'README.md'), 'utf8')}
---

${readFileSync(join(packSourceDir(repoRoot), REVIEWED_FOLDER, 'README.md'), 'utf8')}`;
writeFileSync(join(to, 'PROVENANCE.md'), provenance);
writeFileSync(join(to, 'packs', 'PROVENANCE.md'), packProvenance());

/** The packs' PROVENANCE.md: what each table is made of, then the source READMEs. */
function packProvenance(): string {
  const rows = packed.map((t) => {
    const from = (inputs.get(t.name) ?? []).map((path) => `\`${path}\``).join(', ');
    return `| ${t.pack} | \`${t.file}\` | ${t.rows.toLocaleString('en')} | ${from} | ${t.source}, ${t.date} | ${t.licence} |`;
  });
  const folders = [...new Set([...inputs.values()].flat().map((path) => path.split('/')[0]))];
  const readmes = folders
    .filter((folder) => folder !== 'org-hs-eg') // verbatim in ../PROVENANCE.md
    .map((folder) => `---\n\n${readFileSync(join(packFrom, folder, 'README.md'), 'utf8')}`);
  return `# Provenance of the data packs (\`packs/\`)

The app fetches a pack's tables the first time a path needs them and keeps them for offline use
(\`packs\` in \`catalog.json\`; HMDB's tables only once the user accepts its licence notice). Unlike
the core tables ([../PROVENANCE.md](../PROVENANCE.md), which also holds the org-hs-eg README) they
are not copies: \`scripts/build-data.ts\` makes each one from the source files named below (paths
under \`../shared/data\`; \`scripts/pack-rows.ts\` says how) as CSV with a header row, gzipped at
level 9 and kept in the repository's \`data/packs/\` folder, then ships it in the app's packed form
(the \`.packed\` file named below, as for the core tables).

| pack | file | rows | made from | source, date | licence |
| --- | --- | ---: | --- | --- | --- |
${rows.join('\n')}

What differs from the sources:
- Ids are written in canonical form: ChEBI \`CHEBI:15377\`, MGI \`MGI:1918911\`, RGD \`RGD:2003\`, HGNC
  \`HGNC:5\` (the metabolite and mouse-rat files give ChEBI, MGI and RGD ids as bare numbers).
- One row per MGI synonym (\`|\`-separated), RGD synonym and RGD Ensembl gene (\`;\`-separated); a gene
  without an Ensembl id keeps one row with an empty cell. Synonyms are trimmed (17 MGI synonyms end in
  a space); MGI's two quoted synonym cells are unquoted.
- Ensembl ids of another organism are dropped: RGD gives the rat gene Or10d1b (RGD:1332791) the
  mouse id ENSMUSG00000062121 besides its three rat ids.
- \`ik_match\` is \`Y\` or empty, as in the source (its README says \`True\`).
- \`chebi_names\` gets a header row, and its backslash-escaped braces (\`\\{\`, \`\\}\`) are unescaped.
- History tables have the columns \`old\`, \`new\`, \`event\`, \`date\`. HGNC and NCBI rows: \`event\` is
  \`withdrawn\` (\`Entry Withdrawn\`, cardinality 1:0; \`new\` empty), \`split\` (1:n, one row per
  successor; HGNC files splits under \`oboInOwl:consider\`), \`merged\` (n:1) or \`replaced\` (1:1);
  \`date\` is NCBI's "Withdrawn date" (for replaced and merged ids too), empty for HGNC. NCBI's
  \`primarySymbol\` column is wrong (see the retired-ids README) and is not used. ChEBI, HMDB and GO
  rows are \`secondary\`, without a date.
- \`hgnc_symbol_history\` leaves out the two rows whose id was replaced by one with the same symbol
  (H2AX, OR5D3).
- Exact duplicate rows are dropped (\`chebi_to_chembl\` repeats 13,563 rows, \`chebi_to_pubchem\` 65,
  \`HGNC_secID2priID\` one).

${readmes.join('\n')}`;
}

console.log(
  `wrote ${relative(repoRoot, to)}/catalog.json, PROVENANCE.md and packs/PROVENANCE.md from ${from}`,
);
