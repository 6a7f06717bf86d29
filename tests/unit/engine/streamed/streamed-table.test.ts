/**
 * The streamed reader (#19) against the whole-file reader: the same table, however the file's
 * bytes are cut into chunks — a row, a quoted field (with a delimiter, a line break and an
 * escaped quote inside), a CRLF pair and a gzip member split across chunks.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTable, type TableSpec } from '../../../../workers/engine/tables/parse-table';
import { streamTable } from '../../../../workers/engine/streamed/streamed-table';
import { describeTable, expectCrosswalkError, fixtureBytes } from '../helpers';
import { proposalFor } from '../formats/recognised';
import { ChunkedBlob } from './chunked-blob';

const encode = (text: string) => new TextEncoder().encode(text);

/** A recognised fixture's spec, as the app proposes it. */
function formatSpec(file: string): { spec: TableSpec; bytes: Uint8Array } {
  const bytes = fixtureBytes(`formats/${file}`);
  const proposal = proposalFor(new TextDecoder().decode(bytes));
  return { spec: { name: file, ...proposal.spec }, bytes };
}

/** Quotes around a delimiter, a line break and an escaped quote; CRLF rows; a blank line. */
const QUOTED = [
  'gene,uniprot,note',
  'TP53,P04637,"tumour protein, p53"',
  'BRCA1,"P38398","a ""quoted"" word"',
  '',
  'EGFR,P00533,"two',
  'lines"',
  '"MYC",P01106,plain\r',
  'KRAS,P01116,last row without a line break',
].join('\n');
const QUOTED_SPEC: TableSpec = {
  name: 'quoted',
  columns: [
    { name: 'gene', type: 'symbol' },
    { name: 'uniprot', type: 'uniprot' },
    { name: 'note' },
  ],
};

async function whole(spec: TableSpec, bytes: Uint8Array) {
  return describeTable((await parseTable(spec, bytes)).table);
}

async function streamed(spec: TableSpec, blob: Blob, headBytes: number, gunzipper?: 'fflate') {
  const { table } = await streamTable(spec, blob, spec.name, {
    maxPackedBytes: 1 << 30,
    chunkBytes: 1,
    headBytes,
    gunzipper,
    expectedRows: 16,
  });
  return describeTable(table);
}

describe('the streamed reader gives the whole-file reader’s table', () => {
  const cases: [string, () => { spec: TableSpec; bytes: Uint8Array }][] = [
    ['UniProt idmapping.dat (long form)', () => formatSpec('uniprot_idmapping.dat')],
    ['NCBI gene2accession', () => formatSpec('ncbi_gene2accession.tsv')],
    ['NCBI gene_info (prefix routes)', () => formatSpec('ncbi_gene_info_human.tsv')],
    [
      'HGNC complete set (a 54-column header, quoted lists)',
      () => formatSpec('hgnc_complete_set.txt'),
    ],
    ['SSSOM (a long `#` preamble)', () => formatSpec('sssom.tsv')],
    ['a quoted CSV', () => ({ spec: QUOTED_SPEC, bytes: encode(QUOTED) })],
  ];

  it.each(cases)('%s, in chunks of 1, 2, 3, 7, 64 and 1000 bytes', async (_, load) => {
    const { spec, bytes } = load();
    const expected = await whole(spec, bytes);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      // A head of 64 bytes: the reader reads on until the header line has ended.
      expect(await streamed(spec, ChunkedBlob.every(bytes, size), 64), `size ${size}`).toEqual(
        expected,
      );
    }
  });

  it('a quoted CSV cut into two chunks at every byte', async () => {
    const bytes = encode(QUOTED);
    const expected = await whole(QUOTED_SPEC, bytes);
    const header = bytes.indexOf(10) + 1;
    for (let cut = 1; cut < bytes.length; cut++) {
      const blob = new ChunkedBlob(bytes, [cut]);
      expect(await streamed(QUOTED_SPEC, blob, header), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('idmapping.dat cut at every byte, rows split anywhere', async () => {
    const { spec, bytes } = formatSpec('uniprot_idmapping.dat');
    const expected = await whole(spec, bytes);
    for (let cut = 1; cut < bytes.length; cut += 3) {
      const blob = new ChunkedBlob(bytes, [cut, Math.min(bytes.length - 1, cut + 40)]);
      expect(await streamed(spec, blob, 1), `cut at ${cut}`).toEqual(expected);
    }
  });
});

describe('gzip, in one member or several', () => {
  const { spec, bytes } = formatSpec('uniprot_idmapping.dat');
  /** Members that end mid-row: 0–500, 500–1333, 1333–end. */
  const members = Buffer.concat([
    gzipSync(bytes.subarray(0, 500)),
    gzipSync(bytes.subarray(500, 1333)),
    gzipSync(bytes.subarray(1333)),
  ]);

  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['native', undefined],
    ['fflate', 'fflate'],
  ] as const)(
    'three members in compressed chunks of 1, 7 and 50 bytes (%s)',
    async (_, gunzipper) => {
      const expected = await whole(spec, bytes);
      for (const size of [1, 7, 50]) {
        const blob = ChunkedBlob.every(new Uint8Array(members), size);
        expect(await streamed(spec, blob, 1, gunzipper), `size ${size}`).toEqual(expected);
      }
    },
  );

  it('is read again with fflate when the native reader fails (Chromium stops at a member’s end)', async () => {
    const expected = await whole(spec, bytes);
    vi.stubGlobal(
      'DecompressionStream',
      class extends TransformStream {
        constructor() {
          super({
            transform: () => {
              throw new TypeError('Junk found after end of compressed data.');
            },
          });
        }
      },
    );
    const result = await streamTable(spec, ChunkedBlob.every(new Uint8Array(members), 64), 'x', {
      maxPackedBytes: 1 << 30,
    });
    expect(result.reread).toBe(true);
    expect(describeTable(result.table)).toEqual(expected);
  });

  it.each([
    ['native', undefined],
    ['fflate', 'fflate'],
  ] as const)('a truncated file is refused by name (%s)', async (_, gunzipper) => {
    for (const short of [30, 9, 1]) {
      const cut = new Uint8Array(members.subarray(0, members.length - short));
      await expectCrosswalkError(
        streamTable(spec, new Blob([cut]), 'idmapping.dat.gz', {
          maxPackedBytes: 1 << 30,
          gunzipper,
        }),
        'unreadable-file',
        '"idmapping.dat.gz" is a damaged or truncated gzip file',
      );
    }
  });
});

describe('what is kept has a limit', () => {
  it('stops as soon as the packed table passes it, naming the file', async () => {
    const { spec, bytes } = formatSpec('uniprot_idmapping.dat');
    await expectCrosswalkError(
      streamTable(spec, ChunkedBlob.every(bytes, 64), 'big.dat', {
        maxPackedBytes: 1000,
        chunkBytes: 64,
        headBytes: 64,
        expectedRows: 4,
      }),
      'unreadable-file',
      '"big.dat": what is kept passed the limit of',
      'so nothing was added',
    );
  });
});
