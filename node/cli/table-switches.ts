/**
 * Which tables a run may use: a manifest's set (`only`: every other table off), then `--enable`
 * and `--disable` (HMDB's tables, off until asked for as in the app, print its licence terms). A table of yours that is a tier of another follows its file, as in the app.
 */
import type { CrosswalkEngine } from '../../workers/engine/engine';
import { CliError, EXIT } from './cli-error';

export async function setTables(
  engine: CrosswalkEngine,
  {
    only,
    enable,
    disable,
    say,
  }: { only?: string[]; enable: string[]; disable: string[]; say: (line: string) => void },
): Promise<void> {
  const { tables, packs } = engine.catalog();
  const noticed = new Set<string>();
  const names = new Set(tables.map((t) => t.name));
  for (const name of [...enable, ...disable])
    if (!names.has(name))
      throw new CliError(`There is no table "${name}" (see crosswalk tables).`, EXIT.noAnswer);
  for (const table of tables) {
    if (table.partOf) continue;
    let enabled = only ? only.includes(table.name) : table.enabled;
    if (enable.includes(table.name)) enabled = true;
    if (disable.includes(table.name)) enabled = false;
    if (enabled === table.enabled) continue;
    await engine.setTableOptions(table.name, { enabled });
    // A pack whose licence the app asks a yes for (HMDB): naming its table is the yes here, and
    // its terms are shown once, as the app shows them.
    const pack = packs.find((p) => p.name === table.pack);
    if (enabled && pack?.optIn && pack.notice && !noticed.has(pack.name)) {
      noticed.add(pack.name);
      say(`${pack.label}: ${pack.notice}`);
    }
  }
}
