/**
 * Data packs where the Cache Storage is missing (an insecure context): read from the network
 * each time, never kept, and said so (never "on this device").
 */
import type { PackStore, TimeStep } from '../engine/tables/pack-store';

export class FetchPackStore implements PackStore {
  async has(): Promise<boolean> {
    return false;
  }

  read(url: string, time: TimeStep = (_, work) => work()): Promise<Uint8Array> {
    return time('fetch', async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      return new Uint8Array(await response.arrayBuffer());
    });
  }

  async drop(): Promise<void> {}
}
