/**
 * The one module that registers the service worker (vite-plugin-pwa's `virtual:pwa-register`).
 * The worker precaches the app shell and the bundled tables; a new version installs in the
 * background and waits until a user chooses to switch (`registerType: 'prompt'`).
 *
 * The plugin never reloads the page by itself here: when the new version takes control
 * (workbox-window's `controlling` event, i.e. the browser's `controllerchange`), it calls
 * `onNeedReload` and, only when that is missing, `window.location.reload()`. That event fires in
 * every tab the worker controls, whichever tab's user switched, so whether to reload is left to
 * the app (`onNewVersionActive`).
 */
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  /** A new version is installed and waiting; the returned `activate` switches to it. */
  onNeedRefresh(): void;
  /** The app and its tables are cached: from now on it works offline. */
  onOfflineReady(): void;
  /**
   * The new version took control of this page: this tab's `activate`, or another tab's, switched
   * to it. The page runs the old version until it reloads.
   */
  onNewVersionActive(): void;
}

/** Registers the service worker; returns the function that activates the waiting version. */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  const updateServiceWorker = registerSW({
    onNeedRefresh: () => events.onNeedRefresh(),
    onOfflineReady: () => events.onOfflineReady(),
    // Always given: without it the plugin reloads the page itself, in every tab.
    onNeedReload: () => events.onNewVersionActive(),
    onRegisterError: (error: unknown) => console.warn('Service worker registration failed', error),
  });
  // Sends SKIP_WAITING to the waiting worker, if there is one; it never reloads the page.
  return () => updateServiceWorker();
}
