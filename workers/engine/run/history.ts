/**
 * What became of an id no current table knows, from its type's history tables (`ncbi_history`
 * for NCBI Gene ids, `hgnc_symbol_history` for human symbols, ChEBI's secondary ids …): replaced,
 * merged, split, withdrawn, or a secondary id of a primary one. Chains are followed (HGNC has
 * them) until an id a current table knows, so `A → B → C` ends at the current C.
 */
import type { HistoryColumns } from '../tables/catalog';
import type { PackedTable } from '../tables/packed-table';
import { resolveKey } from './walk-path';

export type HistoryKind = 'replaced' | 'merged' | 'split' | 'withdrawn' | 'secondary';

export interface Resolution {
  kind: HistoryKind;
  /** ISO date of the first event, when the source gives one (NCBI does, HGNC does not). */
  date: string;
  /** Each way to a successor: the ids passed, the retired id first, the current one last. */
  chains: string[][];
  /** Successors that were withdrawn in turn (`HGNC:876 → HGNC:832`, itself withdrawn): no target. */
  withdrawnEnds: string[];
}

const MAX_CHAIN = 8;
const encoder = new TextEncoder();

/** One history table: `old`, `new` (typed), `event`, `date`, read row by row for an old id. */
export class HistoryTable {
  readonly #old: number;
  readonly #new: number;
  readonly #event: number;
  readonly #date: number;
  /** Records of old id k: `records[start[k] .. start[k + 1]]`, built on first use. */
  #index: { start: Int32Array; records: Int32Array } | null = null;
  /** How many old ids each new id replaced, for a file without events (built on first use). */
  #olds: Int32Array | null = null;

  constructor(
    readonly name: string,
    readonly table: PackedTable,
    columns: HistoryColumns = {},
  ) {
    this.#old = table.columnIndex(columns.old ?? 'old');
    this.#new = table.columnIndex(columns.new ?? 'new');
    this.#event = columns.old && !columns.event ? -1 : table.columnIndex(columns.event ?? 'event');
    this.#date = columns.date || !columns.old ? table.columnIndex(columns.date ?? 'date') : -1;
  }

  /** The events of `id` (exact, then the type's relaxations: a symbol in another case). */
  events(id: string): { next: string; event: string; date: string }[] {
    let old = -1;
    resolveKey(
      this.table,
      this.#old,
      encoder.encode(id),
      () => id,
      (found) => {
        if (old < 0) old = found;
      },
    );
    if (old < 0) return [];
    const { start, records } = this.#records();
    const out: { next: string; event: string; date: string }[] = [];
    for (let j = start[old]; j < start[old + 1]; j++) {
      const r = records[j];
      out.push({
        next: this.#cell(this.#new, r),
        event: this.#cell(this.#event, r),
        date: isoDate(this.#cell(this.#date, r)),
      });
    }
    if (this.#event < 0) for (const e of out) e.event = this.#eventOf(e.next, out.length);
    return out;
  }

  /**
   * What happened, read from the rows (NCBI's gene_history): no successor, withdrawn; several,
   * split; one that other retired ids also became, merged; else replaced.
   */
  #eventOf(next: string, successors: number): string {
    if (next === '') return 'withdrawn';
    if (successors > 1) return 'split';
    const newColumn = this.table.columns[this.#new];
    if (!this.#olds) {
      this.#olds = new Int32Array(newColumn.dict.size);
      for (const id of newColumn.ids) if (id >= 0) this.#olds[id]++;
    }
    return this.#olds[newColumn.dict.lookupString(next)] > 1 ? 'merged' : 'replaced';
  }

  #cell(column: number, record: number): string {
    if (column < 0) return '';
    const col = this.table.columns[column];
    const id = col.ids[record];
    return id < 0 ? '' : col.dict.get(id);
  }

  #records(): { start: Int32Array; records: Int32Array } {
    if (this.#index) return this.#index;
    const ids = this.table.columns[this.#old].ids;
    const size = this.table.columns[this.#old].dict.size;
    const start = new Int32Array(size + 1);
    for (const id of ids) if (id >= 0) start[id + 1]++;
    for (let k = 0; k < size; k++) start[k + 1] += start[k];
    const fill = start.slice(0, size);
    const records = new Int32Array(start[size]);
    ids.forEach((id, r) => {
      if (id >= 0) records[fill[id]++] = r;
    });
    return (this.#index = { start, records });
  }
}

/**
 * What became of `id`, following chains through ids no current table knows (`isCurrent`);
 * null when no history table of its type lists it.
 */
export function resolveHistory(
  tables: HistoryTable[],
  id: string,
  isCurrent: (id: string) => boolean,
): Resolution | null {
  const first = eventsOf(tables, id);
  if (first.length === 0) return null;
  const moves = first.filter((e) => e.next !== '' && e.event !== 'withdrawn');
  if (moves.length === 0)
    return { kind: 'withdrawn', date: first[0].date, chains: [], withdrawnEnds: [] };
  const kind = (moves.length > 1 ? 'split' : moves[0].event) as HistoryKind;
  const chains: string[][] = [];
  const withdrawnEnds: string[] = [];
  const follow = (chain: string[]): void => {
    const last = chain[chain.length - 1];
    if (chain.length > MAX_CHAIN || isCurrent(last)) return void chains.push(chain);
    const events = eventsOf(tables, last);
    const next = events.filter((e) => e.next !== '' && e.event !== 'withdrawn');
    if (next.length > 0) {
      for (const e of next) if (!chain.includes(e.next)) follow([...chain, e.next]);
    } else if (events.length > 0) withdrawnEnds.push(last);
    else chains.push(chain);
  };
  for (const move of moves) follow([id, move.next]);
  return { kind, date: moves[0].date, chains, withdrawnEnds };
}

/** NCBI writes dates `20131030`; the history pack and the reasons write `2013-10-30`. */
function isoDate(date: string): string {
  return /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date;
}

function eventsOf(tables: HistoryTable[], id: string) {
  for (const table of tables) {
    const events = table.events(id);
    if (events.length > 0) return events;
  }
  return [];
}
