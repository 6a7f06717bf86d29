/**
 * How a big file is read when streamed (#19): its typed columns only — the attributes a history
 * needs (gene_history's date) aside — and its primary table only: the tiers a file splits into
 * (table-parts.ts) would each need the file again, and the file is not kept.
 */
import type { CatalogTable } from '../tables/catalog';
import type { RowFilter } from '../tables/table-layout';
import type { readingOf } from './table-reading';

type Reading = ReturnType<typeof readingOf>;

export function streamedReading(
  reading: Reading,
  matchBy: CatalogTable['matchBy'],
): { reading: Reading; rowFilter?: RowFilter; notes: string[] } {
  const history = new Set(Object.values(reading.history ?? {}));
  const tiers = reading.columns.filter((c) => c.tier).map((c) => c.name);
  const columns = reading.columns.filter(
    (c) => !c.tier && (c.type || c.prefixes || history.has(c.name)),
  );
  const notes: string[] = [];
  if (tiers.length > 0)
    notes.push(
      `A file this big is kept without its fallback tiers: ${tiers.join(', ')} ${tiers.length === 1 ? 'was' : 'were'} not kept.`,
    );
  if (matchBy)
    notes.push(
      `Only the rows whose ${matchBy.column} is ${matchBy.primary.join(' or ')} were kept (a file this big is kept without its other match types).`,
    );
  return {
    reading: { ...reading, columns },
    ...(matchBy ? { rowFilter: { column: matchBy.column, keep: matchBy.primary } } : {}),
    notes,
  };
}
