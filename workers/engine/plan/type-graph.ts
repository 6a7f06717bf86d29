/**
 * The type graph: every pair of typed columns of a registered table is an edge, both ways. Paths
 * between two types are found over all enabled tables, never visiting a type twice, and ranked by
 * hops, then by the tables' priorities, then by name so the order never depends on load order.
 */
import type { PathInfo, PathStepInfo } from '../../api';
import type { CatalogColumn } from '../tables/catalog';

export interface RegisteredTable {
  name: string;
  columns: CatalogColumn[];
  priority: number;
  matchLabel?: string;
  enabled: boolean;
  /** The organism the table covers; a path never joins two tables of different organisms. */
  organism?: string;
}

export interface PlannedPath extends PathInfo {
  /** Sum of the tables' priorities along the path. */
  cost: number;
}

export const DEFAULT_MAX_HOPS = 3;
const MAX_PATHS = 24;

export function typesOf(tables: Iterable<RegisteredTable>): Set<string> {
  const types = new Set<string>();
  for (const t of tables) for (const c of t.columns) if (c.type) types.add(c.type);
  return types;
}

export function findPaths(
  tables: RegisteredTable[],
  source: string,
  target: string,
  maxHops = DEFAULT_MAX_HOPS,
): PlannedPath[] {
  const edges = new Map<string, { step: PathStepInfo; priority: number; organism?: string }[]>();
  for (const table of tables) {
    if (!table.enabled) continue;
    for (const a of table.columns) {
      for (const b of table.columns) {
        if (a === b || !a.type || !b.type || a.type === b.type) continue;
        const list = edges.get(a.type) ?? [];
        list.push({
          step: { table: table.name, from: a.name, to: b.name, fromType: a.type, toType: b.type },
          priority: table.priority,
          organism: table.organism,
        });
        edges.set(a.type, list);
      }
    }
  }
  const found: PlannedPath[] = [];
  const visited = new Set([source]);
  const steps: PathStepInfo[] = [];
  /** The organism of each step's table (`''`: none), for the rule above. */
  const organisms: string[] = [];
  let cost = 0;
  const walk = (type: string): void => {
    if (steps.length > 0 && type === target) {
      found.push({
        index: 0,
        label: pathLabel(steps),
        types: [source, ...steps.map((s) => s.toType)],
        steps: [...steps],
        cost,
      });
      return;
    }
    if (steps.length === maxHops) return;
    for (const edge of edges.get(type) ?? []) {
      if (visited.has(edge.step.toType)) continue;
      // Mouse Ensembl genes share the type with human ones: a path from mouse symbols must not
      // walk on into human tables (it could only find nothing, or worse, a shared id).
      if (edge.organism && organisms.some((o) => o !== '' && o !== edge.organism)) continue;
      // Two steps in a row through one table only re-join its own rows: never a new mapping.
      if (steps.length > 0 && steps[steps.length - 1].table === edge.step.table) continue;
      visited.add(edge.step.toType);
      steps.push(edge.step);
      organisms.push(edge.organism ?? '');
      cost += edge.priority;
      walk(edge.step.toType);
      cost -= edge.priority;
      organisms.pop();
      steps.pop();
      visited.delete(edge.step.toType);
    }
  };
  if (source !== target) walk(source);
  found.sort(
    (a, b) => a.steps.length - b.steps.length || a.cost - b.cost || a.label.localeCompare(b.label),
  );
  return found.slice(0, MAX_PATHS).map((p, index) => ({ ...p, index }));
}

export function pathLabel(steps: PathStepInfo[]): string {
  const types = [steps[0].fromType, ...steps.map((s) => s.toType)].join(' → ');
  return `${types} via ${steps.map((s) => s.table).join(' + ')}`;
}

/**
 * Paths from a type back to itself that start through a fallback tier (a table with a match
 * label, such as `alias`): `symbol → entrez → symbol via alias + genes` brings an alias back as
 * its approved symbol. Only those: any other way round would map an id to its neighbours.
 */
export function findRoundPaths(
  tables: RegisteredTable[],
  type: string,
  maxHops = DEFAULT_MAX_HOPS,
): PlannedPath[] {
  const found: PlannedPath[] = [];
  for (const table of tables) {
    if (!table.enabled || !table.matchLabel) continue;
    const from = table.columns.find((c) => c.type === type);
    if (!from) continue;
    for (const to of table.columns) {
      if (!to.type || to.type === type) continue;
      const first: PathStepInfo = {
        table: table.name,
        from: from.name,
        to: to.name,
        fromType: type,
        toType: to.type,
      };
      for (const rest of findPaths(tables, to.type, type, maxHops - 1)) {
        if (rest.steps[0].table === table.name) continue;
        const steps = [first, ...rest.steps];
        found.push({
          index: 0,
          label: pathLabel(steps),
          types: [type, ...steps.map((s) => s.toType)],
          steps,
          cost: table.priority + rest.cost,
        });
      }
    }
  }
  found.sort(
    (a, b) => a.steps.length - b.steps.length || a.cost - b.cost || a.label.localeCompare(b.label),
  );
  return found.slice(0, MAX_PATHS).map((p, index) => ({ ...p, index }));
}
