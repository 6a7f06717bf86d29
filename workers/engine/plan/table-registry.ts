/** The tables the engine knows (bundled and the user's), with what paths and the catalog need. */
import type { CatalogInfo, PathInfo, TableInfo } from '../../api';
import type { CatalogTable } from '../tables/catalog';
import { fail } from '../errors';
import { typesOf, type RegisteredTable } from './type-graph';
import { BUILTIN_TYPES, idType, typeInfo } from '../ids/id-types';
import type { LoadableTable } from '../tables/table-loader';
import { packedColumns } from '../tables/table-layout';
import { SHIPPED_EXTENSION } from '../tables/shipped-table';

export interface Registered extends RegisteredTable, LoadableTable {
  user: boolean;
}

export class TableRegistry {
  readonly #tables = new Map<string, Registered>();

  /** Adds a table and returns its identity key: content hash and parse settings. */
  register(
    spec: CatalogTable,
    location: string,
    read: LoadableTable['read'],
    user: boolean,
    enabled = true,
  ): string {
    if (!packedColumns(spec).some((c) => c.type)) {
      fail('no-usable-ids', `Table "${spec.name}" declares no typed column.`);
    }
    const reading = [spec.columns, spec.header, spec.long, spec.hub, spec.rowFilter];
    const key = `${spec.hash}|${spec.delimiter ?? ''}|${JSON.stringify(reading.filter((r) => r !== undefined))}`;
    this.#tables.set(spec.name, {
      name: spec.name,
      // What the type graph sees: a `DB:id` column or a long form feeds one column per type.
      columns: packedColumns(spec),
      priority: spec.priority ?? 0,
      matchLabel: spec.matchLabel,
      organism: spec.organism,
      enabled,
      spec,
      location,
      read,
      user,
      key,
      shipped: !user && spec.file.endsWith(SHIPPED_EXTENSION),
    });
    return key;
  }

  unregister(name: string): Registered | undefined {
    const table = this.#tables.get(name);
    this.#tables.delete(name);
    return table;
  }

  has(name: string): boolean {
    return this.#tables.has(name);
  }

  get(name: string): Registered {
    return (
      this.#tables.get(name) ?? fail('unknown-table', `No table named "${name}" is registered.`)
    );
  }

  all(): Registered[] {
    return [...this.#tables.values()];
  }

  enabled(): Registered[] {
    return [...this.#tables.values()].filter((t) => t.enabled);
  }

  /** Match labels of the tables along a path (e.g. `['alias']`), each once. */
  labels(path: PathInfo): string[] {
    const labels = path.steps.map((s) => this.get(s.table).matchLabel);
    return [...new Set(labels.filter((l): l is string => !!l))];
  }

  catalog(version: string, isLoaded: (key: string) => boolean): CatalogInfo {
    const present = typesOf(this.#tables.values());
    const builtin = BUILTIN_TYPES.filter((t) => present.has(t.id));
    const custom = [...present].filter((id) => !builtin.some((t) => t.id === id)).map(idType);
    return {
      version,
      types: [...builtin, ...custom].map(typeInfo),
      tables: [...this.#tables.values()].map((t) => tableInfo(t, isLoaded(t.key))),
      packs: [],
    };
  }
}

function tableInfo(t: Registered, loaded: boolean): TableInfo {
  return {
    name: t.name,
    label: t.spec.label,
    columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
    rows: t.spec.rows,
    bytes: t.spec.bytes,
    sha256: t.spec.hash,
    priority: t.priority,
    matchLabel: t.matchLabel,
    source: t.spec.source,
    date: t.spec.date,
    licence: t.spec.licence,
    loaded,
    enabled: t.enabled,
    user: t.user,
    pack: t.spec.pack,
    organism: t.spec.organism,
    historyOf: t.spec.history?.type,
    partOf: t.spec.partOf,
    ...(t.spec.streamed && { streamed: { ...t.spec.streamed } }),
  };
}
