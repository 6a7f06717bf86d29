import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowWindow } from '../../../src/lib/row-window';

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
});
