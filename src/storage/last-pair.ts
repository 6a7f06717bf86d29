/**
 * The source → target pair of the last finished run, kept in localStorage so the next visit can
 * load that pair's stored tables into memory while the browser is idle (the warm-up).
 */
import type { IdTypeId } from '../../workers/api';
import { readStoredJson, writeStoredJson } from '../lib/stored-json';

export interface TypePair {
  source: IdTypeId;
  target: IdTypeId;
}

// Bump the version whenever TypePair changes shape.
export const LAST_PAIR_KEY = 'crosswalk.last-pair.v1';

export function readLastPair(): TypePair | null {
  const stored = readStoredJson<Partial<TypePair> | null>(LAST_PAIR_KEY, null);
  if (typeof stored?.source !== 'string' || typeof stored.target !== 'string') return null;
  return { source: stored.source, target: stored.target };
}

export function writeLastPair(pair: TypePair): void {
  writeStoredJson(LAST_PAIR_KEY, { source: pair.source, target: pair.target });
}
