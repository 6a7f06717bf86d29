/**
 * The bundled `uniprot_reviewed` table (#16): every reviewed human UniProtKB entry (Swiss-Prot),
 * from ../shared/data/uniprot-reviewed, as `uniprot,status` rows (`status` always `reviewed`). It
 * is on no path; the ambiguity policy `prefer-reviewed` and the results' reviewed mark read it,
 * as they read a `Reviewed` or `Status` column of a UniProt download you add.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TableSpec } from './org-hs-eg';

export const REVIEWED_FOLDER = 'uniprot-reviewed';
const FILE = 'uniprot_human_reviewed.tsv.gz';

export const REVIEWED_TABLE: TableSpec = {
  name: 'uniprot_reviewed',
  organism: 'human',
  label: 'Reviewed UniProt entries (Swiss-Prot)',
  columns: [{ name: 'uniprot', type: 'uniprot' }, { name: 'status' }],
  source: 'UniProtKB/Swiss-Prot human entries via pierrepo/python-omics-use-cases (acc1077)',
  date: '2020-05-20',
  licence: 'UniProt CC BY 4.0',
};

/** The table's CSV text from the folder's TSV download (`Entry`, `Status` columns), in its order. */
export function reviewedCsv(sharedData: string, keep?: Set<string>): string {
  const lines = gunzipSync(readFileSync(join(sharedData, REVIEWED_FOLDER, FILE)))
    .toString('utf8')
    .split('\n');
  const header = lines[0].split('\t');
  const entry = header.indexOf('Entry');
  const status = header.indexOf('Status');
  if (entry < 0 || status < 0) throw new Error(`${FILE}: no Entry or Status column`);
  const rows = ['uniprot,status'];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const cells = line.split('\t');
    if (cells[status] !== 'reviewed')
      throw new Error(`${FILE}: ${cells[entry]} is ${cells[status]}`);
    if (!keep || keep.has(cells[entry])) rows.push(`${cells[entry]},reviewed`);
  }
  return rows.join('\n') + '\n';
}
