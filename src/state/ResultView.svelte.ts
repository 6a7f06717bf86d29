/**
 * The results table's view of the last MapResult: the status and reason filters and the rows they
 * let through. The status filter walks no rows (the worker laid them out); the reason filter
 * walks the status filter's rows, typed arrays only, while a reason is chosen, and counts inputs
 * per reason once per result. Cell text is decoded only when a row scrolls into view.
 */
import type { IdTypeId, MapResult } from '../../workers/api';
import {
  rowCells,
  rowLabelsOf,
  selectRows,
  type RowCells,
  type RowLabels,
  type RowSelection,
  type StatusFilter,
} from '../lib/row-model';
import { ALL_REASONS, reasonOptionsOf, selectByReason } from '../lib/reason-filter';
import { selectByFirstPath, type FlowFilter } from '../lib/flow';

const NO_ROWS: RowSelection = { length: 0, rowAt: () => -1 };
const NO_LABELS: RowLabels = { paths: [], sourceTypes: [], targets: [] };

export interface ResultViewOptions {
  /** The result to show (the session's last one, or null before the first run). */
  result: () => MapResult | null;
  /** A type's label in the catalog (its id when the catalog does not know it). */
  typeLabel: (type: IdTypeId) => string;
}

export class ResultView {
  statusFilter = $state<StatusFilter>('all');
  /** The reason phrase picked, kept across runs; it applies while a run has it. */
  #reasonChoice = $state<string>(ALL_REASONS);

  readonly #options: ResultViewOptions;

  constructor(options: ResultViewOptions) {
    this.#options = options;
  }

  get result(): MapResult | null {
    return this.#options.result();
  }

  /** Titles of the extra (attribute) columns of the result, e.g. `organ (panel)`. */
  attributeLabels = $derived(this.result?.attributes.labels ?? []);

  #labels = $derived.by(() =>
    this.result ? rowLabelsOf(this.result, this.#options.typeLabel) : NO_LABELS,
  );

  /** Path labels by `PathInfo.index` (what `pairs.path` holds). */
  pathLabels = $derived(this.#labels.paths);

  /** The reason phrases of the result's inputs, with their counts, most first. */
  reasonOptions = $derived.by(() => (this.result ? reasonOptionsOf(this.result) : []));

  /** The reason phrase filtered on, or `all` (also when this result has no input with it). */
  reasonFilter = $derived.by(() => {
    const choice = this.#reasonChoice;
    return this.reasonOptions.some((option) => option.phrase === choice) ? choice : ALL_REASONS;
  });

  /** The rows both filters let through, in order. */
  visibleRows = $derived.by(() => {
    const result = this.result;
    if (!result) return NO_ROWS;
    const byStatus = selectRows(result.rows, this.statusFilter);
    const reason = this.reasonFilter;
    const byReason = reason === ALL_REASONS ? byStatus : selectByReason(result, byStatus, reason);
    const path = this.pathFilter;
    return path === null ? byReason : selectByFirstPath(result, byReason, path);
  });

  /** The path a flow band chose (inputs first answered through it), while its result is shown. */
  pathFilter = $derived.by(() => {
    const choice = this.#pathChoice;
    return choice && choice.result === this.result ? choice.path : null;
  });

  #pathChoice = $state.raw<{ result: MapResult | null; path: number } | null>(null);

  /** Shows the rows a band of the flow picture stands for (#17): its status, reason or path. */
  showFlow(filter: FlowFilter): void {
    this.statusFilter = filter.status ?? 'all';
    this.#reasonChoice = filter.reason ?? ALL_REASONS;
    this.#pathChoice =
      filter.path === undefined ? null : { result: this.result, path: filter.path };
  }

  clearPathFilter(): void {
    this.#pathChoice = null;
  }

  /** Inputs per status, for the filter's option labels. */
  statusCounts = $derived.by(() => {
    const summary = this.result?.summary;
    if (!summary) return null;
    return {
      all: summary.inputs,
      mapped: summary.mapped,
      ambiguous: summary.ambiguous,
      unmapped: summary.unmapped,
      invalid: summary.invalid,
    } satisfies Record<StatusFilter, number>;
  });

  /** The row whose cells are shown in full (`row-detail`), while its result is on screen. */
  selectedRow = $derived.by(() => {
    const selected = this.#selected;
    return selected && selected.result === this.result ? selected.row : null;
  });

  /** The selected row's cells, whole: long versions, hop chains and GO names are read there. */
  selectedCells = $derived(this.selectedRow === null ? null : this.cells(this.selectedRow));

  #selected = $state.raw<{ result: MapResult | null; row: number } | null>(null);

  /** Shows `row` (of `result.rows`) in full; again, or null, closes it. */
  select(row: number | null): void {
    this.#selected = row === null || row === this.selectedRow ? null : { result: this.result, row };
  }

  setFilter(filter: StatusFilter): void {
    this.statusFilter = filter;
  }

  /** Shows only the inputs whose reason has this phrase (`all`: any reason or none). */
  setReasonFilter(phrase: string): void {
    this.#reasonChoice = phrase;
  }

  /** A type's label in the catalog (its id when the catalog does not know it). */
  typeLabel(type: IdTypeId): string {
    return this.#options.typeLabel(type);
  }

  /** The decoded cells of one row of `result.rows` (not an index into the filtered list). */
  cells(row: number): RowCells | null {
    const result = this.result;
    if (!result || row < 0 || row >= result.rows.count) return null;
    return rowCells(result, row, this.#labels);
  }
}
