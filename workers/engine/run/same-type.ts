/**
 * Ids already of the target type — a mixed list mapped to symbols holds symbols — are their own
 * target when the first table of that type lists them (by priority: `genes` before `alias`, since
 * an alias is not an approved symbol). The pair's path says so: `symbol as given, in genes`.
 */
import type { PathInfo } from '../../api';
import type { TableRegistry } from '../plan/table-registry';
import type { MapJob, PathRunner } from './path-runner';
import type { PhaseTimer } from './phase-timer';
import { resolveKey } from './walk-path';

export async function mapSameType(
  type: string,
  job: MapJob,
  registry: TableRegistry,
  runner: PathRunner,
  timer: PhaseTimer,
): Promise<void> {
  const registered = registry
    .enabled()
    .filter((t) => t.columns.some((c) => c.type === type))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))[0];
  if (!registered) return;
  const table = await runner.load(registered, timer);
  const column = table.columns.findIndex((c) => c.type === type);
  if (column < 0) return;
  const dict = table.columns[column].dict;
  const path: PathInfo = {
    index: job.used.length,
    label: `${type} as given, in ${registered.name}`,
    types: [type],
    steps: [],
  };
  job.used.push(path);
  const { keys, base, sink } = job;
  for (const g of job.pending) {
    let found = -1;
    let foundBits = 0;
    resolveKey(
      table,
      column,
      keys.bytesOf(g - base),
      () => keys.get(g - base),
      (id, bits) => {
        if (found >= 0) return;
        found = id;
        foundBits = bits;
      },
    );
    if (found >= 0) sink.addSelf(g, dict.bytesOf(found), path.index, foundBits);
  }
}
