/**
 * The field's own files in `npm run bench` (#14): per recognised format, its excerpts imported as
 * proposed, then a synthetic file of a million rows written like them, imported as proposed and
 * as a generic table — each import in a process of its own, so its peak memory is its own.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_USER_FILE_BYTES } from '../workers/engine/user-tables/stored-record';
import { parseTable } from '../workers/engine/tables/parse-table';
import { FIXTURES, FORMAT_FILES, writeSynthetic, type FormatFile } from './format-files';
import type { ImportResult } from './format-import';
import { HEAD_BYTES, PLAIN_TYPES, proposedSpec, recognise } from './format-specs';
import { mb, measure } from './measure';

const ROWS = Number(process.env.BENCH_FORMAT_ROWS ?? 1_000_000);
/**
 * The excerpts take about a millisecond, less than the JIT's warm-up: each is parsed once
 * untimed, then each run times a batch of parses, and the median batch gives the time of one.
 */
const EXCERPT_RUNS = 5;
const EXCERPT_BATCH = 20;
const root = fileURLToPath(new URL('..', import.meta.url));

export async function formatBench(runs: number): Promise<void> {
  const start = performance.now();
  const excerptRuns = Math.max(runs, EXCERPT_RUNS);
  console.log(`\nthe field's files (#14): each excerpt recognised and imported as proposed`);
  console.log(
    `${'format'.padEnd(20)} ${'excerpt'.padEnd(46)} ${'rows'.padStart(5)}  time       rows/s`,
  );
  for (const spec of FORMAT_FILES) {
    for (const { file, real } of spec.excerpts) await excerptRow(spec, file, real, excerptRuns);
  }
  console.log(
    `  time of one parse, warm: the median of ${excerptRuns} batches of ${EXCERPT_BATCH} in this process, after one untimed; the whole file read as the table check reads it (tiers as plain columns, a split file's rows all kept and counted).`,
  );
  console.log(
    `  (hand-written): no real excerpt of that variant was found (tests/fixtures/formats/README.md).`,
  );
  syntheticBench();
  console.log(
    `  the formats section took ${((performance.now() - start) / 1000).toFixed(0)} s, writing the files included.`,
  );
}

async function excerptRow(spec: FormatFile, file: string, real: boolean, runs: number) {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}${file}`));
  const proposal = recognise(bytes, bytes.length);
  if (proposal?.id !== spec.format)
    throw new Error(
      `${file} recognised as ${proposal?.id ?? 'a generic table'}, not ${spec.format}`,
    );
  const parse = () => parseTable(proposedSpec(proposal, false), bytes);
  const rows = (await parse()).table.stats.rows;
  const m = await measure(runs, async () => {
    for (let i = 0; i < EXCERPT_BATCH; i++) await parse();
  });
  const ms = m.medianMs / EXCERPT_BATCH;
  const name = real ? file : `${file} (hand-written)`;
  console.log(
    `${spec.format.padEnd(20)} ${name.padEnd(46)} ${String(rows).padStart(5)}  ${ms.toFixed(2).padStart(6)} ms  ${rate(rows, ms).padStart(9)}`,
  );
}

function syntheticBench(): void {
  const work = mkdtempSync(join(tmpdir(), 'crosswalk-formats-'));
  try {
    const idle = runImport(['idle']);
    console.log(
      `\nsynthetic files of ${ROWS.toLocaleString('en-US')} data rows: imported as proposed, and the same bytes as a generic table`,
    );
    console.log(
      `${'format'.padEnd(20)} ${'file'.padStart(8)}  ${'as proposed: time'.padStart(17)} ${'rows/s'.padStart(9)} ${'records'.padStart(10)} ${'peak RSS'.padStart(9)}  │ ${'generic: time'.padStart(13)} ${'rows/s'.padStart(9)} ${'peak RSS'.padStart(9)}`,
    );
    const over: string[] = [];
    for (const spec of FORMAT_FILES) {
      const path = join(work, spec.format);
      const bytes = writeSynthetic(spec, path, ROWS);
      if (bytes > MAX_USER_FILE_BYTES) over.push(spec.format);
      assertRecognised(spec, path, bytes);
      const proposed = runImport(['proposal', spec.format, path]);
      const generic = runImport(['generic', spec.format, path]);
      rmSync(path);
      console.log(
        `${spec.format.padEnd(20)} ${mb(bytes).padStart(8)}  ${cells(proposed, true)}  │ ${cells(generic, false)}`,
      );
    }
    const notes = [
      `each synthetic file: the excerpt's own header (or none), then rows of the real files' shape (| and ; lists, ids shaped like UniProt's, NCBI's, Ensembl's …); recognised from its first ${HEAD_BYTES / 1024} KB as the preview does, and refused if it is not the intended format.`,
      `each import runs once, in a process of its own (cold, as the app's worker meets a file): time is the parse alone (decompress + parse + pack, the file already read), rows/s its data rows over that time; peak RSS is that process's own high-water mark (VmHWM, not getrusage's maxRSS, which keeps the bench's own from before exec), the file's bytes included — an idle process that loaded the same modules peaks at ${mb(idle.maxRss)}.`,
      `as proposed: the proposal's spec as the table check parses it; idmapping.dat and ChEBI database_accession keep the ID types Crosswalk knows (a big file's preselection). records: what the packed table holds (a hub file gives one per value beside its key).`,
      `generic: the first non-# line as header (for a headerless or NCBI file that is the first data row, so one row fewer), every cell a column as the app's form sends them, the first two typed ${PLAIN_TYPES.join(' and ')}, the others attributes; no format spec.`,
      ...(over.length > 0
        ? [
            `over the app's ${mb(MAX_USER_FILE_BYTES)} file limit (parsed here anyway, the app refuses them): ${over.join(', ')}.`,
          ]
        : []),
    ];
    for (const note of notes) console.log(`  ${note}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The synthetic file must be recognised as its format: benching the generic path by mistake is no figure. */
function assertRecognised(spec: FormatFile, path: string, bytes: number): void {
  const start = new Uint8Array(Math.min(HEAD_BYTES, bytes));
  const fd = openSync(path, 'r');
  readSync(fd, start, 0, start.length, 0);
  closeSync(fd);
  const id = recognise(start, bytes)?.id;
  if (id !== spec.format)
    throw new Error(
      `the synthetic ${spec.format} file is recognised as ${id ?? 'a generic table'}`,
    );
}

function runImport(args: string[]): ImportResult {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/format-import.ts', ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    const why = child.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${child.status}`;
    return { maxRss: 0, error: `the import process failed: ${why}` };
  }
  return JSON.parse(last) as ImportResult;
}

function cells(result: ImportResult, withRecords: boolean): string {
  if (result.error !== undefined || result.ms === undefined) return `failed: ${result.error}`;
  const time = `${(result.ms / 1000).toFixed(2)} s`.padStart(withRecords ? 17 : 13);
  const records = withRecords
    ? ` ${(result.records ?? 0).toLocaleString('en-US').padStart(10)}`
    : '';
  return `${time} ${rate(result.rows ?? 0, result.ms).padStart(9)}${records} ${mb(result.maxRss).padStart(9)}`;
}

function rate(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString('en-US');
}
