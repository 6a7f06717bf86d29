/**
 * Opt-in round trip: every distinct target is mapped back to the source type over the best
 * paths in the other direction; a pair is confirmed when the way back reaches its source id.
 * (Walking the same edges backwards would confirm everything; the reverse *plan* may differ,
 * e.g. symbol → entrez through alias comes back through the approved symbol.)
 */
import { PAIR_CONFIRMED, PAIR_ROUND_TRIP } from '../../common/codes';
import type { PathInfo } from '../../api';
import type { StringDict } from '../packed/string-dict';
import type { PairSink } from './walk-path';

/** What the round trip needs of the engine: the reverse plan, and a run over given keys. */
export interface ReverseMapper {
  paths(source: string, target: string, maxHops: number): PathInfo[];
  mapKeys(keys: StringDict, paths: PathInfo[]): Promise<PairSink>;
}

const decoder = new TextDecoder();

export async function roundTripFlags(
  engine: ReverseMapper,
  sink: PairSink,
  source: string,
  target: string,
  maxHops: number,
  /** The pairs to check (those of one source type, in a mixed list); all when absent. */
  includes: (pair: number) => boolean = () => true,
): Promise<Uint8Array> {
  const flags = new Uint8Array(sink.pairs);
  const back = engine.paths(target, source, maxHops);
  if (back.length === 0) return flags;
  // Target ids are dense indexes into sink.targets, so the back run's key k is target k.
  const backSink = await engine.mapKeys(sink.targets, back);
  for (let p = 0; p < sink.pairs; p++) {
    if (!includes(p)) continue;
    const sourceId = sourceOf(sink, p);
    const t = sink.target.data[p];
    let confirmed = false;
    for (let j = backSink.keyFirst[t], end = j + backSink.keyCount[t]; j < end && !confirmed; j++) {
      confirmed = backSink.targets.get(backSink.target.data[j]) === sourceId;
    }
    flags[p] = PAIR_ROUND_TRIP | (confirmed ? PAIR_CONFIRMED : 0);
  }
  return flags;
}

/** The source id of pair `p` as the table spells it: the first element of its hop chain. */
function sourceOf(sink: PairSink, p: number): string {
  const offsets = sink.via.offsets.data;
  const text = decoder.decode(sink.via.bytes.subarray(offsets[p], offsets[p + 1]));
  return text.slice(0, text.indexOf(' > '));
}
