/**
 * Writes `tests/fixtures/lists/proteomics-300.txt`: the "Protein IDs" column of a proteomics
 * export as users paste it — 300 lines built from the first reviewed human UniProt entries (in
 * the file's order, `../shared/data/uniprot-reviewed`), every tenth line in each of the forms
 * MaxQuant and FASTA-based tools write: `sp|ACC|NAME` headers, protein groups `ACC;ACC`,
 * contaminants `CON__ACC`, decoys `REV__ACC`, plus the issue's own examples (calmodulin's group
 * `P0DP23;P0DP24`, `tr|A0A024R161|…`, porcine trypsin `CON__P00761`). Deterministic.
 *
 * Usage: npx tsx scripts/make-list-fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const from = resolve(repoRoot, '../shared/data/uniprot-reviewed/uniprot_human_reviewed.tsv.gz');
const entries = gunzipSync(readFileSync(from))
  .toString('utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split('\t'))
  .map(([accession, name]) => ({ accession, name }));

const lines = ['P0DP23;P0DP24', 'tr|A0A024R161|A0A024R161_HUMAN', 'CON__P00761'];
let next = 0;
const take = () => entries[next++];
while (lines.length < 300) {
  const entry = take();
  switch (lines.length % 10) {
    case 2:
      lines.push(`sp|${entry.accession}|${entry.name}`);
      break;
    case 4:
      lines.push(`${entry.accession};${take().accession}`);
      break;
    case 6:
      lines.push(`CON__${entry.accession}`);
      break;
    case 8:
      lines.push(`REV__${entry.accession}`);
      break;
    default:
      lines.push(entry.accession);
  }
}
writeFileSync(
  join(repoRoot, 'tests', 'fixtures', 'lists', 'proteomics-300.txt'),
  `${lines.join('\n')}\n`,
);
