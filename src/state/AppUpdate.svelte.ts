/**
 * The app's own updates and offline readiness, as the service worker reports them. A tab reloads
 * into a new version only when its own user clicks Reload, and never while a mapping job runs:
 * a reload loses the job, the results and the ids. A new version that another tab switched to is
 * offered here too, never forced.
 */
import { registerServiceWorker } from '../pwa/register';

const OFFLINE_READY_MS = 8000;

export interface AppUpdateOptions {
  /** Whether a mapping job is running, during which the page never reloads. */
  busy: () => boolean;
}

export class AppUpdate {
  /** A new version is installed or already active, and the user may switch to it. */
  needRefresh = $state(false);
  /** The new version already controls this page: reloading needs no activation. */
  newVersionActive = $state(false);
  /** …switched to in another tab, not by this tab's Reload (the prompt says so). */
  activatedElsewhere = $state(false);
  /** This tab's user clicked Reload; the page reloads when the new version takes control. */
  reloadPending = $state(false);
  /** The app was just cached for offline use (shown once, after the first visit's precache). */
  offlineReady = $state(false);

  readonly #options: AppUpdateOptions;
  #activate: (() => Promise<void>) | null = null;
  #offlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: AppUpdateOptions) {
    this.#options = options;
  }

  get busy(): boolean {
    return this.#options.busy();
  }

  /** Registers the service worker; call once when the app mounts. */
  start(): void {
    if (this.#activate || !('serviceWorker' in navigator)) return;
    this.#activate = registerServiceWorker({
      onNeedRefresh: () => (this.needRefresh = true),
      onNewVersionActive: () => this.#onNewVersionActive(),
      onOfflineReady: () => {
        this.offlineReady = true;
        clearTimeout(this.#offlineTimer);
        this.#offlineTimer = setTimeout(() => (this.offlineReady = false), OFFLINE_READY_MS);
      },
    });
  }

  /**
   * The user's Reload: reloads into a version that is already active, or activates the waiting
   * one (the page reloads when it takes control). Nothing while a job is running.
   */
  async reload(): Promise<void> {
    if (!this.needRefresh || this.busy || !this.#activate) return;
    if (this.newVersionActive) {
      location.reload();
      return;
    }
    this.reloadPending = true;
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

  /**
   * The new version controls this page now. It reloads only if its own user asked and no job
   * started since; otherwise the update is offered (again, if it had been put off).
   */
  #onNewVersionActive(): void {
    this.newVersionActive = true;
    if (this.reloadPending && !this.busy) {
      location.reload();
      return;
    }
    if (!this.reloadPending) this.activatedElsewhere = true;
    this.reloadPending = false;
    this.needRefresh = true;
  }
}
