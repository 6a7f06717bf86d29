import { describe, expect, it } from 'vitest';
import {
  countIds,
  isLargeInput,
  LARGE_INPUT_CHARS,
  LARGE_INPUT_LINES,
  sampleOf,
  sampleText,
} from '../../../../src/lib/input-count';
import { parseInput } from '../../../../workers/engine/ids/parse-input';

describe('countIds', () => {
  it('counts ids separated by new lines, tabs, commas, semicolons and spaces', () => {
    expect(countIds('P04637\nP38398\r\nXYZ')).toBe(3);
    expect(countIds('TP53,BRCA1\tEGFR  KRAS;MYC')).toBe(5);
  });

  it('treats NBSP and other Unicode spaces as padding, not separators, as spreadsheets leave them', () => {
    expect(countIds('TP53\u00a0\nBRCA1\u3000')).toBe(2);
    expect(countIds('A\u00a0B')).toBe(1);
  });

  it('ignores blank lines, runs of separators and tokens that are only quotes or padding', () => {
    expect(countIds('')).toBe(0);
    expect(countIds('\n\n ,, \t\n')).toBe(0);
    expect(countIds(',,A,,\n\nB ,')).toBe(2);
    expect(countIds('"TP53", "" \u00a0 \u200b')).toBe(1);
  });

  it('counts the rows a run returns: the same as the engine parser, on awkward text', () => {
    const texts = [
      'P04637\r\n"BRCA1",\u200bEGFR\u00a0;  KRAS\t\t',
      '\u2028TP53\u2029MDM2\u0085CDK2',
      "'1-Mar' 7-Sep ,,, \u201cSEPT7\u201d",
      'é ü 日本 \ufeffP04637',
    ];
    for (const text of texts) expect(countIds(text)).toBe(parseInput(text).count);
  });
});

describe('isLargeInput', () => {
  it('keeps text up to the limits in the textarea', () => {
    expect(isLargeInput('P04637\n'.repeat(LARGE_INPUT_LINES - 1))).toBe(false);
    expect(isLargeInput('x'.repeat(LARGE_INPUT_CHARS))).toBe(false);
  });

  it('takes text past the line limit or the size limit out of it', () => {
    expect(isLargeInput('P04637\n'.repeat(LARGE_INPUT_LINES))).toBe(true);
    // One long line: few lines, but over a megabyte.
    expect(isLargeInput('P04637,'.repeat(LARGE_INPUT_CHARS / 7 + 1))).toBe(true);
  });
});

describe('sampleText', () => {
  it('returns short text unchanged', () => {
    expect(sampleText('A\nB', 100)).toBe('A\nB');
  });

  it('cuts long text at the last separator so no id is truncated', () => {
    expect(sampleText('AAAA\nBBBB\nCCCC', 12)).toBe('AAAA\nBBBB');
  });

  it('cuts a list of lines at a line break, not inside a spaced name', () => {
    expect(sampleText('tumor protein p53\nbreast cancer 1', 30)).toBe('tumor protein p53');
    expect(sampleText('AAAA,BBBB,CCCC', 12)).toBe('AAAA,BBBB');
  });
});

describe('sampleOf', () => {
  it('reads only the start of a file, cut at a separator', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `P${String(i).padStart(5, '0')}`);
    const sample = await sampleOf(new Blob([ids.join('\n')]));
    expect(sample.length).toBeLessThanOrEqual(20_000);
    expect(sample.length).toBeGreaterThan(19_000);
    // Every id in the sample is whole.
    const sampled = sample.split('\n');
    expect(sampled).toEqual(ids.slice(0, sampled.length));
  });

  it('returns a small file whole', async () => {
    expect(await sampleOf(new Blob(['TP53\nBRCA1']))).toBe('TP53\nBRCA1');
  });
});
