/**
 * The `via` strings of a result: the sink's own, one per sink pair, which every input reaching
 * that pair shares; and, for a group member whose id was first resolved through its history, the
 * same path behind that history (`old > new > …`), made once per member and pair.
 */
import type { PackedStrings } from '../../api';
import { concatStrings } from '../packed/concat-strings';
import { StringsBuffer } from '../packed/growable-buffers';
import type { PairSink } from '../run/walk-path';

const encoder = new TextEncoder();

export class PrefixedVias {
  readonly #sink: PairSink;
  readonly #prefixes: Map<number, string>;
  readonly #extra = new StringsBuffer(256);
  /** Index of each (member, pair) string made so far. */
  readonly #made = new Map<number, number>();

  constructor(sink: PairSink, prefixes: Map<number, string>) {
    this.#sink = sink;
    this.#prefixes = prefixes;
  }

  /** The index of pair `p`'s path as reached from `member` (-1: the key itself). */
  of(p: number, member: number): number {
    if (member < 0 || this.#prefixes.size === 0) return p;
    const prefix = this.#prefixes.get(member);
    if (!prefix) return p;
    const base = this.#sink.via.count;
    const key = member * base + p;
    let index = this.#made.get(key);
    if (index === undefined) {
      this.#extra.append(encoder.encode(prefix));
      this.#extra.copyFrom(this.#sink.via.toPacked(), p);
      index = base + this.#extra.count - 1;
      this.#made.set(key, index);
    }
    return index;
  }

  /** The sink's strings, then those made here. */
  strings(): PackedStrings {
    const own = this.#sink.via.toPacked();
    if (this.#extra.count === 0) return own;
    return concatStrings(own, this.#extra.toPacked());
  }
}
