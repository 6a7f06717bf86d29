/**
 * Where data packs live on this device. The worker keeps their files in the Cache Storage
 * (workers/storage/cache-pack-store.ts), outside the service worker's precache, so the first
 * visit downloads only the core; Node reads them from disk and needs no store.
 */

/**
 * Times one step of a read that had to download the file: `fetch` (the download) or `keep`
 * (writing it to the device). The engine shows each as a child of the table's `read` phase.
 */
export type TimeStep = <T>(name: 'fetch' | 'keep', work: () => Promise<T>) => Promise<T>;

export interface PackStore {
  /** Whether the file at `url` is kept on this device. */
  has(url: string): Promise<boolean>;
  /** The file's bytes: from the device when kept, else fetched and then kept (both steps timed). */
  read(url: string, time?: TimeStep): Promise<Uint8Array>;
  /** Removes the file from the device (a later read fetches it again). */
  drop(url: string): Promise<void>;
}
