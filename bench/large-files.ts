/**
 * What the large-input benches share (bench/limits.ts, bench/browser-large.ts): files of many
 * lines written to a temporary folder, the bundled UniProt accessions to fill them with, and the
 * peak memory of Chromium while a case runs.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root } from './built-app';

export const MB = 1024 * 1024;

export interface LineFile {
  path: string;
  lines: number;
  bytes: number;
}

/** Writes `line(i)` for i = 0, 1, … to `dir/name` until it holds about `bytes`. */
export async function writeLines(
  dir: string,
  name: string,
  bytes: number,
  line: (i: number) => string,
): Promise<LineFile> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  let written = 0;
  let count = 0;
  while (written < bytes) {
    let chunk = '';
    while (chunk.length < 1 * MB && written + chunk.length < bytes) chunk += line(count++) + '\n';
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, lines: count, bytes: statSync(path).size };
}

/** The distinct accessions of the bundled uniprot table (its CSV source), in file order. */
export function bundledAccessions(): string[] {
  const lines = gunzipSync(readFileSync(join(root, 'data/uniprot.csv.gz')))
    .toString()
    .split('\n');
  return [...new Set(lines.slice(1).map((line) => line.split(',')[0]))].filter(Boolean);
}

/** Peak RSS (MB) of the largest Chromium process (the tab with its worker) while `work` runs. */
export async function peakMemory<T>(work: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = () => {
    try {
      const rss = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
      for (const kb of rss.split('\n').map(Number)) peak = Math.max(peak, kb / 1024);
    } catch {
      // ps finds no process between two launches
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  try {
    const result = await work();
    sample();
    return [result, peak];
  } finally {
    clearInterval(timer);
  }
}

export async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
