/**
 * The bench's temporary folder (its caches, id files and time's reports; removed at the end) and
 * the id files the command maps: half real accessions, half well-formed ones the data lacks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIVE_IDS } from '../cold-process';
import { LineFile } from '../line-file';
import { accession } from '../synthetic-ids';
import { root } from './process';

export interface Workspace {
  tmp: string;
  /** The cache folder `crosswalk import` fills and the cached mode reads (made by the import). */
  cache: string;
  /** An empty cache folder of its own for the bundled mode, as a new user's. */
  bundledCache: string;
}

/** Hands `use` a fresh temporary folder, removed however `use` ends. */
export async function withWorkspace(use: (workspace: Workspace) => Promise<void>): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'crosswalk-cli-bench-'));
  try {
    const bundledCache = join(tmp, 'bundled-cache');
    mkdirSync(bundledCache);
    await use({ tmp, cache: join(tmp, 'cache'), bundledCache });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface IdPool {
  /** The accessions of data/uniprot.csv.gz in file order, repeats kept (cycled through). */
  real: string[];
  /** The same as a set: a synthetic accession found here is skipped. */
  known: Set<string>;
}

export function accessionPool(): IdPool {
  const real = gunzipSync(readFileSync(join(root, 'data/uniprot.csv.gz')))
    .toString('utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0])
    .filter(Boolean);
  return { real, known: new Set(real) };
}

/**
 * Writes `size` ids to `file` and returns its bytes: the five real ones of the cold-process bench
 * for 5, else half real accessions cycled, half well-formed ones the data lacks.
 */
export function writeIds(file: string, size: number, pool: IdPool): number {
  const out = new LineFile(file, size);
  if (size === FIVE_IDS.length) {
    for (const id of FIVE_IDS) out.row(id);
  } else {
    let next = 0;
    for (let i = 0; i < size; i++) {
      if (i % 2 === 0) {
        out.row(pool.real[(i / 2) % pool.real.length]);
      } else {
        let id = accession(next++);
        while (pool.known.has(id)) id = accession(next++);
        out.row(id);
      }
    }
  }
  out.close();
  return out.bytes;
}
