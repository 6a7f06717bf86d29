/**
 * A cold Node process mapping 5 ids (#15 item 5): bench/cold-process-entry.ts compiled to one
 * JavaScript file by Vite (SSR build, Node target; no tsx, no npx at run time), then `node` run on
 * it, timed from spawn to exit, a fresh process each time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { measure, row } from './measure';

/** The whole process, 5 ids uniprot → ensembl_gene (#15's target). */
export const COLD_PROCESS_TARGET_MS = 250;
/** Five real accessions (the command's bench, bench/cli.ts, maps them too). */
export const FIVE_IDS = ['P04637', 'P38398', 'P04745', 'P15090', 'P41159'];
const IDS = FIVE_IDS;

/** Compiles the entry into a temporary folder and hands `use` the script's path. */
async function withCompiledEntry(root: string, use: (script: string) => Promise<void>) {
  const outDir = mkdtempSync(join(tmpdir(), 'crosswalk-cold-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: join(root, 'bench/cold-process-entry.ts'),
        outDir,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rollupOptions: { output: { entryFileNames: 'cold-process.mjs' } },
      },
      // Every dependency (PapaParse) in the one file: nothing resolved from node_modules at run time.
      ssr: { noExternal: true },
    });
    await use(join(outDir, 'cold-process.mjs'));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function coldProcessBench(root: string, runs: number): Promise<void> {
  await withCompiledEntry(root, async (script) => {
    const catalog = join(root, 'public/data/catalog.json');
    let output = '';
    const m = await measure(runs, () => {
      const run = spawnSync(
        process.execPath,
        [script, catalog, 'uniprot', 'ensembl_gene', ...IDS],
        {
          encoding: 'utf8',
        },
      );
      if (run.status !== 0) throw new Error(`cold process failed: ${run.stderr}`);
      output = run.stdout.trim();
    });
    const { pairs, workerMs, loads, moduleAt } = JSON.parse(output) as {
      pairs: number;
      workerMs: number;
      loads: [string, string, number][];
      moduleAt: number;
    };
    // What any Node process costs on this machine before a line of ours runs.
    const empty = await measure(runs, () => spawnSync(process.execPath, ['-e', '']));
    row(
      `cold node process, ${IDS.length} ids uniprot → ensembl_gene (compiled, spawn to exit)`,
      m,
      `target ≤ ${COLD_PROCESS_TARGET_MS} ms: ${m.medianMs <= COLD_PROCESS_TARGET_MS ? 'met' : 'MISSED'}; ${pairs} pairs; an empty node process ${Math.round(empty.medianMs)} ms; our module starts at ${moduleAt} ms; the mapping ${Math.round(workerMs)} ms, of which loads ${loads.map(([n, s, t]) => `${n} ${s} ${t} ms`).join(', ')}`,
    );
  });
}
