/**
 * `crosswalk tables`: every table with its provenance — source, release, licence, rows, sha256 —
 * whether it is on, and the pack it ships in (its licence printed as the app shows it).
 */
import { listingEngine, writeListing } from '../listing';

export async function tablesCommand(args: string[]): Promise<void> {
  const { engine, json } = await listingEngine(args, {});
  const catalog = engine.catalog();
  const rows = catalog.tables.map((table) => ({
    ...table,
    columns: table.columns.map((c) => `${c.name}${c.type ? `=${c.type}` : ''}`).join(','),
    enabled: json ? table.enabled : table.enabled ? 'yes' : 'no',
    origin: table.user ? 'yours' : table.pack ? `pack ${table.pack}` : 'bundled',
    release: table.date,
  }));
  await writeListing(
    [
      'name',
      'label',
      'origin',
      'enabled',
      'rows',
      'columns',
      'source',
      'release',
      'licence',
      'sha256',
    ],
    rows,
    json,
  );
}
