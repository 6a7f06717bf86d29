/**
 * The worker's table cache, as the cache panel shows it: the last statistics the engine reported,
 * and why the latest ones could not be read. A restarted worker starts with an empty cache, so the
 * figures are read again after every run and cancel.
 */
import type { CacheStats } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { reportUnlessStopped } from '../worker-client/stopped';

export class EngineCache {
  /** The last figures read (kept when a later read fails). */
  stats = $state.raw<CacheStats | null>(null);
  error = $state<string | null>(null);

  async refresh(): Promise<void> {
    try {
      this.stats = await engine.cacheStats();
      this.error = null;
    } catch (error) {
      reportUnlessStopped(error, (message) => (this.error = message));
    }
  }
}
