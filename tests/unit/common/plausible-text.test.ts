import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binaryTextProblem } from '../../../workers/common/plausible-text';

/** A real picture, as `File.text()` decodes it (invalid UTF-8 becomes U+FFFD). */
const png = () =>
  new TextDecoder().decode(
    readFileSync(new URL('../../../public/icons/icon-192.png', import.meta.url)),
  );

describe('binaryTextProblem', () => {
  it('finds a picture decoded as text binary, in words', () => {
    expect(binaryTextProblem(png())).toBe(
      'looks like binary data (a picture or a program?), not a list of identifiers',
    );
  });

  it('accepts lists of ids, with tabs, CR LF, accents and other scripts', () => {
    expect(binaryTextProblem('')).toBeNull();
    expect(binaryTextProblem('P04637\r\nP38398\tTP53, BRCA1; Ä-β\n')).toBeNull();
    expect(binaryTextProblem('生物\n'.repeat(1000))).toBeNull();
  });

  it('tolerates a stray control character in a long list, not one in every hundred', () => {
    // 1 control character among 199 plain ones is under 1 %; 2 among 200 is 1 %.
    expect(binaryTextProblem('\u0001' + 'A'.repeat(199))).toBeNull();
    expect(binaryTextProblem('\u0001\u0002' + 'A'.repeat(198))).not.toBeNull();
    expect(binaryTextProblem('\ufffd\ufffd' + 'A'.repeat(198))).not.toBeNull();
  });
});
