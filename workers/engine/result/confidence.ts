/**
 * Confidence of one input–target pair, in [0, 1]:
 *
 *   confidence = matchWeight × 0.95^(hops − 1) × 1 / targets
 *
 * - matchWeight multiplies one factor per relaxation the match needed: exact or trimmed 1,
 *   prefix-stripped 1, version-stripped 0.95, case-insensitive 0.9, composite cell 0.9,
 *   isoform-stripped 0.85, and 0.8 for a table marked as a fallback (e.g. `alias`).
 * - each hop beyond the first costs 5 %: every hop is another curated relation to trust.
 * - an input with n targets gives each 1/n: at most one of them is usually what was meant.
 * Rounded to 3 decimals. The formula is a ranking aid, not a probability.
 */
import { MATCH_CASE, MATCH_COMPOSITE, MATCH_ISOFORM, MATCH_VERSION } from '../ids/id-types';

const BIT_WEIGHTS: [number, number][] = [
  [MATCH_VERSION, 0.95],
  [MATCH_CASE, 0.9],
  [MATCH_COMPOSITE, 0.9],
  [MATCH_ISOFORM, 0.85],
];
export const LABEL_WEIGHT = 0.8;

export function confidence(bits: number, labels: number, hops: number, targets: number): number {
  let weight = LABEL_WEIGHT ** labels;
  for (const [bit, factor] of BIT_WEIGHTS) if (bits & bit) weight *= factor;
  const value = (weight * 0.95 ** (hops - 1)) / Math.max(1, targets);
  return Math.round(value * 1000) / 1000;
}
