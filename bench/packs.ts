/**
 * Data packs in `npm run bench`: the core's first-visit data (what the service worker precaches)
 * against its size before packs existed, and per pack the first use (read, decompress, wrap and
 * index the shipped tables one mapping across the pack needs, in the engine's own load phases; in the app
 * a download comes first, which bench/browser-packs.ts measures in Chromium) and the warm use
 * (tables in memory).
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { MapRequest, Phase } from '../workers/api';
import { CrosswalkEngine } from '../workers/engine/engine';
import type { CatalogFile } from '../workers/engine/tables/catalog';
import { mb, measure, row } from './measure';

/** Bytes of the core tables when packs were added (#13): the first visit must not download more. */
const CORE_BYTES_BEFORE_PACKS = 5_742_914;
/** Bytes of `catalog.json` and `PROVENANCE.md` then (6,117 and 2,476, at 4e7c6f5^). */
const META_BYTES_BEFORE_PACKS = 8_593;

/** A mapping that needs each pack (the opt-in HMDB pack is enabled for it). */
export const PACK_RUNS: Record<string, MapRequest & { text: string }> = {
  metabolites: { text: '50-99-7\n64-17-5\n58-08-2', source: 'cas', target: 'pubchem_cid' },
  hmdb: { text: 'HMDB0000122\nHMDB0000190', source: 'hmdb', target: 'chembl' },
  mouse: { text: 'Trp53\nActb\nGapdh', source: 'mouse_symbol', target: 'ensembl_gene' },
  rat: { text: 'Tp53\nActb\nGapdh', source: 'rat_symbol', target: 'ensembl_gene' },
  history: { text: '44\n42\n4', source: 'entrez', target: 'symbol' },
};

export async function packBench(root: string, runs: number): Promise<void> {
  const catalogPath = `${root}public/data/catalog.json`;
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as CatalogFile;
  const core = catalog.tables.filter((t) => !t.pack).reduce((sum, t) => sum + t.bytes, 0);
  const meta = ['catalog.json', 'PROVENANCE.md'].reduce(
    (sum, file) => sum + statSync(`${root}public/data/${file}`).size,
    0,
  );
  console.log(
    `\ncore data a first visit downloads: ${mb(core)} (${bytes(core)} bytes; target: no more than ${bytes(CORE_BYTES_BEFORE_PACKS)}, the core before packs)`,
  );
  // The catalog lists the packs' tables so that paths across packs are planned before any is fetched.
  console.log(
    `  with the catalog and provenance notes: ${bytes(core + meta)} bytes (${bytes(CORE_BYTES_BEFORE_PACKS + META_BYTES_BEFORE_PACKS)} before packs; catalog and notes ${bytes(meta)} against ${bytes(META_BYTES_BEFORE_PACKS)})`,
  );
  for (const pack of catalog.packs ?? []) {
    const tables = catalog.tables.filter((t) => t.pack === pack.name);
    const bytes = tables.reduce((sum, t) => sum + t.bytes, 0);
    const request = PACK_RUNS[pack.name];
    if (!request) continue;
    let phases: Phase[] = [];
    const first = await measure(runs, async () => {
      const engine = await freshEngine(catalogPath);
      for (const t of tables) await engine.setTableOptions(t.name, { enabled: true });
      phases = (await engine.map(request)).timing.phases;
    });
    row(`pack ${pack.name} (${mb(bytes)}): first use`, first, loadPhases(phases));
    const engine = await freshEngine(catalogPath);
    for (const t of tables) await engine.setTableOptions(t.name, { enabled: true });
    await engine.map(request);
    const warm = await measure(runs, () => engine.map(request));
    row(
      `pack ${pack.name}: warm (tables in memory)`,
      warm,
      `${request.source} → ${request.target}`,
    );
  }
}

function bytes(n: number): string {
  return n.toLocaleString('en-US');
}

async function freshEngine(catalogPath: string): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({
    readBytes: async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
    // As Node runs the engine (bench/run.ts): zlib inflates the shipped tables' columns.
    inflate: async (member) => new Uint8Array(gunzipSync(member)),
  });
  await engine.init(pathToFileURL(catalogPath).href);
  return engine;
}

/** The first run's table loads in words: read / decompress / wrap / index, summed over tables. */
function loadPhases(phases: Phase[]): string {
  const sums = new Map<string, number>();
  for (const phase of phases) {
    if (phase.kind !== 'load') continue;
    for (const child of phase.children ?? [])
      sums.set(child.name, (sums.get(child.name) ?? 0) + child.ms);
  }
  return (
    [...sums].map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ') ||
    'tables already loaded'
  );
}
