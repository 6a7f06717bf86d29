/**
 * The tables one file is registered as (#14). A plain file is one table. A file with tiers — HGNC's
 * `prev_symbol` and `alias_symbol`, a UniProt download's other gene names, SSSOM's close matches —
 * is a primary table plus one fallback table per tier, each recording its tier as the match type:
 * the type graph already treats such tables as tiers (tried only when the primary misses, never
 * returned as a target in place of the primary id), as it does the bundled `alias` table.
 */
import type { CatalogColumn, CatalogTable } from '../tables/catalog';

/** The name of a file's tier table: `hgnc_complete_set (alias)`. */
export function partName(table: string, tier: string): string {
  return `${table} (${tier})`;
}

/** A SSSOM predicate as a match type: `skos:closeMatch` → `closeMatch`. */
export function predicateLabel(value: string): string {
  return value.slice(value.lastIndexOf(':') + 1) || value;
}

export function tableParts(spec: CatalogTable): CatalogTable[] {
  const tiers = [...new Set(spec.columns.flatMap((c) => (c.tier ? [c.tier] : [])))];
  const matchBy = spec.matchBy;
  if (tiers.length === 0 && !matchBy) return [spec];
  const untiered = (c: CatalogColumn) => !c.tier;
  const primary: CatalogTable = {
    ...spec,
    columns: spec.columns.filter(untiered),
    ...(matchBy ? { rowFilter: { column: matchBy.column, keep: matchBy.primary } } : {}),
  };
  const priority = (spec.priority ?? 0) + 1;
  const columnTiers = tiers.map((tier): CatalogTable => {
    const own = spec.columns.filter((c) => c.tier === tier);
    const ownTypes = new Set(own.map((c) => c.type));
    // The tier's columns beside the file's other typed columns (its own type left out), so an
    // alias reaches the row's Entrez id in one step as the bundled alias table does.
    const others = spec.columns.filter(
      (c) => untiered(c) && (c.prefixes || (c.type && !ownTypes.has(c.type))),
    );
    return {
      ...part(spec, tier, priority),
      columns: [...others, ...own.map(({ tier: _tier, ...column }) => column)],
    };
  });
  const rowTiers = (matchBy?.others ?? []).map((value): CatalogTable => ({
    ...part(spec, predicateLabel(value), priority),
    columns: spec.columns.filter(untiered),
    rowFilter: { column: matchBy!.column, keep: [value] },
  }));
  return [primary, ...columnTiers, ...rowTiers];
}

function part(spec: CatalogTable, tier: string, priority: number): CatalogTable {
  return {
    ...spec,
    name: partName(spec.name, tier),
    label: `${spec.label} (${tier})`,
    matchLabel: tier,
    priority,
    partOf: spec.name,
  };
}
