/**
 * The line rule (#12 item 1): two or more non-blank lines are one input per line, one line is
 * split into words, and a line of `;`-separated source ids (MaxQuant's protein groups) is one
 * input whose members are each mapped. Expected targets come from the fixture CSVs.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../workers/engine/ids/parse-input';
import { countIds, splitRule } from '../../../../workers/common/id-tokens';
import {
  columnOf,
  fixtureCatalog,
  loadFixtureEngine,
  multiMap,
  QUIRKS_DIR,
  readCsv,
  rowsOf,
  sorted,
} from '../helpers';

const keysOf = (text: string, split?: 'auto' | 'lines' | 'words'): string[] => {
  const input = parseInput(text, split);
  return Array.from(input.keyOf, (k) => input.keys.get(k));
};

const uniprot = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'uniprot', 'entrez_id');

describe('the line rule', () => {
  it('reads two or more non-blank lines one per line, trimmed, inner spaces kept', () => {
    const text = '  tumor protein p53 \n\n\tBRCA1, BRCA2\t\r\n\r\nTP53\n';
    expect(splitRule(text)).toBe('lines');
    expect(keysOf(text)).toEqual(['tumor protein p53', 'BRCA1, BRCA2', 'TP53']);
    expect(countIds(text)).toBe(3);
  });

  it('adds nothing for blank lines, lines of spaces and a trailing line break', () => {
    expect(keysOf('A\n\n \t \nB\n')).toEqual(['A', 'B']);
    expect(keysOf('A\r\nB\r\n\r\n')).toEqual(['A', 'B']);
    // One non-blank line among blank ones is one line: split into words.
    expect(splitRule('\n\nTP53 BRCA1\n\n')).toBe('words');
    expect(keysOf('\n\nTP53 BRCA1\n\n')).toEqual(['TP53', 'BRCA1']);
  });

  it('splits one line on tabs, commas, semicolons and spaces, as before', () => {
    expect(splitRule('TP53,BRCA1\tEGFR  KRAS;MYC')).toBe('words');
    expect(keysOf('TP53,BRCA1\tEGFR  KRAS;MYC')).toEqual(['TP53', 'BRCA1', 'EGFR', 'KRAS', 'MYC']);
  });

  it('follows a forced rule whatever the number of lines', () => {
    expect(keysOf('TP53 BRCA1\nEGFR', 'words')).toEqual(['TP53', 'BRCA1', 'EGFR']);
    expect(keysOf('TP53 BRCA1', 'lines')).toEqual(['TP53 BRCA1']);
    expect(countIds('TP53 BRCA1\nEGFR', 'words')).toBe(3);
    expect(countIds('TP53 BRCA1', 'lines')).toBe(1);
  });

  it('cleans a whole line as it cleans a token: quotes, NBSP and invisible characters', () => {
    const input = parseInput('"TP53"\n\u00a0BRCA1\u00a0\n\u200bEGFR\nKRAS');
    expect(Array.from(input.keyOf, (k) => input.keys.get(k))).toEqual([
      'TP53',
      'BRCA1',
      'EGFR',
      'KRAS',
    ]);
    expect(Array.from(input.trimmed)).toEqual([1, 1, 1, 0]);
    // A line of only quotes or padding is no input.
    expect(countIds('TP53\n""\n\u00a0\u200b\nBRCA1')).toBe(2);
  });
});

describe('spaced aliases', () => {
  it('maps a name with spaces as one input, in line order', async () => {
    const engine = await loadFixtureEngine();
    const catalog = fixtureCatalog();
    const alias = catalog.tables.find((t) => t.name === 'alias')!;
    engine.register(
      { ...alias, name: 'spaced_alias', file: 'spaced-aliases.csv', hash: 'spaced-aliases' },
      pathToFileURL(join(QUIRKS_DIR, 'spaced-aliases.csv')).href,
    );
    const quirk = multiMap(readCsv('quirks/spaced-aliases.csv'), 'alias', 'entrez_id');
    const lines = ['p53 tumor suppressor', 'BRCA1; RNF53', 'TP53'];
    const result = await engine.map({ text: lines.join('\n'), source: 'symbol', target: 'entrez' });
    const rows = rowsOf(result);
    expect(rows.map((r) => r.input)).toEqual(lines);
    expect(rows[0].pairs.map((p) => p.target)).toEqual(quirk.get('p53 tumor suppressor'));
    // A line with `; ` whose parts are symbols (no id pattern) is looked up whole.
    expect(rows[1].pairs.map((p) => p.target)).toEqual(quirk.get('BRCA1; RNF53'));
    expect(rows[1].pairs.every((p) => !p.match.includes('group'))).toBe(true);
  });
});

describe('protein groups', () => {
  it('maps each member of a group line and gives the union of their targets, once each', async () => {
    const engine = await loadFixtureEngine();
    const members = ['P0C0L4', 'P0C0L5'];
    const lines = ['P04637', members.join(';'), 'P38398'];
    const result = await engine.map({
      text: lines.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((r) => r.input)).toEqual(lines);
    expect(result.summary.inputs).toBe(3);
    const group = rows[1];
    const union = [...new Set(members.flatMap((m) => uniprot.get(m)!))];
    expect(sorted(group.pairs.map((p) => p.target))).toEqual(sorted(union));
    expect(group.status).toBe(union.length > 1 ? 'ambiguous' : 'mapped');
    for (const pair of group.pairs) {
      // The member the pair came from: the first member whose rows hold the target.
      const member = members.find((m) => uniprot.get(m)!.includes(pair.target))!;
      expect(pair.via.split(' > ')[0]).toBe(member);
      expect(pair.match.split('+')).toContain('group');
    }
    // The lines around it are looked up as they are.
    expect(rows[0].pairs.map((p) => p.target)).toEqual(uniprot.get('P04637'));
    expect(rows[0].pairs[0].match).toBe('exact');
    expect(result.notes.some((n) => n.includes('1 line was read as a group'))).toBe(true);
  });

  it('gives a target two members share once: a group of one gene is mapped', async () => {
    const engine = await loadFixtureEngine();
    // Two accessions of the fixture whose only target is the same gene.
    const accessions = columnOf(readCsv('org-hs-eg/uniprot.csv'), 'uniprot');
    const single = [...new Set(accessions)].filter((a) => uniprot.get(a)!.length === 1);
    const [a, b] = single.filter((x, _, all) =>
      all.some((y) => y !== x && uniprot.get(y)![0] === uniprot.get(x)![0]),
    );
    expect(uniprot.get(a)).toEqual(uniprot.get(b));
    const result = await engine.map({
      text: `${a};${b}\nP04637`,
      source: 'uniprot',
      target: 'entrez',
    });
    const [group] = rowsOf(result);
    expect(group.status).toBe('mapped');
    expect(group.pairs.map((p) => p.target)).toEqual(uniprot.get(a));
    expect(group.pairs[0].via.split(' > ')[0]).toBe(a);
    expect(group.pairs[0].match).toBe('group');
  });

  it('looks a line up whole when not every part is shaped like a source id', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P04637; tumor protein\nP38398',
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((r) => r.input)).toEqual(['P04637; tumor protein', 'P38398']);
    expect(rows[0].status).toBe('invalid');
    expect(rows[0].pairs).toEqual([]);
  });

  it('decides group-ness after detecting the source type, and calls an unknown group unmapped', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P0C0L4;P0C0L5\nP04637\nQ99999;Q99998',
      source: 'auto',
      target: 'entrez',
    });
    expect(result.source).toBe('uniprot');
    const rows = rowsOf(result);
    expect(rows[0].pairs.length).toBe(
      new Set([...uniprot.get('P0C0L4')!, ...uniprot.get('P0C0L5')!]).size,
    );
    // Neither accession is in the fixture.
    expect(uniprot.has('Q99999') || uniprot.has('Q99998')).toBe(false);
    expect(rows[2].status).toBe('unmapped');
  });

  it('reads groups only by lines: split into words, the parts are inputs of their own', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P0C0L4;P0C0L5',
      source: 'uniprot',
      target: 'entrez',
    });
    expect(rowsOf(result).map((r) => r.input)).toEqual(['P0C0L4', 'P0C0L5']);
  });
});

describe('the live count', () => {
  it('equals the rows a run returns, by every rule, on awkward texts', async () => {
    const engine = await loadFixtureEngine();
    const texts = [
      'P04637\r\n"P38398",\u200bP00533\u00a0;  P01106\t\t',
      '\u2028P04637\u2029P38398\u0085P0C0L4;P0C0L5',
      '  P04637 \n\n"" \nP0C0L4; P0C0L5\n\u00a0\nP04637; not one\n',
      'P04637',
      'P04637 P38398\n',
    ];
    for (const text of texts) {
      for (const split of ['auto', 'lines', 'words'] as const) {
        const result = await engine.map({ text, split, source: 'uniprot', target: 'entrez' });
        expect(countIds(text, split), `${JSON.stringify(text)} ${split}`).toBe(result.inputs.count);
      }
    }
  });
});
