import { describe, expect, it } from 'vitest';
import { INPUT_EXCEL_DATE } from '../../../../workers/common/codes';
import { MAX_INPUT_CHARS } from '../../../../workers/engine/ids/parse-input';
import { expectCrosswalkError, loadFixtureEngine, rowsOf } from '../helpers';

describe('pasted input that is not a clean list', () => {
  it('flags symbols a spreadsheet turned into dates and names them in a note', async () => {
    const engine = await loadFixtureEngine();
    // 1-Mar, 7-Sep and an ISO date are how Excel shows MARCHF1, SEPTIN7 and friends.
    const result = await engine.map({
      text: 'TP53\n1-Mar\n7-Sep\n2023-09-07\nSep-07',
      source: 'symbol',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((r) => Boolean(r.flags & INPUT_EXCEL_DATE))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(result.summary.excelDates).toBe(4);
    const note = result.notes.find((n) => n.includes('spreadsheet'));
    expect(note).toContain('1-Mar, 7-Sep, 2023-09-07, Sep-07');
    expect(note).toContain('SEPTIN');
  });

  it('does not call a date-like UniProt input an Excel symbol', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({ text: '7-Sep\nP04637', source: 'uniprot', target: 'entrez' });
    expect(result.summary.excelDates).toBe(0);
    expect(rowsOf(result)[0].status).toBe('invalid');
  });

  it('refuses binary garbage before doing any work', async () => {
    const engine = await loadFixtureEngine();
    const garbage = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7) % 32));
    await expectCrosswalkError(
      engine.map({ text: `P04637\n${garbage}`, source: 'uniprot', target: 'entrez' }),
      'bad-request',
      'binary',
    );
  });

  it('refuses an input over the stated limit with a message giving the limit', async () => {
    const engine = await loadFixtureEngine();
    const text = 'P04637\n'.repeat(Math.ceil((MAX_INPUT_CHARS + 1) / 7));
    await expectCrosswalkError(
      engine.map({ text, source: 'uniprot', target: 'entrez' }),
      'bad-request',
      `${MAX_INPUT_CHARS / 1024 / 1024} MB`,
    );
  });

  it('maps a file of ids as it maps the same text, in order', async () => {
    const engine = await loadFixtureEngine();
    const text = 'P04637\r\nP38398\nnot-an-id\nP04637\n';
    const fromText = rowsOf(await engine.map({ text, source: 'uniprot', target: 'entrez' }));
    const file = new Blob([text], { type: 'text/plain' });
    const fromFile = rowsOf(await engine.map({ text: file, source: 'uniprot', target: 'entrez' }));
    expect(fromFile).toEqual(fromText);
    expect(fromFile.map((row) => row.input)).toEqual(['P04637', 'P38398', 'not-an-id', 'P04637']);
  });

  it('counts the ids of a file or text as the rows a run returns', async () => {
    const engine = await loadFixtureEngine();
    // Blank lines, a quote-only token and NBSP padding are not ids.
    const text = 'P04637\n\n"",P38398\u00a0\n  \nQ9Y6K9;';
    // Three non-blank lines; three ids by words too ("" is no id).
    expect(await engine.countIds(text)).toEqual({ lines: 3, words: 3 });
    expect(await engine.countIds(new Blob([text]))).toEqual({ lines: 3, words: 3 });
    const result = await engine.map({ text, source: 'uniprot', target: 'entrez' });
    expect(result.inputs.count).toBe(3);
    const byWords = await engine.map({ text, split: 'words', source: 'uniprot', target: 'entrez' });
    expect(byWords.inputs.count).toBe(3);
  });

  it('refuses a file over the limit by its size, and a binary file, when counting', async () => {
    const engine = await loadFixtureEngine();
    const huge = new Blob([new Uint8Array(MAX_INPUT_CHARS + 1).fill(65)]);
    await expectCrosswalkError(engine.countIds(huge), 'bad-request', '64 MB');
    const png = new Blob([
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    ]);
    await expectCrosswalkError(engine.countIds(png), 'bad-request', 'binary');
  });

  it('counts a lower-case or isoform accession as the type it is once relaxed', async () => {
    const engine = await loadFixtureEngine();
    const detection = engine.detect('P04637\np38398\nP04637-2\nuniprotkb:P00533');
    expect(detection.type).toBe('uniprot');
    expect(detection.share).toBe(1);
  });

  it('maps an auto-detected mixed list id by id, and says it was mixed', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P04637\nP38398\nP00533\nENSG00000141510\nENSG00000012048',
      source: 'auto',
      target: 'entrez',
    });
    expect(result.source).toBe('uniprot');
    expect(result.sourceTypes).toEqual(['uniprot', 'ensembl_gene']);
    const note = result.notes.find((n) => n.startsWith('A mixed list'));
    expect(note).toContain('3 uniprot, 2 ensembl_gene');
    // TP53 and BRCA1 by both their UniProt accession and their Ensembl gene (fixture rows).
    expect(rowsOf(result)[3].pairs.map((p) => p.target)).toEqual(['7157']);
    expect(rowsOf(result)[4].pairs.map((p) => p.target)).toEqual(['672']);
  });

  it('keeps NBSP, zero-width and quoted ids as the same ids, flagged as trimmed', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: '\u00a0P04637\u00a0\r\n\u200bP04637\t"P04637",',
      split: 'words',
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.pairs.map((p) => p.target)).toEqual(['7157']);
    expect(rows[0].pairs[0].match).toBe('trimmed');
    expect(result.summary.duplicates).toBe(2);
  });

  it('gives each row its own match type: the quoted repeat of a plain id says trimmed', async () => {
    const engine = await loadFixtureEngine();
    const result = await engine.map({
      text: 'P04637\n"P04637"\nP04637\n\u00a0P04637',
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((row) => row.pairs.map((p) => p.match))).toEqual([
      ['exact'],
      ['trimmed'],
      ['exact'],
      ['trimmed'],
    ]);
    // The note counts the rows clean-up changed.
    expect(result.notes).toContain(
      '2 ids had stray spaces, quotes or invisible characters removed.',
    );
    // Each row keeps its input as typed, though the three plain ones share one stored string.
    expect(rows.map((row) => row.input)).toEqual(['P04637', '"P04637"', 'P04637', '\u00a0P04637']);
    expect(result.inputs.text.strings.offsets.length - 1).toBe(3);
  });

  it('stores a target and a path once however many inputs reach them', async () => {
    const engine = await loadFixtureEngine();
    // 2,000 lines of two ids, each with one NCBI Gene id in the fixture's uniprot table.
    const text = Array.from({ length: 1000 }, () => 'P04637\nP38398').join('\n');
    const result = await engine.map({ text, source: 'uniprot', target: 'entrez' });
    const rows = rowsOf(result);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((row) => row.pairs.map((p) => `${p.target} ${p.via}`).join()))).toEqual(
      new Set(['7157 P04637 > 7157', '672 P38398 > 672']),
    );
    expect(result.pairs.target.strings.offsets.length - 1).toBe(2);
    expect(result.pairs.via.strings.offsets.length - 1).toBe(2);
    expect(result.inputs.text.strings.offsets.length - 1).toBe(2);
  });

  it('strips direction, isolate and format marks around an id, and says so', async () => {
    const engine = await loadFixtureEngine();
    // LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, soft hyphen, Mongolian vowel separator.
    const marks = [0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067]
      .concat([0x2068, 0x2069, 0x00ad, 0x180e])
      .map((code) => String.fromCharCode(code));
    const inputs = marks.map((mark) => `${mark}P04637${mark}`);
    const result = await engine.map({
      text: inputs.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((row) => row.input)).toEqual(inputs);
    for (const row of rows) {
      expect(row.status, JSON.stringify(row.input)).toBe('mapped');
      expect(row.pairs.map((p) => [p.target, p.match])).toEqual([['7157', 'trimmed']]);
    }
  });
});
