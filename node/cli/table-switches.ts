/**
 * Which tables a run may use: a manifest's set (`only`: every other table off), then `--enable`
 * and `--disable`. A table of yours that is a tier of another follows its file, as in the app.
 */
import type { CrosswalkEngine } from '../../workers/engine/engine';
import { CliError, EXIT } from './cli-error';

export async function setTables(
  engine: CrosswalkEngine,
  { only, enable, disable }: { only?: string[]; enable: string[]; disable: string[] },
): Promise<void> {
  const tables = engine.catalog().tables;
  const names = new Set(tables.map((t) => t.name));
  for (const name of [...enable, ...disable])
    if (!names.has(name))
      throw new CliError(`There is no table "${name}" (see crosswalk tables).`, EXIT.noAnswer);
  for (const table of tables) {
    if (table.partOf) continue;
    let enabled = only ? only.includes(table.name) : table.enabled;
    if (enable.includes(table.name)) enabled = true;
    if (disable.includes(table.name)) enabled = false;
    if (enabled !== table.enabled) await engine.setTableOptions(table.name, { enabled });
  }
}
