/**
 * The one module that registers the service worker (vite-plugin-pwa's `virtual:pwa-register`).
 * The worker precaches the app shell and the bundled tables; a new version installs in the
 * background and waits until the user chooses to switch (`registerType: 'prompt'`).
 */
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  /** A new version is installed and waiting; the returned `activate` switches to it. */
  onNeedRefresh(): void;
  /** The app and its tables are cached: from now on it works offline. */
  onOfflineReady(): void;
  /**
   * The new version took control (this tab or another one activated it): the page must reload
   * to use it. Left to the app, so it can wait for a running job.
   */
  onNeedReload(): void;
}

/** Registers the service worker; returns the function that activates the waiting version. */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  const updateServiceWorker = registerSW({
    onNeedRefresh: () => events.onNeedRefresh(),
    onOfflineReady: () => events.onOfflineReady(),
    onNeedReload: () => events.onNeedReload(),
    onRegisterError: (error: unknown) => console.warn('Service worker registration failed', error),
  });
  return () => updateServiceWorker();
}
