/**
 * A run's manifest (#17) round-trips: saved, then loaded into a fresh page, it restores the
 * settings and the table set, and the same run gives the same export. The tables' checksums are
 * those of the files the app ships (node:crypto over public/data), and a table whose checksum
 * differs is named.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { RunManifest } from '../../workers/api';
import { download, downloadPath, failTestsOnPageErrors } from './helpers';

failTestsOnPageErrors();

const IDS = ['TP53', 'BRCA1', 'NOTAGENE', 'EGFR'];
const aliasEnabled = (page: Page) =>
  page.getByTestId('tables').locator('[data-table="alias"]').getByTestId('table-enabled');
const shipped = (file: string) =>
  createHash('sha256')
    .update(readFileSync(new URL(`../../public/data/${file}`, import.meta.url)))
    .digest('hex');

test('a saved manifest restores the settings and tables, and the run gives the same export', async ({
  page,
}, testInfo) => {
  // A table set of the user's own: the alias table off.
  await aliasEnabled(page).uncheck();
  await page.getByTestId('split-rule').selectOption('lines');
  await page.getByTestId('ids-input').fill(IDS.join('\n'));
  await page.getByTestId('source-type').selectOption('symbol');
  await page.getByTestId('target-type').selectOption('uniprot');
  await page.getByTestId('add-target-type').selectOption('ensembl_gene');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  await page.getByTestId('ambiguity-policy').selectOption('prefer-reviewed');
  await page.getByTestId('export-layout').selectOption('wide');
  const before = await download(page, 'export-tsv');

  await page.getByTestId('manifest-include-ids').check();
  const saved = await downloadPath(page, 'export-manifest');
  expect(saved.fileName).toBe('crosswalk-manifest-symbol-to-uniprot+ensembl_gene.json');
  const manifest = JSON.parse(readFileSync(saved.path, 'utf8')) as RunManifest;
  expect(manifest.settings).toMatchObject({
    source: 'symbol',
    target: 'uniprot',
    alsoTargets: ['ensembl_gene'],
    split: 'lines',
    policy: 'prefer-reviewed',
    layout: 'wide',
  });
  expect(manifest.input.ids).toEqual(IDS);
  expect(manifest.enabledTables).toContain('genes');
  expect(manifest.enabledTables).not.toContain('alias');
  expect(manifest.input.sha256).toBe(
    createHash('sha256')
      .update(IDS.map((id) => `${id}\n`).join(''))
      .digest('hex'),
  );
  const catalog = JSON.parse(
    readFileSync(new URL('../../public/data/catalog.json', import.meta.url), 'utf8'),
  ) as { tables: { name: string; file: string }[] };
  const files = new Map(catalog.tables.map((t) => [t.name, t.file]));
  for (const name of ['genes', 'uniprot', 'ensembl_gene', 'uniprot_reviewed'])
    expect(manifest.tables.find((t) => t.name === name)?.sha256, name).toBe(
      shipped(files.get(name)!),
    );

  // A fresh page with other choices: the manifest brings the run's back.
  await page.getByTestId('forget-work').click();
  await page.reload();
  await page.getByTestId('target-type').selectOption('entrez');
  await expect(aliasEnabled(page)).toBeChecked();
  await page.getByTestId('manifest-file').setInputFiles(saved.path);
  await expect(page.getByTestId('manifest-report')).toContainText('restored');
  await expect(page.getByTestId('manifest-warning')).toHaveCount(0);
  await expect(page.getByTestId('ids-input')).toHaveValue(IDS.join('\n'));
  await expect(page.getByTestId('source-type')).toHaveValue('symbol');
  await expect(page.getByTestId('target-type')).toHaveValue('uniprot');
  await expect(page.getByTestId('extra-target')).toHaveAttribute('data-type', 'ensembl_gene');
  await expect(page.getByTestId('ambiguity-policy')).toHaveValue('prefer-reviewed');
  await expect(page.getByTestId('export-layout')).toHaveValue('wide');
  await expect(aliasEnabled(page)).not.toBeChecked();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-run', '1', { timeout: 45_000 });
  expect(await download(page, 'export-tsv')).toBe(before);

  // A table whose content differs from the run's is named, with both checksums.
  const changed = {
    ...manifest,
    tables: manifest.tables.map((t) =>
      t.name === 'uniprot' ? { ...t, sha256: '0'.repeat(64) } : t,
    ),
  };
  const changedPath = testInfo.outputPath('changed-manifest.json');
  writeFileSync(changedPath, JSON.stringify(changed));
  await page.getByTestId('manifest-file').setInputFiles(changedPath);
  await expect(page.getByTestId('manifest-warning')).toHaveCount(1);
  await expect(page.getByTestId('manifest-warning')).toContainText(
    `Table "uniprot" differs from the run's: sha256 ${shipped(files.get('uniprot')!).slice(0, 12)}… here, 000000000000… in the manifest`,
  );
});

test('a file that is not a manifest is refused with a message naming it, and nothing changes', async ({
  page,
}, testInfo) => {
  await page.getByTestId('ids-input').fill('TP53');
  const path = testInfo.outputPath('not-a-manifest.json');
  writeFileSync(path, '{"hello": 1}');
  await page.getByTestId('manifest-file').setInputFiles(path);
  await expect(page.getByTestId('error')).toContainText(
    '"not-a-manifest.json" is not a Crosswalk manifest',
  );
  await expect(page.getByTestId('ids-input')).toHaveValue('TP53');
  await expect(page.getByTestId('manifest-report')).toHaveCount(0);
});
