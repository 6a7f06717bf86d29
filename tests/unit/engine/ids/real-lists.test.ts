/**
 * Real-world lists (#12 items 2–5): the forms of the field, mixed lists read id by id on `auto`,
 * a reason for every id not simply mapped, and the export columns that carry them. Expected
 * targets come from the fixture CSVs, read by the independent reader in helpers.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import { exportRows } from '../../../../workers/engine/result/export';
import {
  columnOf,
  keyInfoOf,
  loadFixtureEngine,
  multiMap,
  parseCsvText,
  readCsv,
  rowsOf,
  sorted,
} from '../helpers';

let engine: CrosswalkEngine;
const uniprot = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'uniprot', 'entrez_id');
const ensembl = multiMap(readCsv('org-hs-eg/ensembl_gene.csv'), 'ensembl_gene', 'entrez_id');
const symbols = multiMap(readCsv('org-hs-eg/genes.csv'), 'symbol', 'entrez_id');
const aliases = multiMap(readCsv('org-hs-eg/alias.csv'), 'alias', 'entrez_id');
const entrezIds = new Set(columnOf(readCsv('org-hs-eg/genes.csv'), 'entrez_id'));
const omims = columnOf(readCsv('org-hs-eg/omim.csv'), 'omim');
const omimToEntrez = multiMap(readCsv('org-hs-eg/omim.csv'), 'omim', 'entrez_id');
const entrezToSymbol = multiMap(readCsv('org-hs-eg/genes.csv'), 'entrez_id', 'symbol');

beforeAll(async () => {
  engine = await loadFixtureEngine();
});

describe('forms of the field', () => {
  it('maps each form of an accession to the accession’s targets, naming the form', async () => {
    const accession = 'P02768'; // albumin: MaxQuant's commonest contaminant
    const lines = [
      'sp|P02768|ALBU_HUMAN',
      'CON__P02768',
      'uniprot:P02768',
      'UniProtKB:P02768',
      'P02768.2',
      'REV__P02768',
    ];
    const result = await engine.map({
      text: lines.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((r) => r.input)).toEqual(lines);
    const expected = uniprot.get(accession)!;
    const matches = [
      'fasta-header',
      'contaminant',
      'prefix-stripped',
      'prefix-stripped',
      'version-stripped',
    ];
    rows.slice(0, 5).forEach((row, i) => {
      expect(
        row.pairs.map((p) => p.target),
        lines[i],
      ).toEqual(expected);
      expect(row.pairs[0].match.split('+'), lines[i]).toContain(matches[i]);
      expect(keyInfoOf(result, i).normalised).toBe(accession);
    });
    expect(keyInfoOf(result, 1).reason).toBe('contaminant');
    expect(rows[5]).toMatchObject({ status: 'unmapped', pairs: [] });
    expect(keyInfoOf(result, 5).reason).toBe('decoy');
  });

  it('says a prefix or a shape names another type than the chosen source, instead of missing silently', async () => {
    const ensemblId = [...ensembl.keys()][0];
    const lines = ['NCBIGene:7157', ensemblId, 'sp|P04637|P53_HUMAN'];
    const result = await engine.map({ text: lines.join('\n'), source: 'entrez', target: 'symbol' });
    const rows = rowsOf(result);
    expect(rows[0].pairs.map((p) => p.target)).toEqual(['TP53']);
    expect(rows[1].status).toBe('invalid');
    expect(keyInfoOf(result, 1).reason).toBe('not shaped like entrez (looks like ensembl_gene)');
    expect(rows[2].status).toBe('invalid');
    expect(keyInfoOf(result, 2).reason).toBe('not shaped like entrez (looks like uniprot)');
    const asUniprot = await engine.map({
      text: 'NCBIGene:7157\nP04637',
      source: 'uniprot',
      target: 'entrez',
    });
    expect(keyInfoOf(asUniprot, 0).reason).toBe('prefix names entrez');
  });
});

describe('mixed lists on auto', () => {
  it('reads each id as its own type and maps every one in one run, in the user’s order', async () => {
    const picks = [
      ...[...symbols.keys()].slice(0, 4),
      ...[...uniprot.keys()].filter((a) => /^[OPQ]/.test(a)).slice(0, 3),
      ...[...ensembl.keys()].slice(0, 2),
    ];
    // Interleave the types so order is tested, not grouping.
    const lines = [
      picks[0],
      picks[4],
      picks[7],
      picks[1],
      picks[5],
      picks[8],
      picks[2],
      picks[6],
      picks[3],
    ];
    const typeOf = (id: string) =>
      symbols.has(id) ? 'symbol' : uniprot.has(id) ? 'uniprot' : 'ensembl_gene';
    const targetsOf = (id: string) => (symbols.get(id) ?? uniprot.get(id) ?? ensembl.get(id))!;
    const result = await engine.map({ text: lines.join('\n'), source: 'auto', target: 'entrez' });
    const rows = rowsOf(result);
    expect(rows.map((r) => r.input)).toEqual(lines);
    rows.forEach((row, i) => {
      expect(sorted(row.pairs.map((p) => p.target)), row.input).toEqual(
        sorted(targetsOf(row.input)),
      );
      expect(keyInfoOf(result, i).sourceType, row.input).toBe(typeOf(row.input));
    });
    expect(result.detection?.mix).toEqual({ symbol: 4, uniprot: 3, ensembl_gene: 2 });
    expect(result.source).toBe('symbol');
    expect(result.notes[0]).toContain('A mixed list');
  });

  it('shows the mix before the run, with what it cannot read', () => {
    const detection = engine.detect('TP53\nP04637\nQ9BWD1\nENSG00000141510\nxyz!!\nNCBIGene:672');
    expect(detection.mix).toEqual({ uniprot: 2, symbol: 1, ensembl_gene: 1, entrez: 1 });
    expect(detection.unrecognised).toBe(1);
    expect(detection.sampled).toBe(6);
  });

  it('maps ids already of the target type to themselves when a table of that type lists them', async () => {
    const symbol = [...symbols.keys()][1];
    const result = await engine.map({
      text: `${symbol}\nP04637`,
      source: 'auto',
      target: 'symbol',
    });
    const [own, protein] = rowsOf(result);
    expect(own.pairs.map((p) => p.target)).toEqual([symbol]);
    expect(protein.pairs.map((p) => p.target)).toEqual(['TP53']);
  });

  it('looks a bare number the list’s type misses up as the other type that fits', async () => {
    // A six-digit OMIM number that is no NCBI Gene id of the fixture: entrez first, then omim.
    const omim = omims.find((o) => o.length === 6 && !entrezIds.has(o))!;
    const neither = '999999';
    expect(entrezIds.has(neither) || omims.includes(neither)).toBe(false);
    const result = await engine.map({
      text: `7157\n672\n${omim}\n${neither}`,
      source: 'auto',
      target: 'symbol',
    });
    const rows = rowsOf(result);
    const viaOmim = omimToEntrez.get(omim)!.flatMap((id) => entrezToSymbol.get(id) ?? []);
    expect(sorted(rows[2].pairs.map((p) => p.target))).toEqual(sorted(new Set(viaOmim)));
    expect(keyInfoOf(result, 2)).toMatchObject({ sourceType: 'omim' });
    expect(keyInfoOf(result, 2).reason).toMatch(
      rows[2].pairs.length > 1 ? /^several targets/ : /^read as omim \(not found as entrez\)$/,
    );
    expect(keyInfoOf(result, 3)).toMatchObject({
      sourceType: 'entrez',
      reason: 'ambiguous type (not found as entrez or omim)',
    });
    expect(result.detection?.ambiguous).toBe(2);
  });
});

describe('a reason for every row not simply mapped', () => {
  it('names the miss: typo, no path, several targets, fallback, spreadsheet date', async () => {
    // An approved symbol one swap from another string that is in no table.
    const typo = 'TP35';
    expect(symbols.has(typo) || aliases.has(typo)).toBe(false);
    // An alias with several genes, and one only the alias table knows, with one gene.
    const several = [...aliases].find(([a, ids]) => ids.length > 1 && !symbols.has(a))![0];
    const fallback = [...aliases].find(([a, ids]) => ids.length === 1 && !symbols.has(a))![0];
    const lines = ['TP53', typo, several, fallback, '1-Mar'];
    const result = await engine.map({ text: lines.join('\n'), source: 'symbol', target: 'entrez' });
    const reasons = lines.map((_, i) => keyInfoOf(result, i).reason);
    expect(reasons).toEqual([
      '',
      'not in any table (close to TP53)',
      'several targets via alias',
      'only by a fallback path',
      'spreadsheet date',
    ]);
  });

  it('says when an id is in a table but has no path to the target', async () => {
    // BAGE has a UniProt accession and no Ensembl gene in the fixture.
    const bage = symbols.get('BAGE')![0];
    const accession = [...uniprot].find(([, ids]) => ids.includes(bage))![0];
    expect([...ensembl.values()].some((ids) => ids.includes(bage))).toBe(false);
    const result = await engine.map({ text: accession, source: 'uniprot', target: 'ensembl_gene' });
    expect(rowsOf(result)[0].status).toBe('unmapped');
    expect(keyInfoOf(result, 0).reason).toBe('in uniprot, no path to ensembl_gene');
  });

  it('gives every row that is not simply mapped a reason, and none to those that are', async () => {
    const lines = ['P04637', 'Q99999', 'REV__P04637', 'xyz!!', 'AMY1', 'P0C0L4;P0C0L5', 'Q13072'];
    expect(uniprot.has('Q99999')).toBe(false);
    const result = await engine.map({ text: lines.join('\n'), source: 'auto', target: 'entrez' });
    rowsOf(result).forEach((row, i) => {
      const { reason } = keyInfoOf(result, i);
      if (row.status === 'mapped' && row.pairs[0].match === 'exact')
        expect(reason, row.input).toBe('');
      else expect(reason, row.input).not.toBe('');
    });
  });
});

describe('export columns', () => {
  it('appends source_type, normalised and reason after every other column', async () => {
    const lines = ['sp|P04637|P53_HUMAN', 'TP53', 'REV__P38398'];
    const result = await engine.map({ text: lines.join('\n'), source: 'auto', target: 'entrez' });
    const csv = parseCsvText(await exportRows(result, 'csv').text());
    expect(csv.header.slice(-3)).toEqual(['source_type', 'normalised', 'reason']);
    // #16's reviewed, policy and target_type columns, and #17's conflict, come just before them.
    expect(csv.header.slice(-7, -3)).toEqual(['reviewed', 'policy', 'target_type', 'conflict']);
    expect(csv.header.slice(0, 3)).toEqual(['input_index', 'input', 'status']);
    const at = (name: string) => csv.header.indexOf(name);
    const byInput = (input: string) => csv.rows.find((r) => r[at('input')] === input)!;
    expect(byInput('sp|P04637|P53_HUMAN').slice(-3)).toEqual(['uniprot', 'P04637', '']);
    expect(byInput('REV__P38398').slice(-3)).toEqual(['uniprot', '', 'decoy']);
    expect(byInput('TP53')[at('policy')]).toBe('keep');
    expect(byInput('TP53')[at('target_type')]).toBe('entrez');
    expect(byInput('REV__P38398')[at('target_type')]).toBe('');
    expect(byInput('TP53')[at('conflict')]).toBe('');
    const json = JSON.parse(await exportRows(result, 'json').text());
    expect(json.rows[0]).toMatchObject({
      source_type: 'uniprot',
      normalised: 'P04637',
      reason: '',
    });
  });
});
