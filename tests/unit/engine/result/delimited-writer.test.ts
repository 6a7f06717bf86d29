/**
 * The byte writer (delimited-writer.ts) against the rule it must follow: each cell written as
 * packed bytes, as a string or as a number comes out as `delimitedCell` of its text — RFC 4180
 * quoting and OWASP's formula rule, spelled out by hand here for the hard cases.
 */
import { describe, expect, it } from 'vitest';
import { DelimitedWriter, delimitedCell } from '../../../../workers/engine/result/delimited-writer';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Cells that start a formula, hold quotes, separators or line breaks, or are not ASCII. */
const CELLS = [
  'P04637',
  '',
  '=cmd()',
  '+5',
  '-2.5e3',
  '-8 kb enhancer of CYP2C8',
  '@SUM(A1)',
  '\t=1',
  '\r5',
  'a"b',
  '"=1+1"',
  'a,b',
  'a\tb',
  'line\nbreak',
  'cr\rinside',
  'é',
  '日本',
  'x\u2028y',
  'TP53 → 7157',
];

/** The row as the writer writes it when every cell comes as packed bytes, at odd offsets. */
function packedRow(separator: '\t' | ',', cells: string[]): string {
  const writer = new DelimitedWriter(separator, 1 << 16);
  for (const cell of cells) {
    const bytes = encoder.encode(`##${cell}#`);
    writer.packed(bytes, 2, bytes.length - 1);
  }
  writer.end();
  return decoder.decode(writer.take(true));
}

function textRow(separator: '\t' | ',', cells: string[]): string {
  const writer = new DelimitedWriter(separator, 1 << 16);
  for (const cell of cells) writer.text(cell);
  writer.end();
  return decoder.decode(writer.take(true));
}

describe('DelimitedWriter', () => {
  for (const separator of ['\t', ','] as const) {
    const name = separator === '\t' ? 'TSV' : 'CSV';
    const expected = `${CELLS.map((cell) => delimitedCell(cell, separator)).join(separator)}\n`;

    it(`writes packed and string cells as the string rule does (${name})`, () => {
      expect(packedRow(separator, CELLS)).toBe(expected);
      expect(textRow(separator, CELLS)).toBe(expected);
    });

    it(`quotes and neutralises the hard cells as RFC 4180 and OWASP say (${name})`, () => {
      const row = packedRow(separator, ['=cmd()', '-2.5e3', 'a"b', `x${separator}y`, 'a\nb']);
      expect(row).toBe(
        [`'=cmd()`, '-2.5e3', '"a""b"', `"x${separator}y"`, '"a\nb"'].join(separator) + '\n',
      );
    });
  }

  it('writes numbers as their digits, and cuts parts only between rows', () => {
    const writer = new DelimitedWriter('\t', 8);
    const parts: string[] = [];
    for (let i = 1; i <= 5; i++) {
      writer.number(i);
      writer.number(0.95);
      writer.end();
      const part = writer.take();
      if (part) parts.push(decoder.decode(part));
    }
    const rest = writer.take(true);
    if (rest) parts.push(decoder.decode(rest));
    expect(parts.join('')).toBe('1\t0.95\n2\t0.95\n3\t0.95\n4\t0.95\n5\t0.95\n');
    expect(parts.every((part) => part.endsWith('\n'))).toBe(true);
    expect(parts.length).toBeGreaterThan(1);
  });
});
