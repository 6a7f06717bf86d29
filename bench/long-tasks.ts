/**
 * The page's long tasks (the Long Tasks API reports main-thread tasks over 50 ms), recorded from
 * its first script on and taken phase by phase.
 */
import type { Page } from '@playwright/test';

type Tasks = { __longTasks: number[] };

/** Records every long task of the page from its first script on. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const durations: number[] = [];
    (window as unknown as Tasks).__longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks since the last call (after a frame, so the last one has been reported). */
export async function takeLongTasks(page: Page): Promise<number[]> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  return page.evaluate(() => (window as unknown as Tasks).__longTasks.splice(0));
}
