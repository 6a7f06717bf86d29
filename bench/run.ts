/**
 * `npm run bench`: engine figures in Node, median of several runs. The genbank table is read from
 * ../shared/data/org-hs-eg when present (skipped otherwise) and parsed, as a user's own table is;
 * uniprot/ensembl_gene are the bundled tables, shipped packed in public/data (their CSV sources in
 * data/ for the parse figures). Run with `node --expose-gc` (the npm script does) for steadier
 * memory. Then a cold Node process on the compiled engine (bench/cold-process.ts).
 * The field's own files (bench/formats.ts) come last: a synthetic file of a million rows per
 * format (BENCH_FORMAT_ROWS to change it), each import in a process of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readShipped } from '../workers/engine/tables/shipped-table';
import { coldProcessBench } from './cold-process';
import Papa from 'papaparse';
import { STATUS_MAPPED } from '../workers/common/codes';
import { CrosswalkEngine } from '../workers/engine/engine';
import { parseTable, type TableSpec } from '../workers/engine/tables/parse-table';
import { mb, measure, row, rssMonitor } from './measure';
import { formatBench } from './formats';
import { packBench } from './packs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.CROSSWALK_SOURCE_DATA ?? `${root}../shared/data/org-hs-eg`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** How Node runs the engine (the command-line tool too): zlib inflates shipped columns. */
const inflate = async (member: Uint8Array) => new Uint8Array(gunzipSync(member));
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
/** #15: a million ids over two hops (uniprot → entrez → ensembl_gene). */
const MILLION_TARGET_MS = 600;

async function loadBench(label: string, file: string, spec: TableSpec): Promise<void> {
  const raw = new Uint8Array(readFileSync(file));
  const text = gunzipSync(raw).toString('utf8');
  gc();
  const memory = rssMonitor();
  let resident = 0;
  const cold = await measure(RUNS, async () => {
    const { table } = await parseTable(spec, raw);
    table.edges(0, 1);
    table.edges(1, 0);
    resident = table.byteSize;
  });
  const peak = memory.stop();
  row(
    `${label}: cold load (decompress+parse+index)`,
    cold,
    `${rate(spec.rows!, cold.medianMs)} rows/s, tables ${mb(resident)}, peak RSS ${mb(peak)}`,
  );
  gc();
  const papaMemory = rssMonitor();
  const papa = await measure(
    RUNS,
    () => Papa.parse<string[]>(text, { skipEmptyLines: true }).data.length,
  );
  row(
    `${label}: PapaParse alone into arrays`,
    papa,
    `${rate(spec.rows!, papa.medianMs)} rows/s, peak RSS ${mb(papaMemory.stop())}`,
  );
  console.log(
    `${''.padEnd(44)} cold load / PapaParse = ${(cold.medianMs / papa.medianMs).toFixed(2)}`,
  );
}

/**
 * The i-th of many distinct accessions in UniProt's 10-character format
 * (`[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){2}`), none of them in the bundled table.
 */
function wellFormedAccession(i: number): string {
  let n = i;
  const pick = (chars: string) => {
    const c = chars[n % chars.length];
    n = Math.floor(n / chars.length);
    return c;
  };
  const [b36, letters, digits] = [
    '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '0123456789',
  ];
  return `A0A${pick(b36)}${pick(b36)}${pick(digits)}${pick(letters)}${pick(b36)}${pick(b36)}${pick(digits)}`;
}

function rate(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString('en-US');
}

/** The bundled table as the app loads it: its shipped packed file read, inflated and wrapped. */
async function shippedBench(label: string, file: string, rows: number): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const m = await measure(RUNS, async () => {
    const { table } = await readShipped(label, bytes, false, inflate);
    table.edges(0, 1);
    table.edges(1, 0);
  });
  row(
    `${label}: shipped packed (inflate+wrap+index)`,
    m,
    `${rate(rows, m.medianMs)} rows/s, ${bytes.length.toLocaleString('en-US')} bytes, never parsed`,
  );
}

async function mappingBench(): Promise<void> {
  const engine = new CrosswalkEngine({
    readBytes: async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
    inflate,
  });
  await engine.init(pathToFileURL(`${root}public/data/catalog.json`).href);
  const first = await measure(1, () =>
    engine.map({ text: 'P04637', source: 'uniprot', target: 'ensembl_gene' }),
  );
  row(
    'uniprot → ensembl_gene, first run (cold tables)',
    first,
    'loads uniprot + ensembl_gene, shipped packed',
  );
  const hit = await measure(RUNS, () =>
    engine.map({ text: 'P04637', source: 'uniprot', target: 'ensembl_gene' }),
  );
  row('same, tables in memory (cache hit)', hit, `${engine.cache.stats().hits} hits so far`);

  const accessions = gunzipSync(readFileSync(`${root}data/uniprot.csv.gz`))
    .toString('utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0])
    .filter(Boolean);
  for (const [count, source] of [
    [100_000, 'uniprot'],
    [1_000_000, 'uniprot'],
    [1_000_000, 'auto'],
  ] as const) {
    // Half real accessions (cycled), half distinct well-formed accessions absent from the data,
    // so both hits and misses are hashed and every input is a distinct key.
    const ids: string[] = [];
    for (let i = 0; ids.length < count; i++) {
      ids.push(i % 2 === 0 ? accessions[(i / 2) % accessions.length] : wellFormedAccession(i));
    }
    const text = ids.join('\n');
    gc();
    const memory = rssMonitor();
    let mapped = 0;
    let pairs = 0;
    let distinct = 0;
    const m = await measure(RUNS, async () => {
      const r = await engine.map({ text, source, target: 'ensembl_gene' });
      mapped = r.inputs.status.filter((s) => s === STATUS_MAPPED).length;
      pairs = r.summary.pairs;
      distinct = r.summary.distinct;
    });
    row(
      source === 'auto'
        ? `same ${count.toLocaleString('en-US')} ids on auto (each id's type read)`
        : `map ${count.toLocaleString('en-US')} ids uniprot → entrez → ensembl_gene`,
      m,
      `${count === 1_000_000 && source !== 'auto' ? `target ≤ ${MILLION_TARGET_MS} ms: ${verdict(m.medianMs <= MILLION_TARGET_MS)}; ` : ''}${rate(count, m.medianMs)} ids/s, ${distinct} distinct, ${mapped} mapped, ${pairs} pairs, peak RSS ${mb(memory.stop())}`,
    );
  }
  console.log(`tables resident after mapping: ${mb(engine.cache.stats().bytes)}`);
}

console.log(`Crosswalk engine bench — Node ${process.version}, median of ${RUNS} runs\n`);
const genbank = `${shared}/genbank.csv.gz`;
if (existsSync(genbank)) {
  await loadBench('genbank (870,757 rows)', genbank, {
    name: 'genbank',
    rows: 870_757,
    columns: [
      { name: 'genbank', type: 'genbank' },
      { name: 'entrez_id', type: 'entrez' },
    ],
  });
} else {
  console.log(`genbank: skipped (${genbank} not found; it lives in ../shared/data/org-hs-eg)`);
}
await loadBench('uniprot (32,265 rows)', `${root}data/uniprot.csv.gz`, {
  name: 'uniprot',
  rows: 32_265,
  columns: [
    { name: 'uniprot', type: 'uniprot' },
    { name: 'entrez_id', type: 'entrez' },
  ],
});
await shippedBench('uniprot (32,265 rows)', `${root}public/data/uniprot.packed`, 32_265);
await mappingBench();
await coldProcessBench(root, RUNS);
console.log(
  [
    '',
    "reference, Bioconductor's AnnotationDbi on the same org.Hs.eg.db data (figures from #15, measured before it):",
    '  first call, 5 and 2,676 ids: 2.4–2.6× faster than this engine then (0.67 s, its CSV parsed on that call);',
    '  100k–1M ids: 3.5–7× slower than this engine then (1M ids over 2 hops 0.96–1.06 s).',
  ].join('\n'),
);
await packBench(root, RUNS);
await formatBench(RUNS);
