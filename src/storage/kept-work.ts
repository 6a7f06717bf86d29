/**
 * The user's work kept on this device (#16): the list (its text, or the file or large paste it
 * came as), how it splits, the types, the extra columns and the ambiguity policy of the last run.
 * Kept in an IndexedDB store of the page's own — a list may be 64 MB, too much for localStorage —
 * so that a reload brings it back and runs it again. "Never keep" is a localStorage setting.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { AmbiguityPolicy, AttributeRef, SplitMode } from '../../workers/api';
import { readStoredJson, writeStoredJson } from '../lib/stored-json';

export interface WorkToKeep {
  /** Null when the list was a paste too large to keep (see KEEP_TEXT_CHARS). */
  ids: string | Blob | null;
  /** The file the ids came from, or null when typed or pasted. */
  fileName: string | null;
  split: SplitMode;
  source: string;
  target: string;
  /** More target types of the same run (#16); none in what earlier versions kept. */
  alsoTargets: string[];
  attributes: AttributeRef[];
  policy: AmbiguityPolicy;
}

/**
 * The longest pasted or typed list kept. Storing a string clones it on the page's thread: 14 ms
 * for 1 MB, 100 ms for 8 MB and 544 ms for 50 MB in Chromium here, so a larger paste is not kept
 * (its types and options are). A file is kept whatever its size: a Blob is stored by reference.
 */
export const KEEP_TEXT_CHARS = 1024 * 1024;

// Bump the versions whenever WorkToKeep changes shape.
const KEY = 'last-work.v1';
export const NEVER_KEEP_KEY = 'crosswalk.never-keep-work.v1';
const SPLITS: SplitMode[] = ['auto', 'lines', 'words'];
const POLICIES: AmbiguityPolicy[] = ['keep', 'first', 'drop', 'prefer-reviewed'];

let store: UseStore | null = null;
const workStore = () => (store ??= createStore('crosswalk-work', 'work'));

export function neverKeep(): boolean {
  return readStoredJson<boolean>(NEVER_KEEP_KEY, false) === true;
}

export function setNeverKeep(never: boolean): void {
  writeStoredJson(NEVER_KEEP_KEY, never);
}

export async function keepWork(work: WorkToKeep): Promise<void> {
  const ids = typeof work.ids === 'string' && work.ids.length > KEEP_TEXT_CHARS ? null : work.ids;
  await set(
    KEY,
    { ...work, ids, attributes: work.attributes.map(({ table, column }) => ({ table, column })) },
    workStore(),
  );
}

export async function forgetWork(): Promise<void> {
  await del(KEY, workStore());
}

/** The kept work, or null when there is none or what is kept is not work of this shape. */
export async function readKeptWork(): Promise<WorkToKeep | null> {
  const kept = (await get(KEY, workStore())) as Partial<WorkToKeep> | undefined;
  if (!kept || typeof kept !== 'object') return null;
  const { ids, fileName, split, source, target, alsoTargets, attributes, policy } = kept;
  if (ids !== null && typeof ids !== 'string' && !(ids instanceof Blob)) return null;
  if (typeof source !== 'string' || typeof target !== 'string') return null;
  return {
    ids,
    fileName: typeof fileName === 'string' ? fileName : null,
    split: SPLITS.includes(split as SplitMode) ? (split as SplitMode) : 'auto',
    source,
    target,
    alsoTargets: Array.isArray(alsoTargets)
      ? [...new Set(alsoTargets.filter((type): type is string => typeof type === 'string'))]
      : [],
    attributes: Array.isArray(attributes)
      ? attributes.filter((a) => typeof a?.table === 'string' && typeof a?.column === 'string')
      : [],
    policy: POLICIES.includes(policy as AmbiguityPolicy) ? (policy as AmbiguityPolicy) : 'keep',
  };
}
