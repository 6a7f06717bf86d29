/**
 * The app's own updates and offline readiness, as the service worker reports them. The page
 * reloads into a new version only when no mapping job is running: a reload would lose the job.
 */
import { registerServiceWorker } from '../pwa/register';

const OFFLINE_READY_MS = 8000;

export interface AppUpdateOptions {
  /** Whether a mapping job is running, during which the page never reloads. */
  busy: () => boolean;
}

export class AppUpdate {
  /** A new version is installed and waits for the user to switch to it. */
  needRefresh = $state(false);
  /** The new version is active (possibly switched to from another tab); reloading once idle. */
  reloadPending = $state(false);
  /** The app was just cached for offline use (shown once, after the first visit's precache). */
  offlineReady = $state(false);

  readonly #options: AppUpdateOptions;
  #activate: (() => Promise<void>) | null = null;
  #offlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: AppUpdateOptions) {
    this.#options = options;
    // Lives as long as the app: a reload that had to wait happens as soon as the job ends.
    $effect.root(() => {
      $effect(() => {
        if (this.reloadPending && !this.busy) location.reload();
      });
    });
  }

  get busy(): boolean {
    return this.#options.busy();
  }

  /** Registers the service worker; call once when the app mounts. */
  start(): void {
    if (this.#activate || !('serviceWorker' in navigator)) return;
    this.#activate = registerServiceWorker({
      onNeedRefresh: () => (this.needRefresh = true),
      onNeedReload: () => (this.reloadPending = true),
      onOfflineReady: () => {
        this.offlineReady = true;
        clearTimeout(this.#offlineTimer);
        this.#offlineTimer = setTimeout(() => (this.offlineReady = false), OFFLINE_READY_MS);
      },
    });
  }

  /** Activates the waiting version, which then reloads the page, unless a job is running. */
  async reload(): Promise<void> {
    if (!this.needRefresh || this.busy || !this.#activate) return;
    await this.#activate();
  }

  /** Keeps the current version for now; the new one is used after the next reload anyway. */
  dismissUpdate(): void {
    this.needRefresh = false;
  }

  dismissOfflineReady(): void {
    clearTimeout(this.#offlineTimer);
    this.offlineReady = false;
  }
}
