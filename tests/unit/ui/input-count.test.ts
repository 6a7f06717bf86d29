import { describe, expect, it } from 'vitest';
import { countIds, sampleText } from '../../../src/lib/input-count';

describe('countIds', () => {
  it('counts ids separated by new lines, tabs, commas and spaces', () => {
    expect(countIds('P04637\nP38398\r\nXYZ')).toBe(3);
    expect(countIds('TP53,BRCA1\tEGFR  KRAS')).toBe(4);
  });

  it('splits on semicolons and Unicode spaces too, as the engine does', () => {
    expect(countIds('A;B\u00a0C\u3000D')).toBe(4);
  });

  it('ignores blank lines and runs of separators', () => {
    expect(countIds('')).toBe(0);
    expect(countIds('\n\n ,, \t\n')).toBe(0);
    expect(countIds(',,A,,\n\nB ,')).toBe(2);
  });
});

describe('sampleText', () => {
  it('returns short text unchanged', () => {
    expect(sampleText('A\nB', 100)).toBe('A\nB');
  });

  it('cuts long text at the last separator so no id is truncated', () => {
    expect(sampleText('AAAA\nBBBB\nCCCC', 12)).toBe('AAAA\nBBBB');
  });
});
