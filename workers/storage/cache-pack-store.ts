/**
 * Data packs in the Cache Storage, kept by the worker itself: the service worker's precache
 * leaves `data/packs/` out (vite.config.ts), so a first visit downloads only the core, and a pack
 * read once is here offline, whether or not a service worker controls the page.
 */
import type { PackStore, TimeStep } from '../engine/tables/pack-store';

const CACHE = 'crosswalk-packs-v1';

export class CachePackStore implements PackStore {
  async has(url: string): Promise<boolean> {
    return (await (await caches.open(CACHE)).match(url)) !== undefined;
  }

  async read(url: string, time: TimeStep = (_, work) => work()): Promise<Uint8Array> {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(url);
    if (kept) return new Uint8Array(await kept.arrayBuffer());
    const { bytes, headers } = await time('fetch', async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      return { bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
    });
    // Kept only once whole: a failed download leaves nothing half-written behind.
    await time('keep', () => cache.put(url, new Response(bytes, { headers })));
    return bytes;
  }

  async drop(url: string): Promise<void> {
    await (await caches.open(CACHE)).delete(url);
  }
}
