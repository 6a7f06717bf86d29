/**
 * The id a miss was probably meant to be: the same id in another case (for types matched case
 * by case), or — for names such as symbols — one typo away (a character dropped, added, changed
 * or two swapped: `TP35` → `TP53`). Bare numbers and accessions are left alone: one digit off
 * an NCBI Gene id is almost always another real gene, not the one meant.
 */
import type { PackedTable } from '../tables/packed-table';
import { resolveKey } from '../run/walk-path';

/** Where an id of one type is first looked up: a table's column, named for the reason. */
export interface FirstStep {
  table: PackedTable;
  column: number;
  name: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';
const encoder = new TextEncoder();

/** The table's spelling of the nearest id to `id`, or null. `typos`: also try edits. */
export function nearestMatch(steps: FirstStep[], id: string, typos: boolean): string | null {
  if (steps.length === 0) return null;
  for (const variant of [id.toUpperCase(), id.toLowerCase()]) {
    if (variant === id) continue;
    const hit = find(steps, variant);
    if (hit) return hit;
  }
  if (!typos || id.length < 3) return null;
  for (const variant of edits(id.toUpperCase())) {
    const hit = find(steps, variant);
    if (hit) return hit;
  }
  return null;
}

function find(steps: FirstStep[], key: string): string | null {
  const bytes = encoder.encode(key);
  for (const { table, column } of steps) {
    let found = -1;
    resolveKey(
      table,
      column,
      bytes,
      () => key,
      (id) => {
        if (found < 0) found = id;
      },
    );
    if (found >= 0) return table.columns[column].dict.get(found);
  }
  return null;
}

/** Every string one edit from `word`: swaps first (the commonest typo), then drops, changes, adds. */
function* edits(word: string): Generator<string> {
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i < word.length; i++)
    for (const c of ALPHABET) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
  for (let i = 0; i <= word.length; i++)
    for (const c of ALPHABET) yield word.slice(0, i) + c + word.slice(i);
}
