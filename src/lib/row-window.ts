/**
 * Which rows of a fixed-row-height list are on screen, and where to draw them. Browsers cap an
 * element's height (Chromium near 33.5 million px, Firefox near 17.9 million), so past
 * MAX_SCROLL_HEIGHT the scrollbar is scaled: its whole travel still spans every row, each pixel
 * of it just moves further than one pixel of rows.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface RowWindow {
  /** Height of the scrolled content, in px. */
  height: number;
  /** First row to draw (inclusive) and the row after the last. */
  first: number;
  end: number;
  /** Where row `first` goes in the scrolled content, in px. */
  top: number;
}

/** Whether the content is capped, so a pixel of scrollbar is more than a pixel of rows. */
export function isScaled(count: number, rowHeight: number): boolean {
  return count * rowHeight > MAX_SCROLL_HEIGHT;
}

/** The rows' own offset (px into the full list) at a scroll position; the same unless scaled. */
export function rowsOffsetAt(
  scrollTop: number,
  count: number,
  rowHeight: number,
  viewportHeight: number,
): number {
  const total = count * rowHeight;
  const maxScroll = Math.max(0, Math.min(total, MAX_SCROLL_HEIGHT) - viewportHeight);
  const scrolled = Math.min(Math.max(0, scrollTop), maxScroll);
  return maxScroll > 0 ? (scrolled * Math.max(0, total - viewportHeight)) / maxScroll : 0;
}

/** The scroll position that shows the rows from `rowsOffset`: `rowsOffsetAt` undone. */
export function scrollTopFor(
  rowsOffset: number,
  count: number,
  rowHeight: number,
  viewportHeight: number,
): number {
  const total = count * rowHeight;
  const range = Math.max(0, total - viewportHeight);
  const maxScroll = Math.max(0, Math.min(total, MAX_SCROLL_HEIGHT) - viewportHeight);
  return range > 0 ? (Math.min(Math.max(0, rowsOffset), range) * maxScroll) / range : 0;
}

/**
 * The rows to draw at `scrollTop`. `rowsOffset` overrides where the rows start when the list
 * moved row by row (keyboard, wheel) in a scaled list, where scroll positions are too coarse.
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 4,
  rowsOffset = rowsOffsetAt(scrollTop, count, rowHeight, viewportHeight),
): RowWindow {
  const total = count * rowHeight;
  const height = Math.min(total, MAX_SCROLL_HEIGHT);
  const maxScroll = Math.max(0, height - viewportHeight);
  const scrolled = Math.min(Math.max(0, scrollTop), maxScroll);
  const virtualTop = Math.min(Math.max(0, rowsOffset), Math.max(0, total - viewportHeight));
  const firstVisible = Math.min(Math.floor(virtualTop / rowHeight), Math.max(0, count - 1));
  const firstVisibleTop = scrolled - (virtualTop - firstVisible * rowHeight);
  const first = Math.max(0, firstVisible - overscan);
  // An unmeasured (or hidden) box shows no rows, so none are drawn.
  const end =
    viewportHeight > 0
      ? Math.min(count, firstVisible + Math.ceil(viewportHeight / rowHeight) + 1 + overscan)
      : first;
  return { height, first, end, top: firstVisibleTop - (firstVisible - first) * rowHeight };
}
