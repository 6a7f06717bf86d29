/**
 * The line rule through the built app (#12 item 1): a pasted list of lines, with a protein group
 * and a spaced name, comes back as one export row-group per non-blank line, in order. Expected
 * targets come from `data/*.csv.gz` (the bundled tables' sources) with plain Maps (no engine code involved).
 */
import { expect, test } from '@playwright/test';
import {
  download,
  failTestsOnPageErrors,
  index,
  parseTsv,
  rowsByLine,
  toExportRows,
} from './helpers';

failTestsOnPageErrors();

test('a list of lines maps one input per line, a protein group as one input', async ({ page }) => {
  const lines = [
    'P04637', // TP53
    'P0C0L4;P0C0L5', // a MaxQuant protein group: C4A and C4B
    'tumor protein p53', // a name with spaces: one input (invalid as an accession)
    'P38398', // BRCA1
  ];
  // Padding, blank lines and a trailing line break add no inputs.
  const text = `  ${lines[0]} \n\n${lines[1]}\n${lines[2]}\n\n${lines[3]}\n`;
  const uniprotToEntrez = index('uniprot', 0, 1);
  const members = lines[1].split(';');
  const groupTargets = new Set(members.flatMap((m) => [...(uniprotToEntrez.get(m) ?? [])]));
  expect(groupTargets.size).toBeGreaterThan(1);

  await page.getByTestId('ids-input').fill(text);
  await expect(page.getByTestId('id-count')).toHaveText('4 ids');
  await expect(page.getByTestId('split-used')).toHaveText('one per line');
  // Split into words instead, the live count follows; back to auto for the run.
  await page.getByTestId('split-rule').selectOption('words');
  // P04637, P0C0L4, P0C0L5, tumor, protein, p53, P38398.
  await expect(page.getByTestId('id-count')).toHaveText('7 ids');
  await page.getByTestId('split-rule').selectOption('auto');
  await expect(page.getByTestId('id-count')).toHaveText('4 ids');

  await page.getByTestId('source-type').selectOption('uniprot');
  await page.getByTestId('target-type').selectOption('entrez');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);

  const rows = toExportRows(parseTsv(await download(page, 'export-tsv')));
  const byLine = rowsByLine(rows, lines);
  for (const [i, group] of byLine.entries()) {
    expect(group.length, `line ${i + 1} appears in the export`).toBeGreaterThan(0);
  }

  const [single, group, name, brca1] = byLine;
  expect(new Set(single.map((r) => r.target))).toEqual(uniprotToEntrez.get('P04637'));
  expect(new Set(brca1.map((r) => r.target))).toEqual(uniprotToEntrez.get('P38398'));
  expect(name.map((r) => [r.status, r.target])).toEqual([['invalid', '']]);

  // The group: the union of its members' targets, each once, each pair naming its member.
  expect(group.map((r) => r.target).sort()).toEqual([...groupTargets].sort());
  for (const row of group) {
    expect(row.status).toBe('ambiguous');
    expect(row.match.split('+')).toContain('group');
    const member = row.via.split(' > ')[0];
    expect(members).toContain(member);
    expect(uniprotToEntrez.get(member)?.has(row.target)).toBe(true);
  }
});
