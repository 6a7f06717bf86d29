/**
 * One import of the formats bench, alone in its own process so that its peak memory is its own:
 *
 *   node --expose-gc --import tsx bench/format-import.ts <proposal|generic> <format> <file>
 *   node --expose-gc --import tsx bench/format-import.ts idle
 *
 * reads the file, parses it as recognised (refusing a file not recognised as <format>) or as a
 * generic table, and prints one line of JSON: the parse's time, rows and records, and the
 * process's peak RSS (`idle`: the peak of a process that loaded the same modules and did nothing).
 */
import { readFileSync } from 'node:fs';
import { parseTable, type TableSpec } from '../workers/engine/tables/parse-table';
import { genericSpec, HEAD_BYTES, proposedSpec, recognise } from './format-specs';

export interface ImportResult {
  ms?: number;
  rows?: number;
  records?: number;
  /** Peak resident set size of the process, in bytes. */
  maxRss: number;
  /** Why the import failed (the engine's message), instead of the figures. */
  error?: string;
}

const [mode, format, file] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function run(): Promise<Omit<ImportResult, 'maxRss'>> {
  if (mode === 'idle') return {};
  const buffer = readFileSync(file);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  const start = bytes.subarray(0, HEAD_BYTES);
  let spec: TableSpec;
  if (mode === 'proposal') {
    const proposal = recognise(start, bytes.length);
    if (proposal?.id !== format) {
      return { error: `recognised as ${proposal?.id ?? 'a generic table'}, not ${format}` };
    }
    spec = proposedSpec(proposal, bytes.length > HEAD_BYTES);
  } else spec = genericSpec(start);
  gc();
  try {
    const t = performance.now();
    const { table } = await parseTable(spec, bytes);
    const ms = performance.now() - t;
    return { ms, rows: table.stats.rows, records: table.stats.records };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The peak RSS of this process's own memory: Linux's VmHWM. getrusage's maxRSS would not do: it
 * keeps the high-water mark of the forked copy of the parent from before exec, so a child of a
 * bench that holds 220 MB reports at least 220 MB whatever it does.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // Not Linux: maxRSS (kilobytes), which may include the parent's peak.
  }
  return process.resourceUsage().maxRSS * 1024;
}

const result = await run();
const output: ImportResult = { ...result, maxRss: peakRss() };
console.log(JSON.stringify(output));
