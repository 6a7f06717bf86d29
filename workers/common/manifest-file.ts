/**
 * Reading a run's manifest back (#17): is it one, what does it ask for, and where do this app's
 * tables differ from those the run read. Pure: the state class applies what this says.
 */
import type { AmbiguityPolicy, CatalogInfo, ExportLayout, RunManifest, SplitMode } from '../api';

/** The values each setting takes (the command line's flags accept the same). */
export const POLICIES: readonly AmbiguityPolicy[] = ['keep', 'first', 'drop', 'prefer-reviewed'];
export const SPLITS: readonly SplitMode[] = ['auto', 'lines', 'words'];
export const LAYOUTS: readonly ExportLayout[] = ['long', 'wide'];
const SHA256 = /^[0-9a-f]{64}$/;

/** A manifest as the file the app saves and the command line writes (`--manifest`). */
export function manifestText(manifest: RunManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest in `text`, or an error that says what is wrong with it (`fileName`'s). */
export function parseManifest(text: string, fileName: string): RunManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`"${fileName}" is not a Crosswalk manifest: it is not JSON.`);
  }
  const manifest = value as Partial<RunManifest> | null;
  if (!manifest || manifest.format !== 'crosswalk-manifest')
    throw new Error(
      `"${fileName}" is not a Crosswalk manifest (no "format": "crosswalk-manifest").`,
    );
  if (manifest.formatVersion !== 1)
    throw new Error(
      `"${fileName}" is a manifest of format version ${String(manifest.formatVersion)}; this app reads version 1.`,
    );
  const { settings, tables, enabledTables, input } = manifest;
  const problem = (what: string) => new Error(`"${fileName}" is not a usable manifest: ${what}.`);
  if (!settings || typeof settings.source !== 'string' || typeof settings.target !== 'string')
    throw problem('its settings name no source and target types');
  if (!SPLITS.includes(settings.split) || !POLICIES.includes(settings.policy))
    throw problem('its split rule or ambiguity policy is not one this app knows');
  if (!LAYOUTS.includes(settings.layout)) throw problem('its export layout is unknown');
  if (!Array.isArray(settings.alsoTargets) || !settings.alsoTargets.every(isText))
    throw problem('its extra target types are not a list of types');
  if (
    !Array.isArray(settings.attributes) ||
    !settings.attributes.every((a) => isText(a?.table) && isText(a?.column))
  )
    throw problem('its extra columns are not a list of table and column names');
  if (!Array.isArray(tables) || tables.some((t) => !SHA256.test(t?.sha256 ?? '')))
    throw problem('a table in it has no sha256 of 64 hex characters');
  if (tables.some((t) => !isText(t.name) || !isText(t.label) || typeof t.rows !== 'number'))
    throw problem('a table in it has no name, label or row count');
  if (!Array.isArray(enabledTables) || !enabledTables.every(isText))
    throw problem('it lists no enabled tables');
  if (!input || !SHA256.test(input.sha256 ?? '') || typeof input.count !== 'number')
    throw problem('its input has no count or sha256');
  if (input.ids !== undefined && !input.ids.every((id) => typeof id === 'string'))
    throw problem('its ids are not all text');
  return manifest as RunManifest;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * What loading `manifest` into this app cannot restore as it was, in words (each once). The
 * `command` line sets every option the page does not, and takes tables and ids as files.
 */
export function manifestWarnings(
  manifest: RunManifest,
  catalog: CatalogInfo,
  where: 'page' | 'command' = 'page',
): string[] {
  const page = where === 'page';
  const warnings: string[] = [];
  const { settings } = manifest;
  const types = new Set(catalog.types.map((type) => type.id));
  const missingTypes = [
    ...(settings.source === 'auto' ? [] : [settings.source]),
    settings.target,
    ...settings.alsoTargets,
  ].filter((type) => !types.has(type));
  if (missingTypes.length > 0)
    warnings.push(
      `No table here has the type${missingTypes.length > 1 ? 's' : ''} ${missingTypes.join(', ')} the run used: ${missingTypes.length > 1 ? 'they are' : 'it is'} left as chosen here.`,
    );
  const tableNames = new Set(catalog.tables.map((table) => table.name));
  for (const { table, column } of settings.attributes)
    if (!tableNames.has(table))
      warnings.push(`The extra column "${column}" of table "${table}" is not here.`);
  const unset = [
    settings.roundTrip ? 'the round trip' : '',
    settings.pinnedPath !== undefined ? `path ${settings.pinnedPath + 1} pinned` : '',
    settings.maxHops !== undefined ? `at most ${settings.maxHops} hops` : '',
  ].filter(Boolean);
  if (page && unset.length > 0)
    warnings.push(
      `The run used ${unset.join(', ')}, which this page does not set: the results may differ.`,
    );
  if (manifest.data !== catalog.version)
    warnings.push(
      `The run used the bundled data "${manifest.data}"; this app has "${catalog.version}".`,
    );
  const here = new Map(catalog.tables.map((table) => [table.name, table]));
  for (const table of manifest.tables) {
    const mine = here.get(table.name);
    const short = (hash: string) => `${hash.slice(0, 12)}…`;
    if (!mine)
      warnings.push(
        `Table "${table.name}" (${table.label}, ${table.rows.toLocaleString('en-US')} rows, sha256 ${short(table.sha256)}) is not here: ${table.bundled ? 'this version of the app does not bundle it' : page ? 'add its file under Lookup tables' : 'give its file with --table or crosswalk import'} to make the run again.`,
      );
    else if (mine.sha256 !== table.sha256)
      warnings.push(
        `Table "${table.name}" differs from the run's: sha256 ${short(mine.sha256 ?? '')} here, ${short(table.sha256)} in the manifest (release ${mine.date ?? '?'} here, ${table.release} then).`,
      );
  }
  if (page && !manifest.input.ids)
    warnings.push(
      `The manifest holds no ids (${manifest.input.count.toLocaleString('en-US')} inputs, sha256 ${manifest.input.sha256.slice(0, 12)}…): paste the same list to run it again.`,
    );
  return [...new Set(warnings)];
}
