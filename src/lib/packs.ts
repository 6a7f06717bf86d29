/**
 * Data packs as the data panel shows them: whether one is on this device, whether
 * its tables are enabled (an opt-in pack's are not until the user accepts its notice), and which
 * packs a run may just have fetched.
 */
import type { CatalogInfo, PackInfo, TableInfo } from '../../workers/api';

export const ON_DEVICE = 'on this device';
export const NOT_ON_DEVICE = 'not on this device';

/** The pack's status, in the words the panel shows. */
export function packStatus(pack: PackInfo): string {
  return pack.onDevice ? ON_DEVICE : NOT_ON_DEVICE;
}

/** Every table of the pack the catalog lists is enabled (false for a pack with none listed). */
export function packEnabled(pack: PackInfo, tables: readonly TableInfo[]): boolean {
  const own = tables.filter((table) => pack.tables.includes(table.name));
  return own.length > 0 && own.every((table) => table.enabled);
}

/**
 * Whether a run that read `loaded` from their files may have fetched a pack the catalog says is
 * not on this device (the engine fetches a pack the first time a path needs it).
 */
export function fetchedByRun(packs: readonly PackInfo[], loaded: readonly string[]): boolean {
  return packs.some(
    (pack) => !pack.onDevice && pack.tables.some((table) => loaded.includes(table)),
  );
}

/**
 * What to add to a failed run's message when it names a table of a pack not on this device (the
 * run needed it offline): where to fetch it. Empty when the message names no such table.
 */
export function missingPackHint(message: string, catalog: CatalogInfo | null): string {
  const pack = catalog?.packs.find(
    (p) => !p.onDevice && p.tables.some((table) => message.includes(`"${table}"`)),
  );
  return pack
    ? ` It is in the data pack “${pack.label}”, not on this device: fetch it under Lookup tables → Data packs while online.`
    : '';
}
