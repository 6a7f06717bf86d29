/**
 * Retired and secondary ids (#13 item 3) over the pack fixtures (tests/fixtures/packs, real rows
 * of the sec2pri history files): each event kind, a chain, a split, a history that disagrees with
 * a current table, and secondary ChEBI ids. Expected values come from the fixture CSVs.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { fsReadBytes, keyInfoOf, multiMap, readCsv, ROOT, rowsOf } from '../helpers';

const PACKS_CATALOG = pathToFileURL(join(ROOT, 'tests', 'fixtures', 'packs', 'catalog.json')).href;

interface Event {
  old: string;
  new: string;
  event: string;
  date: string;
}
const events = (file: string): Event[] => {
  const csv = readCsv(`packs/${file}`);
  return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r[i]])) as never);
};
const ncbi = events('ncbi_history.csv');
const hgncSymbols = events('hgnc_symbol_history.csv');
const chebiSecondary = events('chebi_secondary.csv');
const genes = readCsv('org-hs-eg/genes.csv');
const entrezToSymbol = multiMap(genes, 'entrez_id', 'symbol');
const symbolToEntrez = multiMap(genes, 'symbol', 'entrez_id');
const aliases = multiMap(readCsv('org-hs-eg/alias.csv'), 'alias', 'entrez_id');
const chebiToCid = multiMap(readCsv('packs/chebi_pubchem.csv'), 'chebi', 'pubchem_cid');
const isOld = (id: string) => ncbi.some((e) => e.old === id);

let engine: CrosswalkEngine;
beforeAll(async () => {
  engine = new CrosswalkEngine({ readBytes: fsReadBytes });
  await engine.init(PACKS_CATALOG);
});

describe('NCBI Gene ids no current table knows', () => {
  it('map through their successor when replaced or merged, the old id first in the hop chain', async () => {
    const moved = ncbi.filter(
      (e) =>
        (e.event === 'replaced' || e.event === 'merged') &&
        !entrezToSymbol.has(e.old) &&
        entrezToSymbol.has(e.new),
    );
    expect(moved.length).toBeGreaterThan(1);
    const result = await engine.map({
      text: moved.map((e) => e.old).join('\n'),
      source: 'entrez',
      target: 'symbol',
    });
    rowsOf(result).forEach((row, i) => {
      const e = moved[i];
      expect(
        row.pairs.map((p) => p.target),
        e.old,
      ).toEqual(entrezToSymbol.get(e.new));
      expect(row.pairs[0].via.startsWith(`${e.old} > ${e.new} > `)).toBe(true);
      expect(row.pairs[0].match.split('+')).toContain('retired');
      const by = e.event === 'merged' ? 'into' : 'by';
      expect(keyInfoOf(result, i).reason).toBe(`${e.event} (${by} ${e.new} on ${e.date})`);
    });
  });

  it('stay unmapped when withdrawn, with the date NCBI gives', async () => {
    const withdrawn = ncbi.find((e) => e.event === 'withdrawn' && !entrezToSymbol.has(e.old))!;
    const result = await engine.map({ text: withdrawn.old, source: 'entrez', target: 'symbol' });
    expect(rowsOf(result)[0]).toMatchObject({ status: 'unmapped', pairs: [] });
    expect(keyInfoOf(result, 0).reason).toBe(`withdrawn (on ${withdrawn.date})`);
  });

  it('follow a chain to its end, naming the ids passed', async () => {
    // old → mid, where mid is itself retired and not current.
    const first = ncbi.find((e) => e.new && isOld(e.new) && !entrezToSymbol.has(e.new))!;
    const second = ncbi.find((e) => e.old === first.new)!;
    const result = await engine.map({ text: first.old, source: 'entrez', target: 'symbol' });
    const by = first.event === 'merged' ? 'into' : 'by';
    expect(keyInfoOf(result, 0).reason).toBe(
      `${first.event} (${by} ${second.new} via ${first.new} on ${first.date})`,
    );
    const expected = entrezToSymbol.get(second.new) ?? [];
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(expected);
  });

  it('keep a current table’s answer when the history retired them, and say so', async () => {
    const disputed = ncbi.find((e) => entrezToSymbol.has(e.old) && e.event === 'replaced')!;
    const unknown = ncbi.find((e) => e.event === 'withdrawn' && !entrezToSymbol.has(e.old))!;
    const result = await engine.map({
      text: `${disputed.old}\n${unknown.old}`,
      source: 'entrez',
      target: 'symbol',
    });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual(entrezToSymbol.get(disputed.old));
    expect(rowsOf(result)[0].pairs[0].match).toBe('exact');
    expect(keyInfoOf(result, 0).reason).toBe(
      `current here; history: replaced (by ${disputed.new} on ${disputed.date})`,
    );
  });

  it('flag a current id the history retired even when the list has no misses', async () => {
    const disputed = ncbi.filter((e) => entrezToSymbol.has(e.old) && e.event === 'replaced');
    const current = genes.rows
      .map((r) => r[genes.header.indexOf('entrez_id')])
      .find((id) => !isOld(id))!;
    const result = await engine.map({
      text: [current, disputed[0].old].join('\n'),
      source: 'entrez',
      target: 'symbol',
    });
    expect(result.summary.unmapped).toBe(0);
    expect(keyInfoOf(result, 0).reason).toBe('');
    expect(keyInfoOf(result, 1).reason).toBe(
      `current here; history: replaced (by ${disputed[0].new} on ${disputed[0].date})`,
    );
  });
});

describe('human symbols', () => {
  it('resolve through HGNC’s history: split into every successor, withdrawn, replaced by one withdrawn since', async () => {
    const split = hgncSymbols.filter((e) => e.event === 'split');
    const splitOld = split[0].old;
    const successors = split.filter((e) => e.old === splitOld).map((e) => e.new);
    const withdrawn = hgncSymbols.find(
      (e) => e.event === 'withdrawn' && !symbolToEntrez.has(e.old),
    )!;
    // A symbol replaced by one that HGNC withdrew in turn.
    const replaced = hgncSymbols.find(
      (e) =>
        e.event === 'replaced' &&
        !aliases.has(e.old) &&
        hgncSymbols.some((w) => w.old === e.new && w.event === 'withdrawn'),
    )!;
    const result = await engine.map({
      text: [splitOld, withdrawn.old, replaced.old].join('\n'),
      source: 'symbol',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(keyInfoOf(result, 0).reason).toBe(`split (into ${successors.join(', ')})`);
    const splitTargets = successors.flatMap((s) => symbolToEntrez.get(s) ?? []);
    expect(rows[0].pairs.map((p) => p.target).sort()).toEqual(splitTargets.sort());
    expect(rows[1].status).toBe('unmapped');
    expect(keyInfoOf(result, 1).reason).toBe('withdrawn');
    expect(rows[2].status).toBe('unmapped');
    expect(keyInfoOf(result, 2).reason).toBe(`replaced (by ${replaced.new}, since withdrawn)`);
  });
});

describe('secondary ChEBI ids', () => {
  it('map through their primary id', async () => {
    const secondary = chebiSecondary.find((e) => chebiToCid.has(e.new))!;
    const result = await engine.map({
      text: secondary.old,
      source: 'chebi',
      target: 'pubchem_cid',
    });
    const [row] = rowsOf(result);
    expect(row.pairs.map((p) => p.target)).toEqual(chebiToCid.get(secondary.new));
    expect(row.pairs[0].match).toBe('secondary');
    expect(row.pairs[0].via.startsWith(`${secondary.old} > ${secondary.new} > `)).toBe(true);
    expect(keyInfoOf(result, 0).reason).toBe(`secondary id (of ${secondary.new})`);
  });
});
