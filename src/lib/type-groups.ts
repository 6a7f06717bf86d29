/**
 * The type selects' `<optgroup>`s: types by organism and domain (`IdTypeInfo.group`) in a fixed
 * order, then the types of the user's own tables, which have no group.
 */
import type { IdTypeInfo } from '../../workers/api';

/** The groups the engine gives, in the order the selects list them. */
export const TYPE_GROUP_ORDER: readonly string[] = [
  'Human genes and proteins',
  'Mouse',
  'Rat',
  'Metabolites',
  'Gene Ontology',
];

/** Where the types of the user's own tables (no group) are listed, last. */
export const OWN_TYPES_GROUP = 'Your types';

export interface TypeGroup {
  label: string;
  types: IdTypeInfo[];
}

/**
 * The types in their groups, each group in catalog order; empty groups are left out. A group the
 * fixed order does not know (a newer engine's) comes after the known ones, before the user's own.
 */
export function groupTypes(types: readonly IdTypeInfo[]): TypeGroup[] {
  const byGroup = new Map<string, IdTypeInfo[]>();
  for (const type of types) {
    const label = type.group ?? OWN_TYPES_GROUP;
    const list = byGroup.get(label);
    if (list) list.push(type);
    else byGroup.set(label, [type]);
  }
  const rank = (label: string) => {
    if (label === OWN_TYPES_GROUP) return TYPE_GROUP_ORDER.length + 1;
    const index = TYPE_GROUP_ORDER.indexOf(label);
    return index === -1 ? TYPE_GROUP_ORDER.length : index;
  };
  // Array.prototype.sort is stable: unknown groups keep the order they first appear in.
  return [...byGroup]
    .map(([label, list]) => ({ label, types: list }))
    .sort((a, b) => rank(a.label) - rank(b.label));
}
