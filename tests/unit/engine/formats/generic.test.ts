import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixtureText } from '../helpers';
import { recognise } from './recognised';

function tablesIn(folder: string): string[] {
  return readdirSync(join(ROOT, 'tests', 'fixtures', folder))
    .filter((file) => /\.(csv|tsv)$/.test(file))
    .map((file) => `${folder}/${file}`);
}

describe('ordinary tables', () => {
  it.each(tablesIn('user-tables'))('%s is not recognised as a standard format', (file) => {
    expect(recognise(fixtureText(file))).toBeUndefined();
  });

  it.each([
    ...tablesIn('quirks'),
    ...tablesIn('org-hs-eg'),
    ...tablesIn('packs'),
    ...tablesIn('raw'),
  ])('%s is not recognised either', (file) => {
    expect(recognise(fixtureText(file))).toBeUndefined();
  });

  it('an empty head is no format', () => {
    expect(recognise('')).toBeUndefined();
    expect(recognise('\n\n')).toBeUndefined();
  });
});
