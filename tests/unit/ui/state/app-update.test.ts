// The state class imports src/pwa/register.ts, which imports vite-plugin-pwa's virtual module.
/// <reference types="vite-plugin-pwa/vanillajs" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceWorkerEvents } from '../../../../src/pwa/register';

const worker = vi.hoisted(() => ({
  events: null as ServiceWorkerEvents | null,
  activate: vi.fn(async () => {}),
}));

vi.mock('../../../../src/pwa/register', () => ({
  registerServiceWorker: (events: ServiceWorkerEvents) => {
    worker.events = events;
    return worker.activate;
  },
}));

const { AppUpdate } = await import('../../../../src/state/AppUpdate.svelte');

describe('AppUpdate', () => {
  let busy = false;

  beforeEach(() => {
    busy = false;
    worker.events = null;
    worker.activate.mockClear();
    vi.stubGlobal('navigator', { serviceWorker: {} });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function started() {
    const update = new AppUpdate({ busy: () => busy });
    update.start();
    return update;
  }

  it('offers an update when a new version waits, and activates it on request', async () => {
    const update = started();
    expect(update.needRefresh).toBe(false);
    worker.events?.onNeedRefresh();
    expect(update.needRefresh).toBe(true);
    await update.reload();
    expect(worker.activate).toHaveBeenCalledOnce();
  });

  it('never switches versions while a mapping job is running', async () => {
    const update = started();
    worker.events?.onNeedRefresh();
    busy = true;
    expect(update.busy).toBe(true);
    await update.reload();
    expect(worker.activate).not.toHaveBeenCalled();
    busy = false;
    await update.reload();
    expect(worker.activate).toHaveBeenCalledOnce();
  });

  it('does nothing when there is no update', async () => {
    await started().reload();
    expect(worker.activate).not.toHaveBeenCalled();
  });

  it('says once that the app works offline', () => {
    vi.useFakeTimers();
    const update = started();
    worker.events?.onOfflineReady();
    expect(update.offlineReady).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(update.offlineReady).toBe(false);
  });
});
