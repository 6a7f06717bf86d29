/**
 * `crosswalk import FILE`: a user's table or a database's standard file, parsed once into the
 * packed form and kept in the cache folder with the file itself, so every later run (and every
 * shard of a pipeline) reads it without parsing — what IndexedDB does for the app.
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../../engine';
import { addTable, parseTypes } from '../add-table';
import { usage } from '../cli-error';
import { cacheOption, COMMON_OPTIONS } from '../options';
import { ProgressReport } from '../progress';

const FINDINGS_SHOWN = 10;

export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, types: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals.length !== 1) throw usage('Import one file at a time: crosswalk import FILE.');
  const cache = cacheOption(values);
  if (cache === false)
    throw usage('import keeps the table in the cache; --no-cache contradicts it.');
  const report = new ProgressReport(values.quiet);
  const started = performance.now();
  const engine = await createEngine({ data: values.data, cache });
  const { name, report: check } = await addTable(
    engine,
    {
      file: positionals[0],
      types: values.types === undefined ? undefined : parseTypes(values.types),
      name: values.name,
    },
    (line) => report.note(line),
  );
  // The table and the tiers it is registered as (HGNC's previous and alias symbols), parsed now.
  // The check's copy is held in memory only, and a table found there is never written to the
  // cache folder: drop it, so the load below parses the kept file and stores the packed form.
  engine.cache.clear();
  const parts = engine.catalog().tables.filter((t) => t.name === name || t.partOf === name);
  await engine.preload(parts.map((t) => t.name));
  await engine.loader.flushWrites();
  const problem = engine.catalog().storageProblem;
  if (problem) throw new Error(`The table was read but could not be kept: ${problem}.`);
  // The check's findings, as the app's report lists them; a big file's can run to hundreds.
  for (const finding of check.findings.slice(0, FINDINGS_SHOWN)) report.note(finding);
  if (check.findings.length > FINDINGS_SHOWN)
    report.note(`… and ${check.findings.length - FINDINGS_SHOWN} more findings.`);
  report.note(
    `imported "${name}": ${check.rows.toLocaleString('en-US')} rows in ${Math.round(performance.now() - started)} ms; later runs read it packed.`,
  );
}
