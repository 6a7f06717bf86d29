/**
 * The types of #13 over the pack fixtures: canonical forms in and out, paths across packs
 * (cas → chebi → pubchem_cid, hmdb → chebi → chembl once opted in, mgi → mouse_symbol,
 * hgnc → symbol → entrez → uniprot), and no crossing between one species' symbols and another's.
 * Expected values come from the fixture CSVs.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import {
  expectCrosswalkError,
  fsReadBytes,
  keyInfoOf,
  multiMap,
  readCsv,
  ROOT,
  rowsOf,
  sorted,
} from '../helpers';

const PACKS_CATALOG = pathToFileURL(join(ROOT, 'tests', 'fixtures', 'packs', 'catalog.json')).href;
const casToChebi = multiMap(readCsv('packs/cas_chebi.csv'), 'cas', 'chebi');
const chebiToCid = multiMap(readCsv('packs/chebi_pubchem.csv'), 'chebi', 'pubchem_cid');
const chebiToChembl = multiMap(readCsv('packs/chebi_chembl.csv'), 'chebi', 'chembl');
const hmdbToChebi = multiMap(readCsv('packs/hmdb_chebi.csv'), 'hmdb', 'chebi');
const mgi = readCsv('packs/mgi_genes.csv');
const mgiToSymbol = multiMap(mgi, 'mgi', 'symbol');
const mouseToEnsembl = multiMap(mgi, 'symbol', 'ensembl_gene');
const hgncToSymbol = multiMap(readCsv('packs/hgnc_ids.csv'), 'hgnc', 'symbol');
const symbolToEntrez = multiMap(readCsv('org-hs-eg/genes.csv'), 'symbol', 'entrez_id');
const entrezToUniprot = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'entrez_id', 'uniprot');
const through = (ids: Iterable<string>, map: Map<string, string[]>) =>
  sorted(new Set([...ids].flatMap((id) => map.get(id) ?? [])));

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = new CrosswalkEngine({ readBytes: fsReadBytes });
  await engine.init(PACKS_CATALOG);
});

describe('paths across packs', () => {
  it('cas → chebi → pubchem_cid, targets in their canonical form', async () => {
    const cas = [...casToChebi.keys()].filter(
      (c) => through(casToChebi.get(c)!, chebiToCid).length,
    );
    const result = await engine.map({ text: cas.join('\n'), source: 'cas', target: 'pubchem_cid' });
    rowsOf(result).forEach((row, i) => {
      expect(sorted(row.pairs.map((p) => p.target))).toEqual(
        through(casToChebi.get(cas[i])!, chebiToCid),
      );
      // The hop chain passes the ChEBI id as `CHEBI:n`.
      expect(row.pairs[0].via.split(' > ')[1]).toMatch(/^CHEBI:\d+$/);
    });
  });

  it('hmdb → chebi → chembl, only once the HMDB tables are opted in', async () => {
    const hmdb = [...hmdbToChebi.keys()].find(
      (h) => through(hmdbToChebi.get(h)!, chebiToChembl).length,
    )!;
    await expectCrosswalkError(
      engine.map({ text: hmdb, source: 'hmdb', target: 'chembl' }),
      'unknown-type',
    );
    const optedIn = new CrosswalkEngine({ readBytes: fsReadBytes });
    await optedIn.init(PACKS_CATALOG);
    for (const table of ['hmdb_chebi', 'hmdb_secondary'])
      await optedIn.setTableOptions(table, { enabled: true });
    const result = await optedIn.map({ text: hmdb, source: 'hmdb', target: 'chembl' });
    expect(sorted(rowsOf(result)[0].pairs.map((p) => p.target))).toEqual(
      through(hmdbToChebi.get(hmdb)!, chebiToChembl),
    );
  });

  it('mgi → mouse_symbol, from `MGI:n` or the bare number the files write', async () => {
    const [id, symbols] = [...mgiToSymbol][1];
    const bare = id.replace('MGI:', '');
    const result = await engine.map({
      text: `${id}\n${bare}\nmgi:${bare}`,
      source: 'mgi',
      target: 'mouse_symbol',
    });
    for (const [i, row] of rowsOf(result).entries()) {
      expect(row.pairs.map((p) => p.target)).toEqual(symbols);
      expect(keyInfoOf(result, i).normalised).toBe(id);
    }
  });

  it('hgnc → symbol → entrez → uniprot', async () => {
    const [id] = [...hgncToSymbol].find(
      ([, s]) => through(through(s, symbolToEntrez), entrezToUniprot).length,
    )!;
    const result = await engine.map({ text: id, source: 'hgnc', target: 'uniprot' });
    expect(sorted(rowsOf(result)[0].pairs.map((p) => p.target))).toEqual(
      through(through(hgncToSymbol.get(id)!, symbolToEntrez), entrezToUniprot),
    );
  });

  it('a bare ChEBI number given as ChEBI ids is read as `CHEBI:n`', async () => {
    const [chebi, cids] = [...chebiToCid][0];
    const result = await engine.map({
      text: chebi.replace('CHEBI:', ''),
      source: 'chebi',
      target: 'pubchem_cid',
    });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(cids);
    expect(keyInfoOf(result, 0).normalised).toBe(chebi);
  });
});

describe('organisms never mix', () => {
  it('a mouse symbol reaches only mouse genes, in any case, and no human table', async () => {
    const result = await engine.map({
      text: 'Actb\nACTB\nTrp53',
      source: 'mouse_symbol',
      target: 'ensembl_gene',
    });
    const rows = rowsOf(result);
    expect(rows[0].pairs.map((p) => p.target)).toEqual(mouseToEnsembl.get('Actb'));
    // Case folds within the species: ACTB as a mouse symbol is mouse Actb.
    expect(rows[1].pairs.map((p) => p.target)).toEqual(mouseToEnsembl.get('Actb'));
    for (const row of rows) for (const pair of row.pairs) expect(pair.target).toMatch(/^ENSMUSG/);
    // There is no way from mouse symbols to human NCBI Gene ids.
    await expectCrosswalkError(
      engine.map({ text: 'Actb', source: 'mouse_symbol', target: 'entrez' }),
      'no-path',
    );
  });

  it('on auto, a list of mouse symbols is read as mouse symbols, not folded into human genes', async () => {
    const mouse = [...mouseToEnsembl].filter(([, e]) => e.some(Boolean)).map(([s]) => s);
    const result = await engine.map({
      text: mouse.join('\n'),
      source: 'auto',
      target: 'ensembl_gene',
    });
    rowsOf(result).forEach((row, i) => {
      expect(keyInfoOf(result, i).sourceType, mouse[i]).toBe('mouse_symbol');
      expect(row.pairs.map((p) => p.target)).toEqual(mouseToEnsembl.get(mouse[i]));
    });
    // Human symbols on auto stay human.
    const human = await engine.map({ text: 'TP53\nBRCA1', source: 'auto', target: 'entrez' });
    expect(keyInfoOf(human, 0).sourceType).toBe('symbol');
    expect(rowsOf(human)[0].pairs.map((p) => p.target)).toEqual(['7157']);
  });

  it('types say their organism and group, and tables theirs', () => {
    const catalog = engine.catalog();
    const type = (id: string) => catalog.types.find((t) => t.id === id)!;
    expect(type('mouse_symbol')).toMatchObject({ organism: 'mouse', group: 'Mouse' });
    expect(type('rat_symbol')).toMatchObject({ organism: 'rat', group: 'Rat' });
    expect(type('symbol')).toMatchObject({ organism: 'human' });
    expect(type('chebi').group).toBe('Metabolites');
    expect(catalog.tables.find((t) => t.name === 'mgi_genes')).toMatchObject({
      organism: 'mouse',
      pack: 'mouse',
    });
    expect(catalog.tables.find((t) => t.name === 'ncbi_history')?.historyOf).toBe('entrez');
    expect(catalog.packs.map((p) => p.name).sort()).toEqual(
      ['history', 'hmdb', 'metabolites', 'mouse', 'rat'].sort(),
    );
  });
});
