/**
 * Cuts the small real pack tables in `tests/fixtures/packs/` out of the tables `build-data.ts`
 * makes (same rows, same CSV, not gzipped), and writes `tests/fixtures/packs/catalog.json`: the
 * org-hs-eg fixture tables (`../org-hs-eg/…`, from that folder's catalog, so run
 * `make-fixtures.ts` first) plus these, with the packs.
 *
 * Metabolite, mouse and rat rows are closed over shared ids, as make-fixtures does for genes: the
 * seeds plus every row sharing a typed value (a PubChem CID, a CAS number, a synonym, an Ensembl
 * id…) with a row already taken, to a fixed point, so paths from any id in the fixtures give the
 * answers the full tables give. History rows are picked one case at a time (see HISTORY).
 *
 * Usage: npx tsx scripts/make-pack-fixtures.ts   (source: ../shared/data or $CROSSWALK_PACK_SOURCE)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogFile, CatalogTable } from '../workers/engine/tables/catalog';
import { CATALOG_VERSION, catalogEntry } from './org-hs-eg';
import { packRows, packSourceDir, parseTsv, sourceReader, toCsv } from './pack-rows';
import { PACKS, PACK_TABLES, type PackTableSpec } from './packs';

/** Seed ids of the closed packs, each chosen for a case the engine must get right. */
const SEEDS: Record<string, Record<string, string>> = {
  metabolites: {
    'CHEBI:27732': 'caffeine: CAS 58-08-2 → ChEBI → PubChem 2519; HMDB0001847 → ChEBI → CHEMBL113',
    'CHEBI:15377': 'water: PubChem 962 names three ChEBI ids; HMDB0002111 → ChEBI → CHEMBL1098659',
    'CHEBI:17634': 'D-glucose: CAS 50-99-7 names three ChEBI ids',
    'CHEBI:4167': 'D-glucopyranose: PubChem 5793',
    'CHEBI:15903': 'beta-D-glucose: HMDB0000122',
    'CHEBI:47557': 'a name whose braces the source escapes',
    'CHEBI:67928': 'linked to ChEMBL, yet a secondary id in ChEBI’s own history',
    'CHEBI:140756': 'linked from HMDB0006514, yet a secondary id in ChEBI’s own history',
    'CHEBI:16946': 'linked from HMDB0000183, a secondary id of HMDB0000684 in HMDB’s history',
  },
  mouse: {
    'MGI:98834': 'Trp53: synonyms p53 and p44 (p53 is a rat synonym too)',
    'MGI:87904': 'Actb: differs from human ACTB and rat Actb only in case or organism',
    'MGI:87994': 'Aldoa: two Ensembl genes',
    'MGI:1925547': '0610008J02Rik: no Ensembl gene',
    'MGI:97570': 'its synonym Pgp is another gene’s approved symbol',
  },
  rat: {
    'RGD:3889': 'Tp53: five Ensembl genes; synonyms Trp53 (the mouse symbol) and p53',
    'RGD:628837': 'Actb: four Ensembl genes',
    'RGD:2004': 'A2m: two Ensembl genes, nine synonyms',
    'RGD:2193': 'Bc1: no Ensembl gene',
  },
};

/** History rows: the `old` ids (or symbols) picked, each for a case. */
const HISTORY: Record<string, Record<string, string>> = {
  hgnc_id_history: {
    'HGNC:1': 'withdrawn (symbol A12M1)',
    'HGNC:11893': 'replaced by HGNC:11892 (TNF, in the org-hs-eg fixtures), symbol TNFA',
    'HGNC:1870': 'merged into CFTR (HGNC:1884) with HGNC:58 (symbols CF, ABCC7)',
    'HGNC:58': 'merged into CFTR',
    'HGNC:1531': 'split into OPN1MW and OPN1LW (symbol CBBM)',
    'HGNC:876': 'chain: replaced by HGNC:832, itself withdrawn (every HGNC chain ends withdrawn)',
    'HGNC:832': 'the withdrawn end of that chain',
    'HGNC:5304': 'merged into SLC6A4 under the symbol HTT, which names a current gene (HGNC:4851)',
  },
  ncbi_history: {
    '4': 'withdrawn on 2005-05-08 (A12M1)',
    '49852': 'replaced by ADIPOQ (9370) on 2005-05-10',
    '100419697': 'replaced by A2MP1 (3) on 2010-08-11',
    '146749': 'merged into TP53 (7157) on 2005-05-10',
    '201237': 'merged into TP53 (7157) on 2005-05-10',
    '981': 'CDAN3: replaced by KIF23 (9493) in 2023, still current in org-hs-eg (2022)',
    '124905658': 'withdrawn in 2023, still current in org-hs-eg (2022)',
    '57629': 'chain: merged into 100506627, itself merged into DCDC1 (341019)',
    '100506627': 'the middle of that chain',
  },
  go_secondary: {
    'GO:0000004': 'secondary id of biological_process (GO:0008150)',
    'GO:0000021': 'secondary id of GO:0007131',
  },
};

/** Closed tables give up past this many rows: pick seeds with fewer shared ids. */
const MAX_ROWS = 80;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const from = packSourceDir(repoRoot);
const to = join(repoRoot, 'tests', 'fixtures', 'packs');
const read = sourceReader(from);

const full = new Map(
  PACK_TABLES.map((spec) => [spec.name, packRows(spec.name, spec.columns.length, read)] as const),
);
const specOf = (name: string): PackTableSpec => PACK_TABLES.find((t) => t.name === name)!;

/** `type<TAB>VALUE` for each typed, non-empty cell of a row (case folded, as ids are matched). */
function keysOf(spec: PackTableSpec, row: string[]): string[] {
  return spec.columns.flatMap((column, i) =>
    column.type && row[i] !== '' ? [`${column.type}\t${row[i].toUpperCase()}`] : [],
  );
}

/** The rows of `tables` connected to the seed ids through shared typed values. */
function closeOver(tables: PackTableSpec[], seeds: string[], type: string): Map<string, number[]> {
  const chosen = new Set(seeds.map((id) => `${type}\t${id.toUpperCase()}`));
  const picked = new Map(tables.map((t) => [t.name, new Set<number>()]));
  for (let grew = true; grew;) {
    grew = false;
    for (const spec of tables) {
      full.get(spec.name)!.forEach((row, i) => {
        const keys = keysOf(spec, row);
        if (picked.get(spec.name)!.has(i) || !keys.some((key) => chosen.has(key))) return;
        picked.get(spec.name)!.add(i);
        for (const key of keys) chosen.add(key);
        grew = true;
      });
      if (picked.get(spec.name)!.size > MAX_ROWS)
        throw new Error(`${spec.name}: closure exceeds ${MAX_ROWS} rows; pick other seeds`);
    }
  }
  return new Map([...picked].map(([name, rows]) => [name, [...rows].sort((a, b) => a - b)]));
}

const picked = new Map<string, number[]>();
const closed: Record<string, { pack: string[]; type: string }> = {
  metabolites: { pack: ['metabolites', 'hmdb'], type: 'chebi' },
  mouse: { pack: ['mouse'], type: 'mgi' },
  rat: { pack: ['rat'], type: 'rgd' },
};
for (const [name, { pack, type }] of Object.entries(closed)) {
  const tables = PACK_TABLES.filter((t) => pack.includes(t.pack) && t.name !== 'hgnc_ids');
  for (const [table, rows] of closeOver(tables, Object.keys(SEEDS[name]), type))
    picked.set(table, rows);
}

/** Row numbers of `table` whose column `at` holds one of `values`. */
function rowsWith(table: string, at: number, values: Set<string>): number[] {
  return full.get(table)!.flatMap((row, i) => (values.has(row[at]) ? [i] : []));
}

for (const [table, olds] of Object.entries(HISTORY))
  picked.set(table, rowsWith(table, 0, new Set(Object.keys(olds))));

// The symbols of the HGNC ids picked, from the raw file (the history tables keep ids or symbols).
const oldSymbols = new Set(
  parseTsv(read('retired-ids/HGNC_secID2priID.tsv.gz'))
    .filter((row) => row[2] in HISTORY.hgnc_id_history)
    .map((row) => row[3]),
);
picked.set('hgnc_symbol_history', rowsWith('hgnc_symbol_history', 0, oldSymbols));

// Current HGNC ids: the org-hs-eg fixture genes' symbols, the history's successors and HTT.
const fixtureSymbols = readFileSync(join(repoRoot, 'tests/fixtures/org-hs-eg/genes.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line !== '')
  .map((line) => line.split(',')[1]);
const successors = [...picked.get('hgnc_id_history')!].map(
  (i) => full.get('hgnc_id_history')![i][1],
);
const currentSymbols = [...picked.get('hgnc_symbol_history')!]
  .map((i) => full.get('hgnc_symbol_history')![i])
  .flatMap(([old, current]) => [old, current]);
picked.set(
  'hgnc_ids',
  full
    .get('hgnc_ids')!
    .flatMap(([id, symbol], i) =>
      successors.includes(id) || fixtureSymbols.includes(symbol) || currentSymbols.includes(symbol)
        ? [i]
        : [],
    ),
);

mkdirSync(to, { recursive: true });
const core = JSON.parse(
  readFileSync(join(repoRoot, 'tests/fixtures/org-hs-eg/catalog.json'), 'utf8'),
) as CatalogFile;
const tables: CatalogTable[] = core.tables.map((t) => ({ ...t, file: `../org-hs-eg/${t.file}` }));
for (const spec of PACK_TABLES) {
  const rows = (picked.get(spec.name) ?? []).map((i) => full.get(spec.name)![i]);
  if (rows.length === 0) throw new Error(`no fixture rows for ${spec.name}`);
  const text = toCsv(
    spec.columns.map((c) => c.name),
    rows,
  );
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(join(to, `${spec.name}.csv`), bytes);
  tables.push(catalogEntry(specOf(spec.name), `${spec.name}.csv`, bytes, text));
  console.log(`${spec.name.padEnd(20)} ${String(rows.length).padStart(4)} rows`);
}
const catalog: CatalogFile = { version: `${CATALOG_VERSION}-fixtures-packs`, tables, packs: PACKS };
writeFileSync(join(to, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');
