/** What several verbs' flags share: the data and cache folders, quiet, and checked values. */
import { usage } from './cli-error';

export const COMMON_OPTIONS = {
  data: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
} as const;

/** `--cache DIR`, `--no-cache` (false: nothing kept), or the default folder (undefined). */
export function cacheOption(values: {
  cache?: string;
  'no-cache'?: boolean;
}): string | false | undefined {
  if (values['no-cache']) return false;
  return values.cache;
}

export function choice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw usage(`${flag} takes ${allowed.join(', ')}; not "${value}".`);
  return value as T;
}

/** A whole number of at least `min`. */
export function count(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min)
    throw usage(`${flag} takes a whole number of at least ${min}; not "${value}".`);
  return n;
}

/** `a,b` → [a, b]: list flags take commas or repeats alike. */
export const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
