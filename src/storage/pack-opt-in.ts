/**
 * The opt-in data packs the user accepted (HMDB's licence notice), kept in localStorage: bundled
 * tables' options live in the worker's memory only, so without this a reload would disable them
 * again behind the user's back. Re-applied each time the catalog is loaded.
 */
import { readStoredJson, writeStoredJson } from '../lib/stored-json';

// Bump the version whenever the stored shape changes.
export const PACK_OPT_IN_KEY = 'crosswalk.pack-opt-in.v1';

export function readAcceptedPacks(): string[] {
  const stored = readStoredJson<unknown>(PACK_OPT_IN_KEY, []);
  return Array.isArray(stored) ? stored.filter((name) => typeof name === 'string') : [];
}

export function writeAcceptedPack(name: string, accepted: boolean): void {
  const others = readAcceptedPacks().filter((n) => n !== name);
  writeStoredJson(PACK_OPT_IN_KEY, accepted ? [...others, name] : others);
}
