import { describe, expect, it } from 'vitest';
import {
  isScaled,
  MAX_SCROLL_HEIGHT,
  rowsOffsetAt,
  rowWindow,
  scrollTopFor,
} from '../../../../src/lib/row-window';

const ROW = 30;
const VIEWPORT = 300; // ten rows

describe('rowWindow', () => {
  it('draws the rows on screen plus a few either side, where they sit in the content', () => {
    expect(rowWindow(100, ROW, 0, VIEWPORT, 4)).toEqual({
      height: 3000,
      first: 0,
      end: 15,
      top: 0,
    });
    // Scrolled by 20 rows: rows 20-30 are on screen, 16-19 and 31-34 drawn around them.
    expect(rowWindow(100, ROW, 600, VIEWPORT, 4)).toEqual({
      height: 3000,
      first: 16,
      end: 35,
      top: 16 * ROW,
    });
  });

  it('stops at the last row and ignores scroll positions past the end', () => {
    const end = rowWindow(100, ROW, 99_999, VIEWPORT, 0);
    expect(end.end).toBe(100);
    expect(end.first).toBe(90);
    expect(end.top).toBe(2700);
  });

  it('draws nothing before the box has a height', () => {
    const unmeasured = rowWindow(100, ROW, 0, 0);
    expect(unmeasured.end - unmeasured.first).toBe(0);
    expect(unmeasured.height).toBe(3000);
  });

  it('has nothing to draw for no rows', () => {
    expect(rowWindow(0, ROW, 0, VIEWPORT)).toEqual({ height: 0, first: 0, end: 0, top: 0 });
  });

  it('caps the content height for a million rows and still reaches the last one', () => {
    const count = 1_000_000;
    const maxScroll = MAX_SCROLL_HEIGHT - VIEWPORT;
    const top = rowWindow(count, ROW, 0, VIEWPORT, 0);
    expect(top.height).toBe(MAX_SCROLL_HEIGHT);
    expect(top.first).toBe(0);

    const bottom = rowWindow(count, ROW, maxScroll, VIEWPORT, 0);
    expect(bottom.end).toBe(count);
    // Ten rows fill the viewport, the last one ending at the bottom of the content.
    expect(bottom.first).toBe(count - 10);
    expect(bottom.top + 10 * ROW).toBe(MAX_SCROLL_HEIGHT);

    // Halfway down the scrollbar is halfway through the rows.
    const middle = rowWindow(count, ROW, maxScroll / 2, VIEWPORT, 0);
    expect(Math.abs(middle.first - (count - 10) / 2)).toBeLessThanOrEqual(1);
    // The first drawn row covers the top edge of the viewport.
    expect(middle.top).toBeLessThanOrEqual(maxScroll / 2);
    expect(middle.top + ROW).toBeGreaterThan(maxScroll / 2);
  });

  it('moves a scaled list row by row without skipping one (keyboard, wheel)', () => {
    // 8.9 million rows: one pixel of scrollbar is 33 px of rows, more than a row.
    const count = 8_858_085;
    expect(isScaled(count, ROW)).toBe(true);
    expect(isScaled(100, ROW)).toBe(false);
    const start = rowsOffsetAt(MAX_SCROLL_HEIGHT / 2, count, ROW, VIEWPORT);
    let offset = Math.floor(start / ROW) * ROW;
    let previous = rowWindow(
      count,
      ROW,
      scrollTopFor(offset, count, ROW, VIEWPORT),
      VIEWPORT,
      0,
      offset,
    );
    for (let step = 0; step < 50; step++) {
      offset += ROW;
      // The browser keeps whole pixels: the scroll position is rounded, the rows' offset is not.
      const scrollTop = Math.round(scrollTopFor(offset, count, ROW, VIEWPORT));
      const next = rowWindow(count, ROW, scrollTop, VIEWPORT, 0, offset);
      expect(next.first).toBe(previous.first + 1);
      // The first row is drawn at the top edge of the viewport.
      expect(next.top).toBeCloseTo(scrollTop, 6);
      previous = next;
    }
  });

  it('maps rows to scroll positions and back', () => {
    const count = 1_000_000;
    for (const offset of [0, 123_456, 15_000_000, count * ROW - VIEWPORT]) {
      const scrollTop = scrollTopFor(offset, count, ROW, VIEWPORT);
      expect(scrollTop).toBeLessThanOrEqual(MAX_SCROLL_HEIGHT - VIEWPORT);
      expect(rowsOffsetAt(scrollTop, count, ROW, VIEWPORT)).toBeCloseTo(offset, 3);
    }
    // Unscaled, a scroll position is the rows' offset.
    expect(scrollTopFor(600, 100, ROW, VIEWPORT)).toBe(600);
    expect(rowsOffsetAt(600, 100, ROW, VIEWPORT)).toBe(600);
  });
});
