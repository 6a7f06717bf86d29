import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogTable } from '../../../../workers/engine/tables/catalog';
import type { CrosswalkEngine } from '../../../../workers/engine/engine';
import type { MapResult } from '../../../../workers/api';
import { exportParts, exportRows, neutralise } from '../../../../workers/engine/result/export';
import {
  expectCrosswalkError,
  fixtureCatalog,
  loadFixtureEngine,
  distinct,
  multiMap,
  parseCsvText,
  QUIRKS_DIR,
  readCsv,
  sorted,
} from '../helpers';

const HEAD = ['input_index', 'input', 'status', 'target', 'path', 'via', 'match', 'confidence'];
// Hand-chosen: P04637 → 1 Ensembl gene; P0C0L4 → 9 (C4A + C4B); Q13072 (BAGE) → none;
// the formula-like inputs are not UniProt accessions (invalid, one row each).
const INPUTS = ['P04637', '=cmd()', '+1', '-x', '@x', 'P0C0L4', 'Q13072', 'P04637'];

const entrezOf = multiMap(readCsv('org-hs-eg/uniprot.csv'), 'uniprot', 'entrez_id');
const ensemblOf = multiMap(readCsv('org-hs-eg/ensembl_gene.csv'), 'entrez_id', 'ensembl_gene');
const expectedTargets = (accession: string) =>
  sorted(new Set((entrezOf.get(accession) ?? []).flatMap((e) => ensemblOf.get(e) ?? [])));

/** A quirk file registered as an extra table (types of its own: organ, note). */
function quirkTable(name: string, file: string, columns: CatalogTable['columns']): CatalogTable {
  return { ...fixtureCatalog().tables[0], name, file, hash: name, columns };
}

let engine: CrosswalkEngine;
let mapped: MapResult;
let runId: number;
/** The export's text, read from the Blob the engine makes. */
const exported = (format: 'tsv' | 'csv' | 'json') => engine.exportResult(runId, format).text();
const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());

beforeAll(async () => {
  engine = await loadFixtureEngine();
  mapped = await engine.map({
    text: INPUTS.join('\n'),
    source: 'uniprot',
    target: 'ensembl_gene',
  });
  runId = mapped.runId;
});

describe('exportResult', () => {
  it('writes one TSV row per pair plus one per input without pairs, in input order', async () => {
    const { header, rows } = parseCsvText(await exported('tsv'), '\t');
    expect(header.slice(0, HEAD.length)).toEqual(HEAD);
    const col = (name: string) => header.indexOf(name);
    const expected = INPUTS.flatMap((input, i) => {
      const targets = expectedTargets(input);
      return targets.length === 0 ? [[i + 1, '']] : targets.map((t) => [i + 1, t]);
    });
    expect(rows).toHaveLength(expected.length);
    const actual = rows.map((r) => [Number(r[col('input_index')]), r[col('target')]]);
    const byIndex = (list: (string | number)[][]) =>
      list.map(([i, t]) => `${String(i).padStart(3, '0')} ${t}`).sort();
    expect(byIndex(actual)).toEqual(byIndex(expected));
    // Input order: the index never goes down.
    const indexes = actual.map(([i]) => i as number);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    const statusOf = new Map(rows.map((r) => [r[col('input_index')], r[col('status')]]));
    expect([...statusOf.values()]).toEqual([
      'mapped',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'ambiguous',
      'unmapped',
      'mapped',
    ]);
    expect(rows.at(-1)![col('duplicate')]).toBe('yes');
  });

  it('neutralises formula-like cells with a leading apostrophe, but not plain numbers', async () => {
    for (const format of ['tsv', 'csv'] as const) {
      const { header, rows } = parseCsvText(await exported(format), format === 'tsv' ? '\t' : ',');
      const inputs = rows.map((r) => r[header.indexOf('input')]);
      for (const cell of ["'=cmd()", "'-x", "'@x"]) expect(inputs, format).toContain(cell);
      expect(inputs).toContain('+1');
      expect(inputs).toContain('P04637');
    }
    expect(neutralise('=cmd()')).toBe("'=cmd()");
    expect(neutralise('\t=1')).toBe("'\t=1");
    expect(neutralise('\r5')).toBe("'\r5");
    expect(neutralise('P04637')).toBe('P04637');
    expect(neutralise('')).toBe('');
    // OWASP's rule keeps a gene name a spreadsheet would evaluate neutralised.
    expect(neutralise('-8 kb enhancer of CYP2C8')).toBe("'-8 kb enhancer of CYP2C8");
    for (const number of ['-1', '+5', '-2.5e3', '+.5', '-3.', '1E-7', '42'])
      expect(neutralise(number), number).toBe(number);
    for (const formula of ['-1+1', '+5*2', '-2.5e3+A1', '-', '+', '-e3', '--1', '-1 '])
      expect(neutralise(formula), formula).toBe(`'${formula}`);
  });

  it('reads back every cell exactly, quotes included, in TSV and CSV', async () => {
    const local = await loadFixtureEngine();
    const tricky = ['"P04637', 'P38398"', 'a"b', '"=1+1"', '"@SUM(A1)"', 'P04637'];
    const result = await local.map({
      text: tricky.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    for (const format of ['tsv', 'csv'] as const) {
      const text = await local.exportResult(result.runId, format).text();
      const { header, rows } = parseCsvText(text, format === 'tsv' ? '\t' : ',');
      const inputs = distinct(rows.map((r) => r[header.indexOf('input')]));
      expect(inputs, format).toEqual(tricky);
      expect(
        rows.every((r) => r.length === header.length),
        format,
      ).toBe(true);
    }
  });

  it('keeps the same rows in CSV and JSON', async () => {
    const tsv = parseCsvText(await exported('tsv'), '\t');
    const csv = parseCsvText(await exported('csv'));
    expect(csv.header).toEqual(tsv.header);
    expect(csv.rows).toEqual(tsv.rows);
    const json = JSON.parse(await exported('json')) as {
      source: string;
      target: string;
      rows: Record<string, string | number>[];
    };
    expect([json.source, json.target]).toEqual(['uniprot', 'ensembl_gene']);
    expect(json.rows.map((r) => [r.input_index, r.target])).toEqual(
      tsv.rows.map((r) => [Number(r[0]), r[tsv.header.indexOf('target')]]),
    );
    expect(json.rows.map((r) => r.input)).toContain('=cmd()');
  });

  it('quotes fields with separators, quotes and line breaks, in CSV and TSV', async () => {
    const local = await loadFixtureEngine();
    const qin = quirkTable('qin', 'qin-like.csv', [
      { name: 'uniprot', type: 'uniprot' },
      { name: 'organ', type: 'organ' },
    ]);
    local.register(qin, pathToFileURL(join(QUIRKS_DIR, 'qin-like.csv')).href);
    const notes = quirkTable('notes', 'crlf-bom.tsv', [
      { name: 'symbol', type: 'note_symbol' },
      { name: 'note', type: 'note' },
    ]);
    local.register(notes, pathToFileURL(join(QUIRKS_DIR, 'crlf-bom.tsv')).href);
    // Hand-checked: qin-like.csv gives P02647 the organ cell "liver, intestine".
    const organs = multiMap(readCsv('quirks/qin-like.csv'), 'uniprot', 'organ');
    expect(organs.get('P02647')).toEqual(['liver, intestine']);
    const a = await local.map({ text: 'P02647', source: 'uniprot', target: 'organ' });
    const csvA = await local.exportResult(a.runId, 'csv').text();
    expect(csvA).toContain(',"liver, intestine",');
    expect(parseCsvText(csvA).rows[0][3]).toBe('liver, intestine');

    const b = await local.map({ text: 'BRCA1', source: 'note_symbol', target: 'note' });
    const note = 'has a\ttab, a "quote" and a\r\nline break';
    const csvB = await local.exportResult(b.runId, 'csv').text();
    expect(csvB).toContain(`"${note.replace(/"/g, '""')}"`);
    expect(parseCsvText(csvB).rows[0][3]).toBe(note);
    const tsvB = await local.exportResult(b.runId, 'tsv').text();
    expect(tsvB).toContain(`\t"${note.replace(/"/g, '""')}"\t`);
    expect(parseCsvText(tsvB, '\t').rows[0][3]).toBe(note);
  });

  it('is a typed file: UTF-8 without a BOM, the header on the first line, no comment lines', async () => {
    const types = {
      tsv: 'text/tab-separated-values;charset=utf-8',
      csv: 'text/csv;charset=utf-8',
      json: 'application/json',
    };
    for (const format of ['tsv', 'csv', 'json'] as const) {
      const file = engine.exportResult(runId, format);
      expect(file, format).toBeInstanceOf(Blob);
      expect(file.type, format).toBe(types[format]);
      const bytes = await bytesOf(file);
      // The bytes are exactly the UTF-8 of the text (no BOM, which text() would hide).
      expect(bytes, format).toEqual(new TextEncoder().encode(await file.text()));
      expect([...bytes.subarray(0, 3)], format).not.toEqual([0xef, 0xbb, 0xbf]);
      const lines = (await file.text()).split('\n');
      expect(lines.at(-1), 'ends with a line break').toBe('');
      expect(
        lines.some((line) => line.startsWith('#')),
        format,
      ).toBe(false);
      if (format === 'json') expect(lines[0]).toMatch(/^\{"source":"uniprot",.*"rows":\[$/);
      else
        expect(lines[0].startsWith(`input_index${format === 'tsv' ? '\t' : ','}input`)).toBe(true);
    }
  });

  it('makes the same bytes however the text is cut into parts of the Blob', async () => {
    for (const format of ['tsv', 'csv', 'json'] as const) {
      const whole = await bytesOf(exportRows(mapped, format));
      expect(whole, format).toEqual(await bytesOf(engine.exportResult(runId, format)));
      // A part after every input's rows, and parts of a few rows each.
      for (const chunkChars of [1, 200]) {
        const parts = [...exportParts(mapped, format, { chunkChars, inputsPerStep: 1 })];
        // The header goes with the first input's rows; JSON's closing bracket is a part of its own.
        if (chunkChars === 1)
          expect(parts.length, 'a part per input').toBe(
            mapped.inputs.count + (format === 'json' ? 1 : 0),
          );
        const blob = new Blob(parts as (string | Uint8Array<ArrayBuffer>)[]);
        expect(await bytesOf(blob), `${format} ${chunkChars}`).toEqual(whole);
      }
    }
  });

  it('refuses to export a run that is no longer kept', async () => {
    const local = await loadFixtureEngine();
    const first = await local.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    for (let i = 0; i < 5; i++)
      await local.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(() => local.exportResult(first.runId, 'tsv')).toThrow();
    await expectCrosswalkError(
      Promise.resolve().then(() => local.exportResult(first.runId, 'tsv')),
      'bad-request',
      `Run ${first.runId}`,
    );
  });
});
