/**
 * Which free-text type a list's names are: human symbols, mouse or rat symbols, GO term names,
 * ChEBI names. Their spelling conventions overlap (`Actb` is mouse, `ACTB` human, and each folds
 * to the other), so a sample of the list's names is looked up *exactly* in each type's tables,
 * and the types are tried in the order of how many they hold: a mouse list is read as mouse
 * symbols before a case-insensitive match could make human genes of it.
 */
import type { StringDict } from '../packed/string-dict';
import { isFreeText } from './id-reader';

const SAMPLE = 200;

/** `freeText` reordered by exact hits of the sampled names (ties keep their order). */
export function rankNames(
  keys: { size: number; get(k: number): string },
  freeText: readonly string[],
  dictsOf: (type: string) => StringDict[],
): string[] {
  const sample: string[] = [];
  for (let k = 0; k < keys.size && sample.length < SAMPLE; k++) {
    const key = keys.get(k);
    if (isFreeText(key)) sample.push(key);
  }
  if (sample.length === 0) return [...freeText];
  const hits = new Map<string, number>();
  for (const type of freeText) {
    const dicts = dictsOf(type);
    hits.set(type, sample.filter((name) => dicts.some((d) => d.lookupString(name) >= 0)).length);
  }
  return [...freeText].sort((a, b) => hits.get(b)! - hits.get(a)!);
}

/** Whether any of the first keys is a name (so ranking the free-text types is worth loading). */
export function hasNames(keys: { size: number; get(k: number): string }): boolean {
  for (let k = 0; k < Math.min(keys.size, SAMPLE * 5); k++)
    if (isFreeText(keys.get(k))) return true;
  return false;
}
