/**
 * Walks distinct input keys along ranked paths, one step at a time over whole batches: every
 * frontier is a set of typed arrays (key, id, parent, match bits), so a million inputs cost a few
 * linear passes and no per-id objects. Keys a path leaves unmapped go on to the next path.
 */
import type { PathInfo } from '../../api';
import { IntBuffer, StringsBuffer } from '../packed/growable-buffers';
import { MATCH_COMPOSITE, MATCH_ISOFORM } from '../ids/id-types';
import { StringDict } from '../packed/string-dict';
import { RECORD_COMPOSITE, RECORD_ISOFORM, type PackedTable } from '../tables/packed-table';

export interface ExecStep {
  table: PackedTable;
  from: number;
  to: number;
}

export interface ExecPath {
  info: PathInfo;
  steps: ExecStep[];
}

export interface StepTiming {
  path: number;
  step: number;
  ms: number;
  inputs: number;
  outputs: number;
}

const VIA_SEPARATOR = new TextEncoder().encode(' > ');
const CHAIN = new Int32Array(64);

/** Pairs found per distinct key; the pairs of one key are contiguous. */
export class PairSink {
  keyFirst: Int32Array;
  keyCount: Int32Array;
  /**
   * Per key, 1 + the index of the first path whose first table holds it (0: none did), so a miss
   * can say "in uniprot, no path to …" without being looked up again.
   */
  firstHit: Uint16Array;
  readonly target = new IntBuffer();
  readonly path = new IntBuffer();
  readonly bits = new IntBuffer();
  readonly hops = new IntBuffer();
  readonly via = new StringsBuffer();
  /** Distinct target strings across all paths, so convergence is judged by the id itself. */
  readonly targets = new StringDict();

  constructor(keys: number) {
    this.keyFirst = new Int32Array(keys).fill(-1);
    this.keyCount = new Int32Array(keys);
    this.firstHit = new Uint16Array(keys);
  }

  get pairs(): number {
    return this.target.length;
  }

  /** Room for keys numbered up to `keys` (ids looked up again as another type get new numbers). */
  grow(keys: number): void {
    if (keys <= this.keyFirst.length) return;
    const first = new Int32Array(keys).fill(-1);
    first.set(this.keyFirst);
    const count = new Int32Array(keys);
    count.set(this.keyCount);
    const hit = new Uint16Array(keys);
    hit.set(this.firstHit);
    this.keyFirst = first;
    this.keyCount = count;
    this.firstHit = hit;
  }

  /** A key that is its own target (an id already of the target type), as the table spells it. */
  addSelf(key: number, bytes: Uint8Array, path: number, bits: number): void {
    if (this.keyCount[key] === 0) this.keyFirst[key] = this.pairs;
    this.keyCount[key]++;
    this.target.push(this.targets.intern(bytes, 0, bytes.length));
    this.path.push(path);
    this.bits.push(bits);
    this.hops.push(1);
    this.via.append(bytes);
    this.via.end();
  }
}

class Frontier {
  readonly key = new IntBuffer();
  readonly id = new IntBuffer();
  readonly parent = new IntBuffer();
  readonly bits = new IntBuffer();
  /** The id in the previous step's target column that led here (-1 at level 0). */
  readonly via = new IntBuffer();

  add(key: number, id: number, parent: number, bits: number, via: number): void {
    this.key.push(key);
    this.id.push(id);
    this.parent.push(parent);
    this.bits.push(bits);
    this.via.push(via);
  }

  get length(): number {
    return this.key.length;
  }
}

/**
 * Ids of `col` in `table` matching `key`: exact first, else with the type's relaxations applied
 * one more at a time (e.g. uniprot: prefix, then case, then isoform). The bits name the
 * relaxations that changed the key (or the last one tried, when only the table's keys changed).
 */
export function resolveKey(
  table: PackedTable,
  col: number,
  bytes: Uint8Array,
  text: () => string,
  out: (id: number, bits: number) => void,
): boolean {
  const id = table.columns[col].dict.lookup(bytes, 0, bytes.length);
  if (id >= 0) {
    out(id, 0);
    return true;
  }
  if (table.cannotRelax(col, bytes)) return false;
  const key = text();
  const transforms = table.transformsOf(col);
  let relaxed = key;
  let bits = 0;
  for (let level = 1; level <= transforms.length; level++) {
    const transform = transforms[level - 1];
    const next = transform.apply(relaxed) ?? relaxed;
    if (next !== relaxed) bits |= transform.bit;
    relaxed = next;
    // Nothing relaxed on either side: the exact lookup above already answered.
    if (bits === 0 && table.relaxationIsIdentity(col, level)) continue;
    const hit = table.relaxedLookup(col, level, relaxed);
    if (!hit) continue;
    const [ids, start, end] = hit;
    for (let i = start; i < end; i++) out(ids[i], bits || transform.bit);
    return true;
  }
  return false;
}

/**
 * Maps lookup keys `pending` along `path`, adding pairs to `sink`, and returns those still
 * unmapped. Key `g` is `keys[g - base]`: each type's keys have their own dictionary, numbered in
 * one space from `base` on (see ids/read-ids.ts), so one sink holds the pairs of every type.
 */
export function runPath(
  path: ExecPath,
  keys: StringDict,
  pending: Int32Array,
  sink: PairSink,
  timings: StepTiming[],
  base = 0,
): Int32Array {
  const levels: Frontier[] = [new Frontier()];
  let t = performance.now();
  const first = path.steps[0];
  const hit = path.info.index + 1;
  for (const g of pending) {
    const k = g - base;
    const found = resolveKey(
      first.table,
      first.from,
      keys.bytesOf(k),
      () => keys.get(k),
      (id, bits) => levels[0].add(g, id, -1, bits, -1),
    );
    if (found && sink.firstHit[g] === 0) sink.firstHit[g] = hit;
  }
  timings.push({
    path: path.info.index,
    step: -1,
    ms: performance.now() - t,
    inputs: pending.length,
    outputs: levels[0].length,
  });

  for (let s = 0; s < path.steps.length; s++) {
    t = performance.now();
    const step = path.steps[s];
    const current = levels[s];
    const csr = step.table.edges(step.from, step.to);
    const last = s === path.steps.length - 1;
    const next = new Frontier();
    const translate = last ? null : new Translator(step, path.steps[s + 1]);
    const seen = new Int32Array(step.table.columns[step.to].dict.size);
    for (let e = 0; e < current.length; e++) {
      const key = current.key.data[e];
      const id = current.id.data[e];
      const bits = current.bits.data[e];
      for (let j = csr.start[id]; j < csr.start[id + 1]; j++) {
        const to = csr.target[j];
        // Keys arrive grouped, so stamping key + 1 dedupes per key without clearing.
        if (seen[to] === key + 1) continue;
        seen[to] = key + 1;
        const flags = csr.composite[j];
        const edgeBits =
          bits |
          (flags & RECORD_COMPOSITE ? MATCH_COMPOSITE : 0) |
          (flags & RECORD_ISOFORM ? MATCH_ISOFORM : 0);
        if (last) emit(path, levels, sink, key, e, to, edgeBits);
        else translate!.each(to, (nextId, extra) => next.add(key, nextId, e, edgeBits | extra, to));
      }
    }
    levels.push(next);
    const outputs = last ? sink.pairs : next.length;
    timings.push({
      path: path.info.index,
      step: s,
      ms: performance.now() - t,
      inputs: current.length,
      outputs,
    });
  }
  const unmapped = new IntBuffer(pending.length);
  for (const k of pending) if (sink.keyCount[k] === 0) unmapped.push(k);
  return unmapped.toArray();
}

function emit(
  path: ExecPath,
  levels: Frontier[],
  sink: PairSink,
  key: number,
  entry: number,
  to: number,
  bits: number,
): void {
  const lastStep = path.steps[path.steps.length - 1];
  const targetDict = lastStep.table.columns[lastStep.to].dict;
  if (sink.keyCount[key] === 0) sink.keyFirst[key] = sink.pairs;
  sink.keyCount[key]++;
  const targetBytes = targetDict.bytesOf(to);
  sink.target.push(sink.targets.intern(targetBytes, 0, targetBytes.length));
  sink.path.push(path.info.index);
  sink.bits.push(bits);
  sink.hops.push(path.steps.length);
  // Walk parents back to level 0, then write the chain source → … → target.
  const chain = CHAIN;
  let depth = 0;
  let e = entry;
  for (let level = levels.length - 1; level >= 0; level--) {
    chain[depth++] = level === 0 ? levels[0].id.data[e] : levels[level].via.data[e];
    e = levels[level].parent.data[e];
  }
  for (let level = 0; level < depth; level++) {
    const id = chain[depth - 1 - level];
    const dict =
      level === 0
        ? path.steps[0].table.columns[path.steps[0].from].dict
        : path.steps[level - 1].table.columns[path.steps[level - 1].to].dict;
    dict.writeTo(id, sink.via);
    sink.via.append(VIA_SEPARATOR);
  }
  targetDict.writeTo(to, sink.via);
  sink.via.end();
}

/** Carries an id from one step's target column into the next step's source column, memoised. */
class Translator {
  readonly #cache: Int32Array;
  readonly #relaxed = new Map<number, { ids: number[]; bits: number }>();

  constructor(
    readonly from: ExecStep,
    readonly to: ExecStep,
  ) {
    this.#cache = new Int32Array(from.table.columns[from.to].dict.size).fill(-2);
  }

  each(id: number, out: (nextId: number, bits: number) => void): void {
    if (this.from.table === this.to.table && this.from.to === this.to.from) return out(id, 0);
    let cached = this.#cache[id];
    if (cached === -2) cached = this.#fill(id);
    if (cached >= 0) return out(cached, 0);
    if (cached === -3) {
      const relaxed = this.#relaxed.get(id)!;
      for (const nextId of relaxed.ids) out(nextId, relaxed.bits);
    }
  }

  #fill(id: number): number {
    const bytes = this.from.table.columns[this.from.to].dict.bytesOf(id);
    const exact = this.to.table.columns[this.to.from].dict.lookup(bytes, 0, bytes.length);
    if (exact >= 0) return (this.#cache[id] = exact);
    const ids: number[] = [];
    let bits = 0;
    const dict = this.from.table.columns[this.from.to].dict;
    resolveKey(
      this.to.table,
      this.to.from,
      bytes,
      () => dict.get(id),
      (nextId, b) => {
        ids.push(nextId);
        bits = b;
      },
    );
    if (ids.length === 0) return (this.#cache[id] = -1);
    this.#relaxed.set(id, { ids, bits });
    return (this.#cache[id] = -3);
  }
}
