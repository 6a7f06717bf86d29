/**
 * What `auto` made of a list: how many ids were read as each type (each id on its own, see
 * read-ids.ts), how many as none, and how many a pattern alone could not settle.
 */
import type { Detection } from '../../api';
import { NO_TYPE } from '../../common/codes';
import { EARLY_AMBIGUOUS, type IdReading } from './read-ids';

/** Counts inputs (`keyOf`: the row key of each), duplicates included, as the id count does. */
export function detectionOf(reading: IdReading, keyOf: Int32Array): Detection {
  const perType = new Int32Array(reading.types.length);
  let unrecognised = 0;
  let ambiguous = 0;
  for (const k of keyOf) {
    const t = reading.type[k];
    if (t === NO_TYPE) unrecognised++;
    else perType[t]++;
    if (reading.early[k] === EARLY_AMBIGUOUS) ambiguous++;
  }
  const mix: Record<string, number> = {};
  reading.types.forEach((type, t) => (mix[type] = perType[t]));
  const type = reading.types[0] ?? null;
  const sampled = keyOf.length;
  return {
    type,
    share: type && sampled ? mix[type] / sampled : 0,
    counts: { ...mix },
    mix,
    unrecognised,
    ambiguous,
    sampled,
  };
}

/** The run's note on what was detected: one type, or the mix each id was read in. */
export function detectionNote(detection: Detection): string {
  const types = Object.entries(detection.mix).filter(([, n]) => n > 0);
  const extras: string[] = [];
  if (detection.unrecognised > 0) extras.push(`${detection.unrecognised} not recognised`);
  if (detection.ambiguous > 0)
    extras.push(
      `${detection.ambiguous} that several types fit (a bare number): each read as the list's commonest type that fits, and as the others when that missed`,
    );
  const tail = extras.length > 0 ? `; ${extras.join(', ')}` : '';
  if (types.length <= 1) {
    return `Source type detected as ${detection.type} (${Math.round(detection.share * 100)} % of ids)${tail}.`;
  }
  const mix = types.map(([type, n]) => `${n} ${type}`).join(', ');
  return `A mixed list: each id was read as its own type and mapped along that type's paths (${mix}${tail}).`;
}
