/**
 * `npm run bench`, the command (#18): `crosswalk map --from uniprot --to ensembl_gene` as a
 * pipeline runs it, a whole process timed from spawn to exit, on 5 ids, 100k, 1M and 10M ids, with
 * its lookup data three ways (bench/cli/modes.ts):
 *
 * - bundled: the tables the package ships packed (what a user gets out of the box);
 * - cold: the org.Hs.eg.db-derived CSV tables of data/ given as `--table`, parsed in the run
 *   (`--no-cache`; the bundled uniprot and ensembl_gene disabled, so the path goes through them);
 * - cached: the same CSV files after `crosswalk import` into a temporary cache folder, read packed.
 *
 * `npx crosswalk` (the targets count npx's own start-up) and the bare `node
 * bin/crosswalk.js` (not at 10M: npx only adds its start-up); peak RSS from `/usr/bin/time -f %M`.
 * Ids: half real accessions (data/uniprot.csv.gz, cycled), half distinct well-formed accessions
 * absent from the data, in a temporary file. Sizes up to CROSSWALK_BENCH_MAX (default all);
 * BENCH_RUNS runs for 5 ids (default 5), at most 3 up to 1M, 1 for 10M.
 */
import { ensureBuilt, installedNpx } from './cli/launchers';
import { checkHeaders, commandModes, importTables } from './cli/modes';
import { printHeading, printNotes, printTable, type Figure } from './cli/report';
import { SIZES, sizeBench } from './cli/sizes';
import { startupBench } from './cli/startup';
import { accessionPool, withWorkspace } from './cli/workspace';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MAX = Number(process.env.CROSSWALK_BENCH_MAX ?? Infinity);

ensureBuilt();
checkHeaders();
await withWorkspace(async (workspace) => {
  const { tmp, cache } = workspace;
  const modes = commandModes(workspace);
  printHeading();
  // A project that has crosswalk installed: its node_modules/.bin/crosswalk, a link to ours.
  const installed = installedNpx(tmp);
  await startupBench(tmp, installed, RUNS);
  await importTables(tmp, cache);
  const bench = { tmp, modes, pool: accessionPool(), installed, runs: RUNS };
  const figures: Figure[] = [];
  for (const size of SIZES.filter((n) => n <= MAX)) await sizeBench(size, bench, figures);
  printTable(figures, modes);
  printNotes();
});
