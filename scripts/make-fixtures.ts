/**
 * Cuts the small real tables in `tests/fixtures/org-hs-eg/` out of the full org.Hs.eg.db tables.
 *
 * The subset is every row, in every table below, whose entrez_id is in a closed set of genes: the
 * seed genes plus, repeatedly, every gene that shares an identifier with a gene already in the
 * set (a UniProt accession, an alias, an Ensembl or RefSeq id). So any mapping that starts from an
 * id in the fixtures gives the same answer over two hops as it would over the full tables. OMIM is
 * the exception: its phenotype entries name dozens of genes each (the closure would take in
 * thousands), so an OMIM number's genes are complete only when the number is a gene entry.
 *
 * Usage: npx tsx scripts/make-fixtures.ts   (source: ../shared/data/org-hs-eg or $CROSSWALK_SOURCE_DATA)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CatalogFile } from '../workers/engine/tables/catalog';
import { CATALOG_VERSION, TABLES, catalogEntry, sourceDir } from './org-hs-eg';
import { packSourceDir } from './pack-rows';
import { REVIEWED_TABLE, reviewedCsv } from './uniprot-reviewed';

/** Seed genes (entrez ids), each chosen for a case the engine must get right. */
const SEEDS: Record<string, string> = {
  '7157': 'TP53: 7 UniProt accessions; alias P53',
  '672': 'BRCA1: alias BRCC1 also names ICE2 (79664)',
  '276': 'AMY1A: shares P04745 with AMY1B/AMY1C; alias AMY1 names all three',
  '277': 'AMY1B',
  '278': 'AMY1C',
  '720': 'C4A: shares P0C0L4 with C4B; 4 Ensembl genes',
  '721': 'C4B: 5 Ensembl genes; P0C0L5 also names C4B_2',
  '1159': 'CKMT1B: shares P12532 with CKMT1A',
  '548596': 'CKMT1A',
  '1956': 'EGFR: 6 UniProt accessions',
  '2167': 'FABP4',
  '5346': 'PLIN1',
  '9370': 'ADIPOQ: 3 UniProt accessions',
  '3952': 'LEP',
  '1080': 'CFTR',
  '4609': 'MYC',
  '39': 'ACAT2: approved symbol that is also an alias of another gene (SOAT2, 8435)',
  '8435': 'SOAT2: has the alias ACAT2',
  '154': 'ADRB2: alias BAR also names NR1H4 and BFAR',
  '9971': 'NR1H4',
  '51283': 'BFAR',
  '574': 'BAGE: a UniProt accession but no Ensembl gene',
  '3': 'A2MP1: an Ensembl gene but no UniProt accession',
  '2597': 'GAPDH',
  '213': 'ALB',
  '2099': 'ESR1',
  '7124': 'TNF',
  '981': 'CDAN3: current here, replaced by KIF23 (9493) in NCBI history of 2023 (history pack)',
  '124905658': 'LOC124905658: current here, withdrawn in NCBI history of 2023 (history pack)',
};

/** Tables cut into fixtures; the first column holds the linked id, the second the entrez id (except genes). */
const FIXTURE_TABLES = [
  'genes',
  'alias',
  'uniprot',
  'ensembl_gene',
  'ensembl_protein',
  'refseq',
  'omim',
];
const MAX_GENES = 60;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const from = sourceDir(repoRoot);
const to = join(repoRoot, 'tests', 'fixtures', 'org-hs-eg');

/** Splits one CSV line (the source files have no newlines inside fields). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error(`unbalanced quotes (newline inside a field?): ${line}`);
  cells.push(cell);
  return cells;
}

interface Table {
  header: string;
  /** Raw lines, kept verbatim so the fixtures have the source's quoting. */
  lines: string[];
  entrez: string[];
  /** The other identifier on each line, if the table links one to the gene (not `genes`). */
  id: string[];
}

function readTable(name: string): Table {
  const text = gunzipSync(readFileSync(join(from, `${name}.csv.gz`))).toString('utf8');
  const [header, ...lines] = text.split('\n').filter((line) => line !== '');
  const columns = splitCsvLine(header);
  const entrezAt = columns.indexOf('entrez_id');
  const idAt = name === 'genes' ? -1 : entrezAt === 0 ? 1 : 0;
  const entrez: string[] = [];
  const id: string[] = [];
  for (const line of lines) {
    const cells = splitCsvLine(line);
    entrez.push(cells[entrezAt]);
    id.push(idAt < 0 ? '' : cells[idAt]);
  }
  return { header, lines, entrez, id };
}

const tables = new Map(FIXTURE_TABLES.map((name) => [name, readTable(name)] as const));

/** Tables whose shared ids pull genes into the set (see the header for why OMIM does not). */
const CLOSED_OVER = new Set(FIXTURE_TABLES.filter((name) => name !== 'genes' && name !== 'omim'));

/** The seed genes plus every gene sharing a linked id with one already chosen, to a fixed point. */
function closeOver(seeds: string[]): Set<string> {
  const genesOf = new Map<string, Set<string>>();
  for (const [name, table] of tables) {
    if (!CLOSED_OVER.has(name)) continue;
    table.id.forEach((id, i) => {
      const key = `${name}\t${id}`;
      const genes = genesOf.get(key) ?? new Set<string>();
      genes.add(table.entrez[i]);
      genesOf.set(key, genes);
    });
  }
  const chosen = new Set(seeds);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, table] of tables) {
      if (!CLOSED_OVER.has(name)) continue;
      table.id.forEach((id, i) => {
        if (!chosen.has(table.entrez[i])) return;
        for (const gene of genesOf.get(`${name}\t${id}`) ?? []) {
          if (!chosen.has(gene)) {
            chosen.add(gene);
            grew = true;
          }
        }
      });
    }
    if (chosen.size > MAX_GENES)
      throw new Error(`closure exceeds ${MAX_GENES} genes; pick other seeds`);
  }
  return chosen;
}

const genes = closeOver(Object.keys(SEEDS));
mkdirSync(to, { recursive: true });

const catalog: CatalogFile = { version: `${CATALOG_VERSION}-fixtures`, tables: [] };
for (const [name, table] of tables) {
  const lines = table.lines.filter((_, i) => genes.has(table.entrez[i]));
  const text = [table.header, ...lines].join('\n') + '\n';
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(join(to, `${name}.csv`), bytes);
  if (name === 'uniprot') writeFileSync(join(to, `${name}.csv.gz`), gzipSync(bytes, { level: 9 }));
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no catalog spec for ${name}`);
  catalog.tables.push(catalogEntry(spec, `${name}.csv`, bytes, text));
  console.log(`${name.padEnd(16)} ${String(lines.length).padStart(5)} rows`);
}
// The reviewed entries among the fixture's accessions (TP53 keeps P04637 of its seven).
const accessions = new Set(
  tables.get('uniprot')!.id.filter((_, i) => genes.has(tables.get('uniprot')!.entrez[i])),
);
const reviewed = reviewedCsv(
  packSourceDir(fileURLToPath(new URL('..', import.meta.url))),
  accessions,
);
writeFileSync(join(to, `${REVIEWED_TABLE.name}.csv`), reviewed);
catalog.tables.push(
  catalogEntry(
    REVIEWED_TABLE,
    `${REVIEWED_TABLE.name}.csv`,
    Buffer.from(reviewed, 'utf8'),
    reviewed,
  ),
);
console.log(
  `${REVIEWED_TABLE.name.padEnd(16)} ${String(reviewed.split('\n').length - 2).padStart(5)} rows`,
);
writeFileSync(join(to, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');

const added = [...genes].filter((gene) => !(gene in SEEDS));
console.log(`${genes.size} genes: ${Object.keys(SEEDS).length} seeds + ${added.length} by closure`);
console.log(`closure added: ${added.join(' ')}`);
