/**
 * What a table the browser's storage has no room for is told (#19): how much it needs, how much
 * is left, and what to free — the user's largest tables first.
 */
import type { UserTableRecord } from './stored-record';

export function noRoomMessage(
  name: string,
  bytes: number,
  room: number,
  tables: UserTableRecord[],
): string {
  const mb = (n: number) =>
    n < 2 ** 20 ? `${Math.ceil(n / 1024)} KB` : `${Math.ceil(n / 2 ** 20).toLocaleString('en')} MB`;
  const largest = tables
    .map((t) => t.spec)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((spec) => `"${spec.name}" (${mb(spec.bytes)})`);
  const free = [
    ...(largest.length > 0
      ? [`remove tables you no longer need (largest: ${largest.join(', ')})`]
      : []),
    'clear the stored tables in the Storage panel',
    "or free space on this device's disk",
  ];
  return `Table "${name}" needs ${mb(bytes)} of browser storage, but this browser lets Crosswalk store only ${mb(room)} more; nothing was stored. To make room, ${free.join(', ')}; then add it again (it stays checked).`;
}
