import { describe, expect, it } from 'vitest';
import { cleanCell, isPlaceholderBytes, PLACEHOLDERS } from '../../../workers/common/normalize';

const encoder = new TextEncoder();
const placeholderBytes = (text: string): boolean => {
  const bytes = encoder.encode(`,${text},`);
  return isPlaceholderBytes(bytes, 1, bytes.length - 1);
};

describe('cleanCell', () => {
  it('keeps a plain id as it is and does not mark it repaired', () => {
    expect(cleanCell('P04637')).toEqual({ value: 'P04637', outcome: 'value', repaired: false });
  });

  it('trims NBSP (U+00A0) like a trailing spreadsheet space', () => {
    expect(cleanCell('Q8N3T1\u00a0')).toEqual({
      value: 'Q8N3T1',
      outcome: 'value',
      repaired: true,
    });
    expect(cleanCell('\u00a0\u2009TP53\u3000').value).toBe('TP53');
  });

  it('removes zero-width spaces, joiners, word joiners and the BOM anywhere in the cell', () => {
    expect(cleanCell('TP\u200B53').value).toBe('TP53');
    expect(cleanCell('\uFEFFP04637').value).toBe('P04637');
    expect(cleanCell('BRCA\u200C1\u200D\u2060').value).toBe('BRCA1');
    expect(cleanCell('\uFEFFP04637').repaired).toBe(true);
  });

  it('strips straight and smart quotes around the value, but not unmatched ones', () => {
    expect(cleanCell('"TP53"').value).toBe('TP53');
    expect(cleanCell("'TP53'").value).toBe('TP53');
    expect(cleanCell('\u201CTP53\u201D').value).toBe('TP53');
    expect(cleanCell('\u2018TP53\u2019').value).toBe('TP53');
    expect(cleanCell(' "\u00a0TP53 " ').value).toBe('TP53');
    expect(cleanCell('"TP53').value).toBe('"TP53');
    expect(cleanCell('\u201CTP53\u201C').value).toBe('\u201CTP53\u201C');
    expect(cleanCell('"TP53"').repaired).toBe(true);
  });

  it('reports blank cells, including white space and quotes around nothing', () => {
    for (const raw of ['', '   ', '\u00a0', '\u200B', '""', "' '"]) {
      expect(cleanCell(raw).outcome, JSON.stringify(raw)).toBe('blank');
    }
  });

  it('recognises every documented placeholder in any letter case', () => {
    const documented = ['NA', 'N/A', 'nan', 'null', '-', 'no ID', 'noUniprot ID', '#N/A'];
    for (const raw of documented) {
      for (const variant of [raw, raw.toLowerCase(), raw.toUpperCase()]) {
        const cell = cleanCell(variant);
        expect(cell.outcome, variant).toBe('placeholder');
        expect(cell.value, variant).toBe(variant);
      }
    }
    expect(cleanCell(' "NA" ').outcome).toBe('placeholder');
    expect(cleanCell('NaN\u00a0').outcome).toBe('placeholder');
    // The empty placeholder is reported as blank (nothing there), not as a placeholder.
    expect(PLACEHOLDERS.has('')).toBe(true);
    expect(cleanCell('').outcome).toBe('blank');
  });

  it('keeps real ids that merely start like a placeholder', () => {
    for (const id of ['NAT2', 'NAA10', 'NULLP', 'N/A1', 'no', 'NO2', '-1', 'NANOG', 'nan2']) {
      expect(cleanCell(id)).toEqual({ value: id, outcome: 'value', repaired: false });
    }
  });
});

describe('isPlaceholderBytes', () => {
  it('agrees with cleanCell on the placeholders of the quirk fixtures', () => {
    for (const raw of ['NA', 'N/A', 'nan', 'null', '-', 'no ID', 'noUniprot ID', '#N/A', 'NULL']) {
      expect(placeholderBytes(raw), raw).toBe(true);
    }
  });

  it('rejects ids such as NAT2 and NAA10, and anything longer than a placeholder', () => {
    for (const id of ['NAT2', 'NAA10', 'P04637', 'NANOG', '--', 'noUniprot IDs', 'TP53']) {
      expect(placeholderBytes(id), id).toBe(false);
    }
  });
});
