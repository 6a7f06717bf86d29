/** Guesses the source type of pasted ids from the types' patterns, over a sample of the keys. */
import type { Detection } from '../../api';
import { BUILTIN_TYPES, looksLike } from './id-types';
import type { StringDict } from '../packed/string-dict';

export const SAMPLE = 2000;

/**
 * Picks the type whose pattern matches the most keys; ties go to the more specific type (the
 * order of BUILTIN_TYPES). Keys matching no pattern count for `symbol` when words look like
 * symbols, since symbols have no strict pattern.
 */
export function detectType(
  keys: StringDict | readonly string[],
  available: Set<string>,
): Detection {
  const sample: string[] = [];
  if (Array.isArray(keys)) sample.push(...(keys as readonly string[]).slice(0, SAMPLE));
  else {
    const dict = keys as StringDict;
    for (let k = 0; k < Math.min(dict.size, SAMPLE); k++) sample.push(dict.get(k));
  }
  const counts: Record<string, number> = {};
  const candidates = BUILTIN_TYPES.filter((t) => available.has(t.id) && t.regex);
  let unmatched = 0;
  for (const key of sample) {
    let matched = false;
    for (const t of candidates) {
      if (looksLike(t, key)) {
        counts[t.id] = (counts[t.id] ?? 0) + 1;
        matched = true;
      }
    }
    if (!matched && /^[A-Za-z][A-Za-z0-9._@/-]*$/.test(key)) unmatched++;
  }
  if (available.has('symbol') && unmatched > 0) counts.symbol = unmatched;
  let best: string | null = null;
  for (const t of BUILTIN_TYPES) {
    if ((counts[t.id] ?? 0) > (best ? counts[best] : 0)) best = t.id;
  }
  return { type: best, share: best && sample.length ? counts[best] / sample.length : 0, counts };
}

/** Says what was detected, and how many ids look like another type (mixed lists). */
export function detectionNote(detection: Detection, source: string): string {
  const note = `Source type detected as ${source} (${Math.round(detection.share * 100)} % of ids match).`;
  // One odd id in a long list is noise, not a mixed list: it shows up as invalid anyway.
  const sampled = Object.values(detection.counts).reduce((a, b) => a + b, 0);
  const others = Object.entries(detection.counts)
    .filter(([type, n]) => type !== source && n >= 2 && n >= sampled * 0.05)
    .sort((a, b) => b[1] - a[1]);
  if (others.length === 0) return note;
  const list = others.map(([type, n]) => `${n} ${type}`).join(', ');
  return `${note} The list looks mixed (${list} among the first ${SAMPLE.toLocaleString('en-US')} ids): ids of another type will not map as ${source}; map them in a separate run.`;
}
