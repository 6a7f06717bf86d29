/**
 * How a list's ids mix types, in words: before a run from `Detection.mix` (the first ids), after it
 * from the result's own typed arrays (every input).
 */
import type { Detection, IdTypeId, MapResult } from '../../workers/api';
import { NO_TYPE } from '../../workers/common/codes';
import { formatCount } from './format';
import { tallyInputs } from './tally';

/** What an id shaped like no known type is called in the hint, the summary and the table. */
export const NOT_RECOGNISED = 'not recognised';

export interface MixEntry {
  label: string;
  count: number;
}

/**
 * "41 Gene symbol, 12 UniProt accession, 2 not recognised": types with ids, most first (ties by
 * label), then the ids of no known type, which are not a type and so come last.
 */
export function mixWords(types: readonly MixEntry[], unrecognised: number): string {
  const parts = types
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map((entry) => `${formatCount(entry.count)} ${entry.label}`);
  if (unrecognised > 0) parts.push(`${formatCount(unrecognised)} ${NOT_RECOGNISED}`);
  return parts.join(', ');
}

/**
 * Ambiguous ids (a bare number: NCBI Gene or OMIM) are read as the commonest type of the list
 * among those that fit them, which need not be the list's main type.
 */
function ambiguityWords(ambiguous: number): string {
  return `${formatCount(ambiguous)} could be more than one type (a bare number: read as the list's commonest type that fits); choose the type under “From” to change that`;
}

/**
 * The hint under the source select on "Detect automatically" when the ids are of several types,
 * or null when they are of one (the hint then names that type).
 * `ids`: the ids the input holds, to say when only the first ones were read.
 */
export function detectionMixHint(
  detection: Detection,
  ids: number,
  typeLabel: (type: IdTypeId) => string,
): string | null {
  const types = Object.entries(detection.mix).filter(([, count]) => count > 0);
  if (types.length < 2) return null;
  const words = mixWords(
    types.map(([type, count]) => ({ label: typeLabel(type), count })),
    detection.unrecognised,
  );
  const scope =
    detection.sampled < ids ? ` among the first ${formatCount(detection.sampled)} ids` : '';
  const ambiguous = detection.ambiguous > 0 ? ` ${ambiguityWords(detection.ambiguous)}.` : '';
  return `Mixed types${scope}: ${words}. Each id is mapped as its own type.${ambiguous}`;
}

/** For a list of one type: how many of its ids could be another type too, or null when none. */
export function detectionAmbiguityHint(detection: Detection): string | null {
  if (detection.ambiguous === 0 || !detection.type) return null;
  return `${ambiguityWords(detection.ambiguous)}.`;
}

/**
 * "Read as: 41 Gene symbol, 12 UniProt accession, 2 not recognised", the inputs of a run per source
 * type; null for a run of one source type.
 */
export function sourceMixLine(
  result: MapResult,
  typeLabel: (type: IdTypeId) => string,
): string | null {
  if (result.sourceTypes.length < 2) return null;
  const counts = tallyInputs(result.inputs.key, result.keys.type, NO_TYPE + 1);
  const types = result.sourceTypes.map((type, index) => ({
    label: typeLabel(type),
    count: counts[index],
  }));
  return `Read as: ${mixWords(types, counts[NO_TYPE])}`;
}
