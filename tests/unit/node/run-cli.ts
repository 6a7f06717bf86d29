/**
 * Runs the `crosswalk` command from source as a child process, as a pipeline would run it:
 * `node --import tsx node/cli/main.ts …` in the repository, its standard input given (or closed at
 * once), its exit code and both outputs collected. Every test passes `--cache DIR` or
 * `--no-cache`; the environment points the default cache into a scratch folder as well, so a
 * test that forgot could never touch ~/.cache.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from '../../reference-csv';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const PUBLIC_DATA = join(ROOT, 'public', 'data');
/** The bundled tables' CSV sources (the shipped .packed files are built from them). */
export const SOURCE_DATA = join(ROOT, 'data');

export interface CliRun {
  /** The exit code (null when killed). */
  code: number | null;
  stdout: string;
  /** Standard output as bytes, for byte-for-byte comparisons. */
  bytes: Buffer;
  stderr: string;
}

/**
 * A spawn takes ~0.5–1.5 s under tsx, several times that on a busy machine: the hooks and tests
 * that spawn allow this long (vitest's defaults are 10 s for a hook, 30 s for a test here).
 */
export const CLI_TIMEOUT = 90_000;
/** One hung on standard input must fail its test, not the suite. */
const TIMEOUT_MS = 60_000;

/** Folders made by `scratchDir`, removed by `removeScratch`. */
const scratch: string[] = [];

/** A fresh empty folder under the system's temporary folder. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-cli-test-'));
  scratch.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Where the default cache would be, were a test to leave out --cache and --no-cache. */
const fallbackCache = join(tmpdir(), 'crosswalk-cli-test-default-cache');

export function runCli(
  args: string[],
  { input }: { input?: string | Uint8Array } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'node/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, CROSSWALK_CACHE: fallbackCache, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const bytes = Buffer.concat(out);
      resolve({
        code,
        bytes,
        stdout: bytes.toString('utf8'),
        stderr: Buffer.concat(err).toString(),
      });
    });
    // A command that does not read its input closes the pipe first: that is no failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** A TSV or CSV output as a header and rows, read by the tests' own reader (no engine code). */
export function table(text: string, delimiter = '\t'): { header: string[]; rows: string[][] } {
  const records = parseCsvRecords(text, delimiter);
  return { header: records[0] ?? [], rows: records.slice(1) };
}

/** The rows as records by column name. */
export function records(text: string, delimiter = '\t'): Record<string, string>[] {
  const { header, rows } = table(text, delimiter);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** Standard error's lines, without the trailing empty one. */
export const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

export const readText = (file: string): string => readFileSync(file, 'utf8');
