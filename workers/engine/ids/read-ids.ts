/**
 * Reads every distinct input id before mapping: which type it is (the chosen source, or on `auto`
 * its own type — a mixed list maps each id along its own paths), which keys it is looked up as
 * (its form undone; a protein group's members) and what is already known to be wrong with it (a
 * decoy, a prefix naming another type). Lookup keys live in one dictionary per type, numbered in
 * one space so a single PairSink holds every type's pairs: type 0's dictionary is the input's own
 * keys, so a plain list of one type is looked up with no copy at all.
 */
import { NO_TYPE } from '../../common/codes';
import { IntBuffer } from '../packed/growable-buffers';
import { StringDict } from '../packed/string-dict';
import { idType, looksLike, MATCH_GROUP } from './id-types';
import { canonicalForm, hasCanonicalPrefix, mayHaveForm, readForm, type IdForm } from './id-forms';
import { pick, rankTypes, type IdCandidates, type IdReader } from './id-reader';
import type { ParsedInput } from './parse-input';
import type { Resolution } from '../run/history';

/** What is known to be wrong with an id before it is looked up (`IdReading.early`). */
export const EARLY_NONE = 0;
export const EARLY_DECOY = 1;
/** Its prefix names another type than the chosen source (`detail`: that type). */
export const EARLY_NAMES_OTHER = 2;
/** Its prefix names a type no enabled table has (`detail`: the prefix). */
export const EARLY_NO_TABLE = 3;
/** Shaped like no known type (`auto` only). */
export const EARLY_NOT_RECOGNISED = 4;
/** Several types fit (a bare number); read as the list's most common of them (`detail`: the others). */
export const EARLY_AMBIGUOUS = 5;
/** Its form names another type than the chosen source (`sp|…`, `P04637.2`; `detail`: that type). */
export const EARLY_SHAPED_OTHER = 6;
/** Withdrawn, with no successor (set by the history, run/consult-history.ts). */
export const EARLY_WITHDRAWN = 7;

export interface IdReading {
  /** Distinct input ids (the input's keys before any lookup key was added). */
  rowKeys: number;
  /** The types ids are read as; `type` indexes into it; 0 is the source (on auto: the commonest). */
  types: string[];
  /** Per row key: index into `types`, or NO_TYPE. */
  type: Uint8Array;
  /** Per row key: MATCH_* bits of its form (and MATCH_GROUP); null when every id is plain. */
  bits: Uint16Array | null;
  /** Row key k is looked up as `members[start[k] .. start[k+1]]`; null: as itself, one key each. */
  start: Int32Array | null;
  members: Int32Array | null;
  /** Per member of a group, the MATCH_* bits of its own form (`CON__…`); null with `members`. */
  memberBits: Uint16Array | null;
  /**
   * Dictionaries of lookup keys, each numbered from its `base` on, bases ascending; the first
   * `types.length` are the types' own (space t is type t's). A retry adds more (see below).
   */
  spaces: { dict: StringDict; base: number; type: number }[];
  /** Lookup keys in all. */
  size: number;
  /** Per type index: the lookup keys to map as that type. */
  pending: Int32Array[];
  early: Uint8Array;
  detail: Map<number, string>;
  /** Row keys read as protein groups. */
  groups: number;
  /**
   * On auto, the types each row key fits, the one it was read as first (`setOf[k]` indexes
   * `alternatives`): an id the first misses is looked up as the others (run/retry-types.ts).
   */
  alternatives: string[][] | null;
  setOf: Uint16Array | null;
  /** Row keys found only as another type that fits: row key → the type they were read as first. */
  retried: Map<number, string>;
  /** Row keys no current table knows that a history table resolved (run/consult-history.ts). */
  history: Map<number, Resolution>;
  /** Row keys a current table knows although a history table retired them. */
  historyDisagrees: Map<number, Resolution>;
  /** Per member (index into `members`), the retired ids before it in its hop chain (`4 > `). */
  viaPrefix: Map<number, string>;
}

const SEMICOLON = 59;
const PLAIN: IdForm = { id: '', bits: 0, decoy: false, named: null };

interface Read {
  form: IdForm | null;
  /** A group's members, each with its own form. */
  parts: IdForm[] | null;
  cand: IdCandidates | null;
}

/**
 * Reads the row keys of `input` as `source` (a type id, or `auto`). `reader` knows the types the
 * enabled tables have and which tables in memory hold an id.
 */
export function readIds(input: ParsedInput, source: string, reader: IdReader): IdReading {
  const keys = input.keys;
  const rowKeys = keys.size;
  const auto = source === 'auto';
  const sourceType = auto ? null : idType(source);
  // A bare `15377` given as ChEBI ids is read as `CHEBI:15377`: every id is looked at.
  const canonicalPrefix = sourceType !== null && hasCanonicalPrefix(sourceType);
  // `mesh:D000001` names the `mesh` type of a user's SSSOM file, though no Bioregistry synonym does.
  const typeNamed = (prefix: string) => (reader.available.has(prefix) ? prefix : undefined);
  const { pool, offsets } = keys.parts();
  const byLines = input.rule === 'lines';
  const reads = new Map<number, Read>();
  // Candidate sets are few (`[entrez, omim]`, `[uniprot]`, …): interned, one small id per key.
  const sets: IdCandidates[] = [];
  const setIndex = new Map<string | number, number>();
  const setOf = auto ? new Uint16Array(rowKeys) : null;
  for (let k = 0; k < rowKeys; k++) {
    const from = offsets[k];
    const to = offsets[k + 1];
    const group = byLines && hasByte(pool, from, to, SEMICOLON);
    const formless = !group && !mayHaveForm(pool, from, to);
    if (!auto && formless && !canonicalPrefix) continue;
    const key = keys.get(k);
    const parts = group ? groupParts(key, reader, sourceType) : null;
    const plain = formless;
    const form = parts ? null : plain ? { ...PLAIN, id: key } : readForm(key, typeNamed);
    if (form && sourceType && !form.named) form.id = canonicalForm(sourceType, form.id);
    if (!auto) {
      if (parts || form!.bits || form!.decoy || form!.named || form!.id !== key)
        reads.set(k, { form, parts, cand: null });
      continue;
    }
    const cand = parts ? groupCandidates(parts, reader) : reader.candidates(key, form!);
    const name = setName(cand, reader);
    let set = setIndex.get(name);
    if (set === undefined) {
      set = sets.push({ ...cand, form: PLAIN }) - 1;
      setIndex.set(name, set);
    }
    setOf![k] = set;
    if (!plain && (parts || form!.bits || form!.decoy || form!.named || form!.id !== key))
      reads.set(k, { form, parts, cand });
  }

  // The list's ranking: types by how many ids only they fit.
  const typeOfKey = new Uint8Array(rowKeys);
  let types: string[];
  let alternatives: string[][] | null = null;
  if (auto) {
    const perSet = new Int32Array(sets.length);
    for (let k = 0; k < rowKeys; k++) perSet[setOf![k]]++;
    const votes = new Map<string, number>();
    sets.forEach((s, i) => {
      if (s.types.length === 1) votes.set(s.types[0], (votes.get(s.types[0]) ?? 0) + perSet[i]);
    });
    const ranking = rankTypes(votes, reader);
    const chosen = sets.map((s) => (s.types.length ? pick(s.types, ranking) : null));
    alternatives = sets.map((s, i) =>
      s.namedElsewhere
        ? []
        : [chosen[i]!, ...ranking.filter((t) => t !== chosen[i] && s.types.includes(t))],
    );
    const counts = new Map<string, number>();
    chosen.forEach((t, i) => t && counts.set(t, (counts.get(t) ?? 0) + perSet[i]));
    types = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
    const index = chosen.map((t) => (t ? types.indexOf(t) : NO_TYPE));
    for (let k = 0; k < rowKeys; k++) typeOfKey[k] = index[setOf![k]];
  } else types = [source];

  const reading = layOut(input, types, typeOfKey, reads, auto ? sets : null, setOf);
  return { ...reading, alternatives, setOf };
}

function layOut(
  input: ParsedInput,
  types: string[],
  typeOfKey: Uint8Array,
  reads: Map<number, Read>,
  sets: IdCandidates[] | null,
  setOf: Uint16Array | null,
): Omit<IdReading, 'alternatives' | 'setOf'> {
  const keys = input.keys;
  const rowKeys = keys.size;
  const early = new Uint8Array(rowKeys);
  const detail = new Map<number, string>();
  const dicts = types.map((_, i) => (i === 0 ? keys : new StringDict(256)));
  let groups = 0;
  // Row keys a type other than 0 has, and those with a form, need a lookup key of their own.
  const identity = reads.size === 0 && !typeOfKey.some((t) => t !== 0);
  if (sets) {
    for (let k = 0; k < rowKeys; k++) {
      const set = sets[setOf![k]];
      if (typeOfKey[k] === NO_TYPE) {
        early[k] = set.namedElsewhere ? EARLY_NO_TABLE : EARLY_NOT_RECOGNISED;
        if (set.namedElsewhere) detail.set(k, reads.get(k)?.form?.prefix ?? '');
      } else if (set.ambiguous) {
        early[k] = EARLY_AMBIGUOUS;
        detail.set(k, set.types.filter((t) => t !== types[typeOfKey[k]]).join(', '));
      }
    }
  }
  if (identity) {
    return {
      rowKeys,
      types,
      type: typeOfKey,
      bits: null,
      start: null,
      members: null,
      memberBits: null,
      spaces: [{ dict: keys, base: 0, type: 0 }],
      size: rowKeys,
      pending: [Int32Array.from({ length: rowKeys }, (_, k) => k)],
      early,
      detail,
      groups: 0,
      ...noHistory(),
    };
  }
  const bits = new Uint16Array(rowKeys);
  const start = new Int32Array(rowKeys + 1);
  const local = new IntBuffer(rowKeys + 16);
  const space = new IntBuffer(rowKeys + 16);
  const formOf = new IntBuffer(rowKeys + 16);
  const add = (t: number, id: number, form = 0) => {
    local.push(id);
    space.push(t);
    formOf.push(form);
  };
  for (let k = 0; k < rowKeys; k++) {
    start[k] = local.length;
    const t = typeOfKey[k];
    if (t === NO_TYPE) continue;
    const read = reads.get(k);
    if (!read) {
      add(t, t === 0 ? k : dicts[t].internString(keys.get(k)));
      continue;
    }
    const { form, parts } = read;
    const type = types[t];
    if (parts) {
      groups++;
      // Each member keeps its own form (`P02768;CON__P07550`: only the second is a contaminant).
      bits[k] = MATCH_GROUP;
      for (const part of parts) {
        if (part.decoy) continue;
        const id = dicts[t].internString(part.id);
        // `P1;P1` has one member.
        if (!localIncludes(local, space, start[k], id, t)) add(t, id, part.bits);
      }
      if (local.length === start[k]) early[k] = EARLY_DECOY;
      continue;
    }
    bits[k] = form!.bits;
    if (form!.decoy) early[k] = EARLY_DECOY;
    else if (form!.named && !form!.named.includes(type)) {
      early[k] = form!.prefix ? EARLY_NAMES_OTHER : EARLY_SHAPED_OTHER;
      detail.set(k, otherType(form!));
    } else add(t, dicts[t].internString(form!.id));
  }
  start[rowKeys] = local.length;

  const bases: number[] = [];
  let size = 0;
  for (const dict of dicts) {
    bases.push(size);
    size += dict.size;
  }
  const members = new Int32Array(local.length);
  const wanted = new Uint8Array(size);
  const pending = types.map(() => new IntBuffer(16));
  for (let m = 0; m < local.length; m++) {
    const t = space.data[m];
    const g = bases[t] + local.data[m];
    members[m] = g;
    if (!wanted[g]) {
      wanted[g] = 1;
      pending[t].push(g);
    }
  }
  return {
    rowKeys,
    types,
    type: typeOfKey,
    bits,
    start,
    members,
    memberBits: Uint16Array.from(formOf.data.subarray(0, formOf.length)),
    spaces: dicts.map((dict, t) => ({ dict, base: bases[t], type: t })),
    size,
    pending: pending.map((p) => p.toArray()),
    early,
    detail,
    groups,
    ...noHistory(),
  };
}

/**
 * The parts of a line `P0DP23;P0DP24` when each is shaped like an id of one type (the source's,
 * or on auto one type for all); null for any other line, which is looked up whole.
 */
function groupParts(
  key: string,
  reader: IdReader,
  sourceType: ReturnType<typeof idType> | null,
): IdForm[] | null {
  const parts = key.split(';').map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => part === '')) return null;
  const forms = parts.map((part) =>
    readForm(part, (p) => (reader.available.has(p) ? p : undefined)),
  );
  if (sourceType) {
    // A type with no pattern cannot tell an id from a line of words: no groups.
    if (!sourceType.regex) return null;
    const fits = (f: IdForm) =>
      looksLike(sourceType, f.id) && (!f.named || f.named.includes(sourceType.id));
    return forms.every(fits) ? forms : null;
  }
  return groupCandidates(forms, reader).types.length > 0 ? forms : null;
}

/** The types every part of a group fits (patterned types only: words are no group). */
function groupCandidates(parts: IdForm[], reader: IdReader): IdCandidates {
  let types: string[] | null = null;
  for (const part of parts) {
    const cand = reader.candidates(part.id, part);
    const patterned = cand.types.filter((t) => idType(t).regex && looksLike(idType(t), part.id));
    types = types ? types.filter((t) => patterned.includes(t)) : patterned;
  }
  return {
    form: PLAIN,
    types: types ?? [],
    ambiguous: (types?.length ?? 0) > 1,
    namedElsewhere: false,
  };
}

function localIncludes(
  local: IntBuffer,
  space: IntBuffer,
  from: number,
  id: number,
  t: number,
): boolean {
  for (let j = from; j < local.length; j++)
    if (local.data[j] === id && space.data[j] === t) return true;
  return false;
}

/** The type a prefix names, the one the id is shaped like when it names several (`ensembl:`). */
function otherType(form: IdForm): string {
  const shaped = form.named!.find((t) => looksLike(idType(t), form.id));
  return shaped ?? form.named![0];
}

/** A candidate set's identity: one number for the usual sets, a string for the rare others. */
function setName(cand: IdCandidates, reader: IdReader): string | number {
  // Every name gets the reader's own free-text list: one id for all of them, no string built.
  if (cand.types === reader.freeText && !cand.namedElsewhere) return -1;
  if (cand.types.length === 1 && !cand.ambiguous && !cand.namedElsewhere) {
    let id = typeNumbers.get(cand.types[0]);
    if (id === undefined) typeNumbers.set(cand.types[0], (id = typeNumbers.size));
    return id;
  }
  return `${cand.types.join(',')}|${cand.ambiguous}|${cand.namedElsewhere}`;
}

const typeNumbers = new Map<string, number>();

function hasByte(bytes: Uint8Array, from: number, to: number, byte: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] === byte) return true;
  return false;
}

function noHistory() {
  return {
    retried: new Map(),
    history: new Map(),
    historyDisagrees: new Map(),
    viaPrefix: new Map(),
  };
}

/** The first lookup key row key `k` stands for (its only one, but for a group). */
export function firstMember(reading: IdReading, k: number): number {
  return reading.start ? reading.members![reading.start[k]] : k;
}
