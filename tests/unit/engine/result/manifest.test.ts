/**
 * A run's manifest (#17). The tables' checksums are those of the fixture files themselves
 * (node:crypto over their bytes), the input's that of the ids one per line; the tables read are
 * those the paths name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import { fixtureCatalog, loadFixtureEngine } from '../helpers';

const IDS = ['TP53', 'BRCA1', 'NOTAGENE', 'TP53', 'ÉGFR'];
const OPTIONS = { includeIds: false, layout: 'wide' as const, appVersion: '9.9.9' };
const fileHash = (file: string) =>
  createHash('sha256')
    .update(
      readFileSync(fileURLToPath(new URL(`../../../fixtures/org-hs-eg/${file}`, import.meta.url))),
    )
    .digest('hex');

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

describe('the manifest of a run', () => {
  it('records the settings, every table read with its sha256, the paths, counts and input checksum', async () => {
    const request = {
      text: IDS.join('\n'),
      source: 'symbol',
      target: 'uniprot',
      alsoTargets: ['ensembl_gene'],
      split: 'lines' as const,
    };
    const result = await engine.map(request);
    await engine.applyPolicy(result.runId, 'prefer-reviewed');
    const manifest = await engine.manifest(result.runId, OPTIONS);

    expect(manifest).toMatchObject({
      format: 'crosswalk-manifest',
      formatVersion: 1,
      app: { name: 'Crosswalk', version: '9.9.9' },
      data: fixtureCatalog().version,
      settings: {
        source: 'symbol',
        target: 'uniprot',
        alsoTargets: ['ensembl_gene'],
        split: 'lines',
        roundTrip: false,
        attributes: [],
        policy: 'prefer-reviewed',
        layout: 'wide',
      },
      resolved: { source: 'symbol', targets: ['uniprot', 'ensembl_gene'] },
    });
    expect(Number.isNaN(Date.parse(manifest.created))).toBe(false);
    // Every table a path steps through, and the reviewed list the policy read, each once.
    const stepped = new Set(manifest.paths.flatMap((p) => p.steps.map((s) => s.table)));
    const read = manifest.tables.map((t) => t.name);
    expect(new Set(read).size).toBe(read.length);
    for (const name of [...stepped, 'uniprot_reviewed']) expect(read).toContain(name);
    const files = new Map(fixtureCatalog().tables.map((t) => [t.name, t]));
    for (const table of manifest.tables) {
      expect(table.sha256, table.name).toBe(fileHash(files.get(table.name)!.file));
      expect(table).toMatchObject({ bundled: true, rows: files.get(table.name)!.rows });
    }
    expect(manifest.enabledTables.sort()).toEqual([...files.keys()].sort());
    expect(manifest.summary.inputs).toBe(IDS.length);
    expect(manifest.timing.totalMs).toBeGreaterThan(0);
    expect(manifest.input).toEqual({
      count: IDS.length,
      sha256: createHash('sha256')
        .update(IDS.map((id) => `${id}\n`).join(''), 'utf8')
        .digest('hex'),
    });
  });

  it('lists the ids only when asked, and gives the same checksum for the same list however split', async () => {
    const byLines = await engine.map({ text: IDS.join('\n'), source: 'symbol', target: 'entrez' });
    const byWords = await engine.map({ text: IDS.join(', '), source: 'symbol', target: 'entrez' });
    const withIds = await engine.manifest(byLines.runId, { ...OPTIONS, includeIds: true });
    const without = await engine.manifest(byWords.runId, OPTIONS);
    expect(withIds.input.ids).toEqual(IDS);
    expect(without.input.ids).toBeUndefined();
    expect(without.input.sha256).toBe(withIds.input.sha256);
    expect(without.settings.policy).toBe('keep');
  });
});
