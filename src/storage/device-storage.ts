/**
 * The browser's own view of this site's storage (`navigator.storage`): how much is used, the
 * quota, and whether it is kept under storage pressure. Each answer is null where unsupported.
 */

export interface StorageEstimateInfo {
  usage: number;
  quota: number;
}

const manager = (): StorageManager | undefined => globalThis.navigator?.storage;

export async function estimateStorage(): Promise<StorageEstimateInfo | null> {
  try {
    const estimate = await manager()?.estimate?.();
    if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return null;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return null;
  }
}

/** Whether the browser already promised to keep this site's data. */
export async function isPersisted(): Promise<boolean | null> {
  try {
    return (await manager()?.persisted?.()) ?? null;
  } catch {
    return null;
  }
}

/** Asks the browser to keep this site's data under storage pressure; resolves to its answer. */
export async function requestPersistence(): Promise<boolean | null> {
  try {
    return (await manager()?.persist?.()) ?? null;
  } catch {
    return null;
  }
}
