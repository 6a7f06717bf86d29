/**
 * The results table's view of the last MapResult: the status filter and the row model. Rows are
 * typed arrays of indexes; cell text is decoded only when a row scrolls into view.
 */
import type { MapResult } from '../../workers/api';
import {
  buildRowModel,
  filterRows,
  pathLabelsOf,
  rowCells,
  type RowCells,
  type StatusFilter,
} from '../lib/row-model';

const NO_ROWS = new Int32Array(0);

export class ResultView {
  statusFilter = $state<StatusFilter>('all');

  readonly #getResult: () => MapResult | null;

  constructor(getResult: () => MapResult | null) {
    this.#getResult = getResult;
  }

  get result(): MapResult | null {
    return this.#getResult();
  }

  model = $derived.by(() => {
    const result = this.result;
    return result ? buildRowModel(result) : null;
  });

  /** Titles of the extra (attribute) columns of the result, e.g. `organ (panel)`. */
  attributeLabels = $derived(this.result?.attributes.labels ?? []);

  #pathLabels = $derived.by(() => (this.result ? pathLabelsOf(this.result) : []));

  /** Indexes into the row model of the rows the filter lets through, in order. */
  visibleRows = $derived.by(() => {
    const result = this.result;
    const model = this.model;
    if (!result || !model) return NO_ROWS;
    return filterRows(model, result.inputs.status, this.statusFilter);
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

  /** The decoded cells of one row of the model (not of the filtered list). */
  cells(row: number): RowCells | null {
    const result = this.result;
    const model = this.model;
    if (!result || !model || row < 0 || row >= model.count) return null;
    return rowCells(result, model, row, this.#pathLabels);
  }
}
