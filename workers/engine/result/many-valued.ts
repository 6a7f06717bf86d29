/**
 * Ambiguity counts answers, not targets (#16): a pair whose path ends in a column declared
 * many-valued (a gene's GO annotations, a protein's organs) is one answer with every other pair
 * that came from the same id before that last step; any other pair is an answer of its own. An
 * input with one answer is `mapped`, and its confidence is not divided among the values.
 */
import { StringDict } from '../packed/string-dict';
import type { PairSink } from '../run/walk-path';

const SPACE = 32;
const ARROW = 62; // `>` of the ` > ` between the ids of a hop chain

/**
 * Per sink pair, its answer: the target (≥ 0), or for a many-valued last step -1 − the id of the
 * hop chain before that step. Null when no path of the run ends in a many-valued column.
 */
export function answersOf(sink: PairSink, pathMany: boolean[]): Int32Array | null {
  if (!pathMany.includes(true)) return null;
  const before = new StringDict();
  const { bytes, offsets } = sink.via.toPacked();
  const answers = new Int32Array(sink.pairs);
  for (let p = 0; p < sink.pairs; p++) {
    if (!pathMany[sink.path.data[p]]) {
      answers[p] = sink.target.data[p];
      continue;
    }
    const start = offsets[p];
    let cut = offsets[p + 1] - 1;
    while (cut > start + 1 && !(bytes[cut] === ARROW && bytes[cut - 1] === SPACE)) cut--;
    answers[p] = -1 - before.intern(bytes, start, Math.max(start, cut - 1));
  }
  return answers;
}

/**
 * How many distinct answers the sink pairs `pairs[from, to)` give (without `pairs`: the sink
 * pairs `from` to `to` themselves).
 */
export function answerCount(
  answers: Int32Array,
  from: number,
  to: number,
  pairs?: Int32Array,
): number {
  if (to - from <= 1) return to - from;
  const seen = new Set<number>();
  for (let j = from; j < to; j++) seen.add(answers[pairs ? pairs[j] : j]);
  return seen.size;
}
