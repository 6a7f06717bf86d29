/**
 * Keeps this tab's list of your tables true while another tab of this browser changes them: a
 * change made here is announced on a BroadcastChannel, and an announcement from another tab —
 * or coming back to this tab, for a browser without the channel — asks for a re-read.
 */
const CHANNEL = 'crosswalk-user-tables';

export interface TabSyncOptions {
  /** Another tab may have changed the stored tables: re-read them. */
  onOtherTab: () => void;
}

export class TabSync {
  readonly #options: TabSyncOptions;
  #channel: BroadcastChannel | null = null;

  constructor(options: TabSyncOptions) {
    this.#options = options;
  }

  /** Starts listening; call once when the app mounts. Returns the stop function. */
  start(): () => void {
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.#options.onOtherTab();
    };
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = () => this.#options.onOtherTab();
    }
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      this.#channel?.close();
      this.#channel = null;
    };
  }

  /** Tells the other tabs that this one changed the stored tables. */
  announce(): void {
    this.#channel?.postMessage('changed');
  }
}
