/**
 * Attribute columns (untyped columns of a table, e.g. a panel's `organ`) as the picker shows and
 * remembers them: a stable `table.column` key, a readable label, and pruning of choices that the
 * current target no longer offers.
 */
import type { AttributeRef } from '../../workers/api';

/**
 * `table.column`: how a choice is remembered. (Names could hold dots, making two refs share a key;
 * that needs a table `a.b` with a column `c` next to a table `a` with a column `b.c`.)
 */
export function attributeKey(ref: AttributeRef): string {
  return `${ref.table}.${ref.column}`;
}

/** `organ — panel`: the picker's label for one attribute. */
export function attributeLabel(ref: AttributeRef): string {
  return `${ref.column} — ${ref.table}`;
}

/** The chosen keys that are still offered, in the order they were chosen. */
export function keepAvailable(
  selected: readonly string[],
  available: readonly AttributeRef[],
): string[] {
  const offered = new Set(available.map(attributeKey));
  return selected.filter((key) => offered.has(key));
}

/**
 * The offered attributes that are chosen, as fresh plain objects (safe to post to the worker), in
 * the order the engine lists them so the output columns do not depend on the clicking order.
 */
export function chosenAttributes(
  selected: readonly string[],
  available: readonly AttributeRef[],
): AttributeRef[] {
  const chosen = new Set(selected);
  return available
    .filter((ref) => chosen.has(attributeKey(ref)))
    .map(({ table, column }) => ({ table, column }));
}
