/**
 * What the engine offers the user tables (TableHost) over its registry and table cache. A file
 * with tiers is registered as several tables (table-parts.ts) and handled as one here: added,
 * removed, enabled and reordered together, and listed once, with the spec it was stored with.
 */
import type { CatalogTable } from '../tables/catalog';
import type { TableCache } from '../tables/table-cache';
import type { TableRegistry } from '../plan/table-registry';
import type { TableHost } from './user-tables';
import { tableParts } from './table-parts';

export function tableHost(registry: TableRegistry, cache: TableCache): TableHost {
  /** Each file's spec as stored, by table name (its parts are registered under other names). */
  const files = new Map<string, CatalogTable>();
  const partsOf = (name: string) => registry.all().filter((t) => t.spec.partOf === name);
  return {
    hasTable: (name) => registry.has(name),
    registerUser: (spec, read, enabled) => {
      const keys = tableParts(spec).map((part) =>
        registry.register(part, `your file ${spec.file}`, read, true, enabled),
      );
      files.set(spec.name, spec);
      return keys[0];
    },
    unregister: (name) => {
      for (const table of [registry.unregister(name), ...partsOf(name)]) {
        if (!table) continue;
        registry.unregister(table.name);
        cache.dispose(table.key);
      }
      files.delete(name);
    },
    userTables: () =>
      registry
        .all()
        .filter((t) => t.user && !t.spec.partOf)
        .map((t) => ({ spec: files.get(t.name) ?? t.spec, enabled: t.enabled })),
    setOptions: (name, enabled, priority) => {
      const file = files.get(name);
      if (file) files.set(name, { ...file, priority });
      // A tier stays one step behind its file's primary table.
      for (const [table, offset] of [
        [registry.get(name), 0] as const,
        ...partsOf(name).map((t) => [t, 1] as const),
      ]) {
        table.enabled = enabled;
        table.priority = priority + offset;
        table.spec = { ...table.spec, priority: priority + offset };
      }
    },
    remember: async (key, name, table) => {
      await cache.get(key, name, async () => ({ table, source: 'parsed' }));
    },
  };
}
