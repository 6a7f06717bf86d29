/**
 * Several target types in one run (#16), as one result: each type's run (same inputs, read the
 * same way) merged input by input — an input's pairs are the first type's, then the next's, with
 * `pairs.targetType` saying whose. Strings, paths, match types and reasons are renumbered into one
 * list each; nothing per pair is decoded.
 *
 * An input's status is the best any type gave it: `mapped` or `ambiguous` while one type found it
 * (ambiguous when one type found several), `unmapped` or `invalid` when none did; its reason names
 * each type that did not simply map it (`ensembl_gene: not in any table`), or is the types' one
 * reason when they agree.
 */
import type { MapResult, PathInfo } from '../../api';
import {
  INPUT_EXCEL_DATE,
  STATUS_AMBIGUOUS,
  STATUS_INVALID,
  STATUS_MAPPED,
  STATUS_UNMAPPED,
} from '../../common/codes';
import { concatAll, emptyStrings } from '../packed/concat-strings';
import { policyEffects } from './ambiguity-policy';
import { buildRows } from './result-rows';
import { recount } from './recount';

type Part = Omit<MapResult, 'runId'>;

export function mergeTargets<T extends Part>(parts: T[]): T {
  if (parts.length === 1) return parts[0];
  const [head] = parts;
  const { count } = head.inputs;

  const paths: PathInfo[] = [];
  const pathBase = parts.map((part) => {
    const base = paths.length;
    for (const path of part.paths) paths.push({ ...path, index: paths.length });
    return base;
  });
  const matchTypes: string[] = [];
  const matchOf = parts.map((part) =>
    Uint8Array.from(part.matchTypes, (n) => named(matchTypes, n)),
  );
  const targetBase = bases(parts.map((part) => part.pairs.target.strings.offsets.length - 1));
  const viaBase = bases(parts.map((part) => part.pairs.via.strings.offsets.length - 1));

  let total = 0;
  for (const part of parts) total += part.pairs.count;
  const status = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const pairStart = new Int32Array(count + 1);
  const input = new Int32Array(total);
  const targetIndex = new Int32Array(total);
  const targetType = new Uint8Array(total);
  const viaIndex = new Int32Array(total);
  const path = new Uint16Array(total);
  const match = new Uint8Array(total);
  const confidence = new Float32Array(total);
  const pairFlags = new Uint8Array(total);
  const reasons = new Phrases();
  const reason = new Uint16Array(head.keys.count);
  const reasonDone = new Uint8Array(head.keys.count);
  let out = 0;
  for (let i = 0; i < count; i++) {
    pairStart[i] = out;
    // An id is an Excel date only where no type found it; the other flags hold for any.
    let any = 0;
    let all = INPUT_EXCEL_DATE;
    for (let j = 0; j < parts.length; j++) {
      const { pairs, inputs } = parts[j];
      any |= inputs.flags[i];
      all &= inputs.flags[i];
      for (let p = inputs.pairStart[i]; p < inputs.pairStart[i + 1]; p++, out++) {
        input[out] = i;
        targetIndex[out] = targetBase[j] + pairs.target.index[p];
        targetType[out] = j;
        viaIndex[out] = viaBase[j] + pairs.via.index[p];
        path[out] = pathBase[j] + pairs.path[p];
        match[out] = matchOf[j][pairs.match[p]];
        confidence[out] = pairs.confidence[p];
        pairFlags[out] = pairs.flags[p];
      }
    }
    flags[i] = (any & ~INPUT_EXCEL_DATE) | all;
    status[i] = bestStatus(parts, i);
    const k = head.inputs.key[i];
    if (!reasonDone[k]) {
      reasonDone[k] = 1;
      reason[k] = reasons.at(reasonOf(parts, i));
    }
  }
  pairStart[count] = out;

  const inputs = { ...head.inputs, status, flags, pairStart };
  const { labels, refs, values } = head.attributes;
  const others = parts
    .slice(1)
    .map((part) => emptyStrings(part.pairs.target.strings.offsets.length - 1));
  return {
    ...head,
    targets: parts.map((part) => part.target),
    paths,
    matchTypes,
    inputs,
    keys: { ...head.keys, reason },
    reasons: reasons.list,
    pairs: {
      count: total,
      input,
      target: {
        strings: concatAll(parts.map((part) => part.pairs.target.strings)),
        index: targetIndex,
      },
      targetType,
      via: { strings: concatAll(parts.map((part) => part.pairs.via.strings)), index: viaIndex },
      path,
      match,
      confidence,
      flags: pairFlags,
    },
    rows: buildRows(inputs),
    attributes: { refs, labels, values: values.map((column) => concatAll([column, ...others])) },
    reviewed: reviewedOf(parts),
    summary: recount(head.summary, status, flags, total),
    notes: [...new Set(parts.flatMap((part) => part.notes))],
    policyEffects: policyEffects(...parts),
  };
}

/** Where each list's numbers start once the lists are one. */
function bases(counts: number[]): number[] {
  let at = 0;
  return counts.map((n) => {
    const base = at;
    at += n;
    return base;
  });
}

/** The index of `name` in `list`, added at the end when new (match types: a few). */
function named(list: string[], name: string): number {
  const at = list.indexOf(name);
  return at >= 0 ? at : list.push(name) - 1;
}

/**
 * The merged reasons, numbered as they come (`''` is 0). A Uint16 holds 65,535 phrases: past
 * that, new ones lose their details, as reasons.ts does (a list of 80k retired ids has a detail
 * each).
 */
class Phrases {
  readonly list = [''];
  readonly #at = new Map<string, number>([['', 0]]);

  at(phrase: string): number {
    let at = this.#at.get(phrase);
    if (at !== undefined) return at;
    if (this.list.length >= 65535)
      phrase = phrase
        .split('; ')
        .map((part) => part.replace(/ \(.*\)$/, ''))
        .join('; ');
    at = this.#at.get(phrase) ?? this.list.push(phrase) - 1;
    this.#at.set(phrase, at);
    return at;
  }
}

/** Input i's status over every type: the best of theirs (see the module's comment). */
function bestStatus(parts: Part[], i: number): number {
  let found = false;
  let ambiguous = false;
  let invalid = true;
  for (const part of parts) {
    const s = part.inputs.status[i];
    if (s === STATUS_MAPPED || s === STATUS_AMBIGUOUS) found = true;
    if (s === STATUS_AMBIGUOUS) ambiguous = true;
    if (s !== STATUS_INVALID) invalid = false;
  }
  if (found) return ambiguous ? STATUS_AMBIGUOUS : STATUS_MAPPED;
  return invalid ? STATUS_INVALID : STATUS_UNMAPPED;
}

/** Input i's reason: the types' one reason, or each type's that has one, named by the type. */
function reasonOf(parts: Part[], i: number): string {
  const phrases = parts.map((part) => part.reasons[part.keys.reason[part.inputs.key[i]]]);
  if (phrases.every((phrase) => phrase === phrases[0])) return phrases[0];
  return phrases
    .map((phrase, j) => (phrase === '' ? '' : `${parts[j].target}: ${phrase}`))
    .filter((phrase) => phrase !== '')
    .join('; ');
}

/** Each type's reviewed flags in turn (REVIEW_UNKNOWN, 0, where a type has none). */
function reviewedOf(parts: Part[]): Uint8Array | null {
  if (parts.every((part) => part.reviewed === null)) return null;
  const counts = parts.map((part) => part.pairs.target.strings.offsets.length - 1);
  const reviewed = new Uint8Array(counts.reduce((a, b) => a + b, 0));
  let at = 0;
  parts.forEach((part, j) => {
    if (part.reviewed) reviewed.set(part.reviewed, at);
    at += counts[j];
  });
  return reviewed;
}
