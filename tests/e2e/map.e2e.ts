/**
 * Maps real ids through the built app and checks its exports against answers computed here from
 * `data/*.csv.gz` (the bundled tables' sources) with plain Maps (no engine code involved).
 */
import { expect, test, type Page } from '@playwright/test';
import {
  STATUSES,
  download,
  failTestsOnPageErrors,
  index,
  pairKeys,
  pairsFromJson,
  parseCsv,
  parseTsv,
  runMapping,
  step,
  toExportRows,
  type ExportRow,
  type Index,
} from './helpers';

interface Expected {
  /** Target ids per input position (0-based). */
  targets: Set<string>[];
  /** The middle id of each input's two-hop route, and the index from it to the target. */
  via: Set<string>[];
  toTarget: Index;
  /** Input positions whose targets were found through the alias table. */
  viaAlias: Set<number>;
}

/** uniprot.csv: accession → entrez; ensembl_gene.csv: entrez → Ensembl gene. */
function expectUniprotToEnsemblGene(ids: string[]): Expected {
  const uniprotToEntrez = index('uniprot', 0, 1);
  const entrezToEnsembl = index('ensembl_gene', 1, 0);
  const via = ids.map((id) => step([id], uniprotToEntrez));
  for (const [i, genes] of via.entries()) {
    // Keeps the expectation free of fallback routes: every gene reached has an Ensembl id.
    for (const gene of genes) {
      expect(entrezToEnsembl.has(gene), `${ids[i]} → ${gene} has an Ensembl gene`).toBe(true);
    }
  }
  return {
    targets: via.map((genes) => step(genes, entrezToEnsembl)),
    via,
    toTarget: entrezToEnsembl,
    viaAlias: new Set(),
  };
}

/**
 * genes.csv: approved symbol → entrez (exact); only for symbols it misses, alias.csv: alias →
 * entrez; then uniprot.csv: entrez → accession.
 */
function expectSymbolToUniprot(ids: string[]): Expected {
  const symbolToEntrez = index('genes', 1, 0);
  const aliasToEntrez = index('alias', 0, 1);
  const entrezToUniprot = index('uniprot', 1, 0);
  const viaAlias = new Set<number>();
  const via = ids.map((id, i) => {
    const approved = symbolToEntrez.get(id);
    if (approved) return approved;
    if (aliasToEntrez.has(id)) viaAlias.add(i);
    return aliasToEntrez.get(id) ?? new Set<string>();
  });
  return {
    targets: via.map((genes) => step(genes, entrezToUniprot)),
    via,
    toTarget: entrezToUniprot,
    viaAlias,
  };
}

/** Rows of the TSV export grouped by input position (0-based), after checking order and count. */
function rowsByInput(rows: ExportRow[], ids: string[]): ExportRow[][] {
  const groups: ExportRow[][] = ids.map(() => []);
  let last = 0;
  for (const row of rows) {
    const position = Number(row.input_index);
    expect(Number.isInteger(position) && position >= 1 && position <= ids.length).toBe(true);
    expect(position, 'rows are in input order').toBeGreaterThanOrEqual(last);
    last = position;
    expect(row.input, `input ${position}`).toBe(ids[position - 1]);
    groups[position - 1].push(row);
  }
  for (const [i, group] of groups.entries()) {
    expect(group.length, `input ${i + 1} (${ids[i]}) appears in the export`).toBeGreaterThan(0);
  }
  return groups;
}

/** Checks the TSV export row by row against the expectation. */
function checkRows(rows: ExportRow[], ids: string[], expected: Expected): void {
  const groups = rowsByInput(rows, ids);
  for (const [i, group] of groups.entries()) {
    const want = expected.targets[i];
    const label = `input ${i + 1} (${ids[i]})`;
    const statuses = new Set(group.map((row) => row.status));
    expect(statuses.size, `${label} has one status`).toBe(1);
    const [status] = statuses;
    expect(STATUSES).toContain(status);

    if (want.size === 0) {
      expect(
        group.map((row) => row.target),
        `${label} is kept with an empty target`,
      ).toEqual(['']);
      expect(['unmapped', 'invalid'], label).toContain(status);
      continue;
    }
    const got = group.map((row) => row.target);
    expect(new Set(got).size, `${label} has one row per target`).toBe(got.length);
    expect(new Set(got), `${label} targets`).toEqual(want);
    expect(status, label).toBe(want.size === 1 ? 'mapped' : 'ambiguous');

    for (const row of group) {
      const hops = row.via.split(' > ');
      expect(hops, `${label} via ${row.via}`).toHaveLength(3);
      expect(hops[0]).toBe(ids[i]);
      expect(expected.via[i].has(hops[1]), `${label} via ${row.via}`).toBe(true);
      expect(expected.toTarget.get(hops[1])?.has(row.target), `${label} via ${row.via}`).toBe(true);
      expect(hops[2]).toBe(row.target);
      expect(Number.isFinite(Number(row.confidence)), `${label} confidence`).toBe(true);
      if (expected.viaAlias.has(i)) expect(row.match, `${label} match`).toBe('alias');
      else expect(row.match, `${label} match`).not.toBe('alias');
    }
  }
}

/** Downloads the three exports and checks them against each other and the expectation. */
async function checkExports(page: Page, ids: string[], expected: Expected): Promise<void> {
  const tsv = toExportRows(parseTsv(await download(page, 'export-tsv')));
  checkRows(tsv, ids, expected);
  const keys = pairKeys(tsv);

  const csv = toExportRows(parseCsv(await download(page, 'export-csv')));
  expect(pairKeys(csv), 'CSV export has the same pairs').toEqual(keys);

  const json = pairsFromJson(JSON.parse(await download(page, 'export-json')));
  if (json.every((pair) => pair.input_index !== '')) {
    expect(pairKeys(json), 'JSON export has the same pairs').toEqual(keys);
  } else {
    const withoutIndex = (pairs: typeof json) =>
      pairKeys(pairs.map((pair) => ({ ...pair, input_index: '' })));
    expect(withoutIndex(json), 'JSON export has the same pairs').toEqual(withoutIndex(tsv));
  }
}

async function checkTiming(page: Page, table: string): Promise<void> {
  const panel = page.getByTestId('timing-panel');
  await expect(panel).toBeVisible();
  // First run in a fresh browser profile: the tables came shipped packed (or from memory, when
  // the idle warm-up of the chosen pair loaded them first), never parsed.
  await expect(panel.locator('[data-source="shipped"], [data-source="memory"]')).not.toHaveCount(0);
  await expect(panel.locator('[data-source="parsed"]')).toHaveCount(0);
  await expect(panel).toContainText(table);
}

failTestsOnPageErrors();

test('maps UniProt accessions to Ensembl genes through Entrez, as the tables say', async ({
  page,
}) => {
  const ids = [
    'P04637', // TP53
    'P38398', // BRCA1
    'P04745', // shared by AMY1A, AMY1B, AMY1C: three Ensembl genes
    'P0C0L4', // shared by C4A and C4B, which have several Ensembl genes each
    'P12532', // CKMT1A and CKMT1B
    'NOTANID1',
    'P15090', // FABP4
    'P04637', // duplicate
    'P41159', // LEP
    'Q15848', // ADIPOQ
  ];
  const expected = expectUniprotToEnsemblGene(ids);
  expect(expected.targets[2].size).toBeGreaterThan(1);
  expect(expected.targets[5].size).toBe(0);

  await runMapping(page, { ids, source: 'uniprot', target: 'ensembl_gene' });
  await expect(page.getByTestId('results')).toBeVisible();
  await checkExports(page, ids, expected);
  await checkTiming(page, 'uniprot');
});

test('maps gene symbols to UniProt, using aliases only for symbols that are not approved', async ({
  page,
}) => {
  const ids = [
    'TP53', // seven accessions
    'BRCA1',
    'P53', // alias of TP53 only
    'AMY1', // alias of AMY1A, AMY1B and AMY1C
    'ACAT2', // approved symbol of gene 39, and an alias of SOAT2: the approved one wins
    'BRCC1', // alias of BRCA1 and ICE2
    'NOTANID1',
    'FABP4',
    'TP53', // duplicate
    'LEP',
  ];
  const expected = expectSymbolToUniprot(ids);
  // The cases the inputs were chosen for still hold in the bundled data.
  expect(expected.targets[0].size).toBeGreaterThan(1);
  expect([...expected.viaAlias].sort()).toEqual([2, 3, 5]);
  expect(expected.via[3].size).toBe(3);
  expect(expected.via[5].size).toBe(2);
  expect(index('alias', 0, 1).get('ACAT2')?.size).toBeGreaterThan(1);
  expect(expected.targets[6].size).toBe(0);

  await runMapping(page, { ids, source: 'symbol', target: 'uniprot' });
  await expect(page.getByTestId('results')).toBeVisible();
  await checkExports(page, ids, expected);
  await checkTiming(page, 'genes');
});

test('an empty paste does not run: Run is disabled or an error is shown', async ({ page }) => {
  // Wait for the catalog, so a disabled Run means "nothing to map", not "still loading".
  await expect(page.getByTestId('target-type').locator('option[value="uniprot"]')).toHaveCount(1);
  await page.getByTestId('ids-input').fill('');
  const run = page.getByTestId('run');
  if (await run.isEnabled()) {
    await run.click();
    await expect(page.getByTestId('error')).toBeVisible();
  } else {
    await expect(run).toBeDisabled();
  }
  await expect(page.getByTestId('summary')).not.toHaveAttribute('data-run', '1');

  // The page is still usable afterwards.
  await runMapping(page, { ids: ['TP53'], source: 'symbol', target: 'uniprot' });
});

test('results say so once the ids or types change after their run, until the next run', async ({
  page,
}) => {
  const ids = ['P04637', 'P38398'];
  await runMapping(page, { ids, source: 'uniprot', target: 'entrez' });
  const summary = page.getByTestId('summary');
  const outdated = page.getByTestId('result-outdated');
  await expect(outdated).toHaveCount(0);

  // One more id: the results on screen are still the first run's, and say so.
  await page.getByTestId('ids-input').fill([...ids, 'P15090'].join('\n'));
  await expect(outdated).toHaveText('These results are for the previous ids; run again to update.');
  await expect(summary).toHaveAttribute('data-run', '1');
  await expect(summary).toContainText('2 inputs');
  await page.getByTestId('run').click();
  await expect(summary).toHaveAttribute('data-run', '2', { timeout: 45_000 });
  await expect(outdated).toHaveCount(0);

  await page.getByTestId('target-type').selectOption('ensembl_gene');
  await expect(outdated).toHaveText(
    'These results are for the previous types; run again to update.',
  );
  await page.getByTestId('run').click();
  await expect(summary).toHaveAttribute('data-run', '3', { timeout: 45_000 });
  await expect(outdated).toHaveCount(0);
});
