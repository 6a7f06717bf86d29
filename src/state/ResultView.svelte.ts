/**
 * The results table's view of the last MapResult: the status filter and the rows it lets through.
 * Nothing here walks all rows (the worker laid them out); cell text is decoded only when a row
 * scrolls into view.
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

const NO_ROWS: RowSelection = { length: 0, rowAt: () => -1 };
const NO_LABELS: RowLabels = { paths: [], sourceTypes: [] };

export interface ResultViewOptions {
  /** The result to show (the session's last one, or null before the first run). */
  result: () => MapResult | null;
  /** A type's label in the catalog (its id when the catalog does not know it). */
  typeLabel: (type: IdTypeId) => string;
}

export class ResultView {
  statusFilter = $state<StatusFilter>('all');

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

  /** The rows the filter lets through, in order. */
  visibleRows = $derived.by(() => {
    const result = this.result;
    return result ? selectRows(result.rows, this.statusFilter) : NO_ROWS;
  });

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

  setFilter(filter: StatusFilter): void {
    this.statusFilter = filter;
  }

  /** The decoded cells of one row of `result.rows` (not an index into the filtered list). */
  cells(row: number): RowCells | null {
    const result = this.result;
    if (!result || row < 0 || row >= result.rows.count) return null;
    return rowCells(result, row, this.#labels);
  }
}
