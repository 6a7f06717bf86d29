import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../../workers/engine/tables/parse-table';
import { expectCrosswalkError, fixtureBytes } from '../helpers';

const COLUMNS = [
  { name: 'uniprot', type: 'uniprot' },
  { name: 'entrez_id', type: 'entrez' },
];
const NAME = 'my_lookup';
const encode = (text: string) => new TextEncoder().encode(text);
const load = (bytes: Uint8Array, columns = COLUMNS) => parseTable({ name: NAME, columns }, bytes);

describe('parseTable rejects unusable files with a CrosswalkError naming the table', () => {
  it('an empty file', async () => {
    await expectCrosswalkError(load(new Uint8Array(0)), 'empty-file', `"${NAME}"`, 'empty');
  });

  it('a file of blank and comment lines only', async () => {
    await expectCrosswalkError(load(encode('# only a comment\n\n')), 'empty-file', `"${NAME}"`);
  });

  it('a header without data rows', async () => {
    await expectCrosswalkError(load(encode('uniprot,entrez_id\n')), 'empty-file', `"${NAME}"`);
  });

  it('a single-column file, naming the column', async () => {
    const error = await expectCrosswalkError(
      load(encode('uniprot\nP04637\nP38398\n')),
      'unreadable-file',
      `"${NAME}"`,
      '"uniprot"',
    );
    expect(error.message).toMatch(/single column/);
  });

  it('PNG bytes', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectCrosswalkError(load(png), 'unreadable-file', `"${NAME}"`, 'PNG');
  });

  it('text with NUL bytes', async () => {
    const bytes = encode('uniprot,entrez_id\nP04637\u0000,7157\n');
    await expectCrosswalkError(load(bytes), 'unreadable-file', `"${NAME}"`, 'NUL');
  });

  it('a truncated gzip file', async () => {
    const gz = fixtureBytes('org-hs-eg/uniprot.csv.gz');
    const truncated = gz.subarray(0, Math.floor(gz.length / 2));
    await expectCrosswalkError(load(truncated), 'unreadable-file', `"${NAME}"`, 'gzip');
  });

  it('Latin-1 bytes, on the fast path and on the quoted path', async () => {
    const head = encode('uniprot,entrez_id\nP04637,7157\n');
    const latin1 = Uint8Array.from([...head, ...encode('Caf'), 0xe9, ...encode(',1\n')]);
    await expectCrosswalkError(load(latin1), 'unreadable-file', `"${NAME}"`, 'UTF-8');
    const quoted = Uint8Array.from([
      ...head,
      0x22,
      ...encode('Caf'),
      0xe9,
      0x22,
      ...encode(',1\n'),
    ]);
    await expectCrosswalkError(load(quoted), 'unreadable-file', `"${NAME}"`, 'UTF-8');
  });

  it('an unterminated quote', async () => {
    const bytes = encode('uniprot,entrez_id\n"P04637,7157\nP38398,672\n');
    await expectCrosswalkError(load(bytes), 'unreadable-file', `"${NAME}"`, 'unterminated quote');
  });

  it('a declared column the header lacks, naming the column and the header', async () => {
    const columns = [...COLUMNS, { name: 'accession', type: 'uniprot' }];
    await expectCrosswalkError(
      load(fixtureBytes('org-hs-eg/uniprot.csv'), columns),
      'missing-column',
      `"${NAME}"`,
      '"accession"',
      'uniprot, entrez_id',
    );
  });

  it('a column whose every cell is a placeholder, naming the column', async () => {
    const bytes = encode('uniprot,entrez_id\nNA,7157\nno ID,672\n');
    await expectCrosswalkError(load(bytes), 'no-usable-ids', `"${NAME}"`, '"uniprot"');
  });
});
