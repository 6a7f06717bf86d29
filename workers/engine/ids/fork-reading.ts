/**
 * A reading of the ids that one target's run may change without touching another's (#16: several
 * target types in one run). A run re-reads the ids it misses as other types (run/retry-types.ts)
 * and through the history (run/consult-history.ts), in place; each target starts from the reading
 * as it was before any run, so every target sees the same ids typed the same way. Reading them
 * again instead would not do: reading interns forms into the input's own dictionary.
 */
import type { IdReading } from './read-ids';

export function forkReading(reading: IdReading): IdReading {
  return {
    ...reading,
    types: [...reading.types],
    type: reading.type.slice(),
    bits: reading.bits?.slice() ?? null,
    start: reading.start?.slice() ?? null,
    members: reading.members?.slice() ?? null,
    memberBits: reading.memberBits?.slice() ?? null,
    // The dictionaries themselves are only ever read; a run adds spaces of its own.
    spaces: [...reading.spaces],
    early: reading.early.slice(),
    detail: new Map(reading.detail),
    retried: new Map(reading.retried),
    history: new Map(reading.history),
    historyDisagrees: new Map(reading.historyDisagrees),
    viaPrefix: new Map(reading.viaPrefix),
  };
}
