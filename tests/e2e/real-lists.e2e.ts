/**
 * Real lists through the built app (#12): a 300-line proteomics export (groups, `sp|`/`tr|`
 * headers, CON__ contaminants, REV__ decoys; tests/fixtures/lists) comes back as exactly 300
 * inputs in the user's order, each miss with a reason; a mixed list on "Detect automatically" maps
 * in one run, each id as its own type. Expected targets come from `data/*.csv.gz` read
 * with plain Maps (no engine code).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { download, failTestsOnPageErrors, index, parseTsv, readTable, rowsByLine } from './helpers';

failTestsOnPageErrors();

const FIXTURE = fileURLToPath(new URL('../fixtures/lists/proteomics-300.txt', import.meta.url));

/** The export's rows as records by column name (the new columns come after the fixed ones). */
type Row = Record<string, string> & { input_index: string; input: string };

function records(tsv: string): Row[] {
  const [header, ...rows] = parseTsv(tsv);
  expect(header.slice(-3)).toEqual(['source_type', 'normalised', 'reason']);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])) as Row);
}

async function run(page: Page, text: string, source: string, target: string): Promise<void> {
  await page.getByTestId('ids-input').fill(text);
  await page.getByTestId('source-type').selectOption(source);
  await page.getByTestId('target-type').selectOption(target);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
}

test('a 300-line proteomics export gives exactly 300 inputs in order, every miss with a reason', async ({
  page,
}) => {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
  expect(lines).toHaveLength(300);
  const toEntrez = index('uniprot', 0, 1);
  await page.getByTestId('ids-input').fill(lines.join('\n'));
  await expect(page.getByTestId('id-count')).toHaveText('300 ids');
  await run(page, lines.join('\n'), 'uniprot', 'entrez');

  const rows = records(await download(page, 'export-tsv'));
  const grouped = rowsByLine(rows, lines);
  expect(new Set(rows.map((r) => r.input_index)).size).toBe(300);
  for (const [i, group] of grouped.entries()) {
    const line = lines[i];
    expect(group.length, `line ${i + 1} is in the export`).toBeGreaterThan(0);
    for (const row of group) {
      if (row.status === 'unmapped' || row.status === 'invalid')
        expect(row.reason, `${line} says why it missed`).not.toBe('');
    }
    // The id each form stands for, by the form's definition.
    const accession = line.startsWith('REV__')
      ? null
      : line.replace(/^CON__/, '').replace(/^(?:sp|tr)\|([^|]+)\|.*$/, '$1');
    if (accession === null) {
      expect(group.map((r) => [r.status, r.reason])).toEqual([['unmapped', 'decoy']]);
      continue;
    }
    const members = accession.split(';');
    const expected = new Set(members.flatMap((m) => [...(toEntrez.get(m) ?? [])]));
    const targets = new Set(group.map((r) => r.target).filter(Boolean));
    expect(targets, line).toEqual(expected);
    if (expected.size > 0) {
      if (line.startsWith('CON__')) expect(group[0].match.split('+')).toContain('contaminant');
      if (line.includes('|')) expect(group[0].match.split('+')).toContain('fasta-header');
      if (members.length > 1) expect(group[0].match.split('+')).toContain('group');
    }
    expect(group[0].normalised, line).toBe(accession);
    expect(group[0].source_type).toBe('uniprot');
  }
});

test('a mixed list on "Detect automatically" maps every id as its own type, in one run', async ({
  page,
}) => {
  // Real ids of three types from the bundled tables, interleaved.
  const genes = readTable('genes');
  const symbolToEntrez = index('genes', 1, 0);
  const uniprotToEntrez = index('uniprot', 0, 1);
  const ensemblToEntrez = index('ensembl_gene', 0, 1);
  const symbols = ['TP53', 'BRCA1', 'EGFR', genes[10][1]];
  const accessions = ['P04637', 'P38398'];
  const ensembl = [...ensemblToEntrez.keys()].slice(0, 2);
  const lines = [
    symbols[0],
    accessions[0],
    ensembl[0],
    symbols[1],
    accessions[1],
    symbols[2],
    ensembl[1],
    symbols[3],
  ];
  const typeOf = (id: string) =>
    symbols.includes(id) ? 'symbol' : accessions.includes(id) ? 'uniprot' : 'ensembl_gene';
  const indexOf = {
    symbol: symbolToEntrez,
    uniprot: uniprotToEntrez,
    ensembl_gene: ensemblToEntrez,
  };

  await page.getByTestId('ids-input').fill(lines.join('\n'));
  await page.getByTestId('source-type').selectOption('auto');
  // Before the run, the hint shows the mix (type labels from the catalog).
  const hint = page.getByTestId('type-mix');
  for (const part of ['4 Gene symbol', '2 UniProt accession', '2 Ensembl gene'])
    await expect(hint).toContainText(part);
  await run(page, lines.join('\n'), 'auto', 'entrez');
  await expect(page.getByTestId('source-mix')).toContainText('4 Gene symbol');
  const rows = records(await download(page, 'export-tsv'));
  for (const [i, group] of rowsByLine(rows, lines).entries()) {
    const id = lines[i];
    const type = typeOf(id);
    expect(group[0].source_type, id).toBe(type);
    expect(new Set(group.map((r) => r.target)), id).toEqual(indexOf[type].get(id));
  }
});
