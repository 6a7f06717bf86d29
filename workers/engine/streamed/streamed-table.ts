/**
 * A table read from its file in chunks (#19): decompressed, tokenized and packed as the bytes
 * arrive, keeping only the spec's typed columns (for a long-form file, its chosen ID types). The
 * file's text is never held whole and no row becomes an object: a chunk is tokenized into the
 * builder as the whole-file reader does (the same tokenizer, told that the chunk may end inside
 * a record), and the record it leaves unfinished is carried into the next chunk.
 */
import { fail } from '../errors';
import { assertUtf8, findHeader, toUtf8 } from '../tables/dialect';
import { parseDelimited } from '../tables/csv-fast';
import { startTable, type TableSpec, type TableStart } from '../tables/parse-table';
import type { PackedTable } from '../tables/packed-table';
import type { TableBuilder } from '../tables/table-builder';
import { contentOf, NativeGunzipFailed, type Gunzipper } from './content-chunks';

/** How far a streamed import has got. */
export interface StreamProgress {
  /** File bytes read (compressed bytes for gzip) and the file's size. */
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rowsKept: number;
  /** Packed bytes held so far. */
  packedBytes: number;
}

export interface StreamOptions {
  /** What the kept rows may take packed; past it the import stops and names the file. */
  maxPackedBytes: number;
  /** Rows expected, to size the packed columns once (an estimate is fine). */
  expectedRows?: number;
  onProgress?: (progress: StreamProgress) => void;
  /** Tokenize this many content bytes at a time (tests use tiny chunks) … */
  chunkBytes?: number;
  /** … after the first `headBytes`, which must hold the header line. */
  headBytes?: number;
  /** Start with this gzip reader (tests); native by default, fflate when it fails. */
  gunzipper?: Gunzipper;
}

export interface StreamedTable {
  table: PackedTable;
  builder: TableBuilder;
  /** Content bytes read (decompressed) and the file's size. */
  textBytes: number;
  fileBytes: number;
  /** Set when the native gzip reader failed and the file was read again with fflate. */
  reread: boolean;
}

/** 4 MB: the whole 30M-row bench file's chunks then cost nothing next to the rows. */
const CHUNK_BYTES = 4 << 20;
/** The header and first rows are looked at (text, encoding, header) before any row is read. */
const HEAD_BYTES = 64 << 10;
/** A record longer than this is no row of a mapping file: refused rather than buffered on. */
const MAX_RECORD_BYTES = 64 << 20;

export async function streamTable(
  spec: TableSpec,
  file: Blob,
  fileName: string,
  options: StreamOptions,
): Promise<StreamedTable> {
  try {
    return await readOnce(spec, file, fileName, options, options.gunzipper ?? 'native', false);
  } catch (error) {
    if (!(error instanceof NativeGunzipFailed)) throw error;
    return readOnce(spec, file, fileName, options, 'fflate', true);
  }
}

async function readOnce(
  spec: TableSpec,
  file: Blob,
  fileName: string,
  options: StreamOptions,
  gunzipper: Gunzipper,
  reread: boolean,
): Promise<StreamedTable> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const headBytes = options.headBytes ?? HEAD_BYTES;
  let bytesRead = 0;
  const source = await contentOf(file, fileName, gunzipper, (read) => (bytesRead = read));
  let buffer: Uint8Array<ArrayBuffer> = new Uint8Array(Math.max(chunkBytes, headBytes) * 2);
  let filled = 0;
  let textBytes = 0;
  let start: TableStart | null = null;
  let at = 0;

  const progress = (builder: TableBuilder) =>
    options.onProgress?.({
      bytesRead,
      bytesTotal: file.size,
      rowsRead: builder.rows,
      rowsKept: builder.keptRows,
      packedBytes: builder.byteSize,
    });

  /** The head is looked at again once it has doubled, when it did not hold the header yet. */
  let nextHead = headBytes;

  /** Tokenizes what the buffer holds; the unfinished record moves to its front. */
  const tokenize = (final: boolean) => {
    let checkedFrom = at;
    if (!start) {
      const head = buffer.subarray(0, filled);
      // A long header or `#` preamble (SSSOM's YAML) may run past the first chunks: read on
      // until the header line has ended, as the whole-file reader sees it.
      if (!final && filled <= MAX_RECORD_BYTES && !headerEnds(head)) {
        nextHead = filled * 2;
        return;
      }
      if (toUtf8(head) !== head)
        fail(
          'unreadable-file',
          `"${fileName}" is UTF-16 text, which a file this big cannot be read as; save it as UTF-8 and add it again.`,
        );
      start = startTable(spec, head, () => options.expectedRows ?? 1 << 20);
      at = start.header.dataStart;
      checkedFrom = 0;
    }
    const { builder, delimiter } = start;
    const end = parseDelimited(
      spec.name,
      buffer.subarray(0, filled),
      at,
      delimiter.charCodeAt(0),
      builder,
      undefined,
      final,
    );
    assertUtf8(spec.name, buffer.subarray(checkedFrom, end));
    buffer.copyWithin(0, end, filled);
    filled -= end;
    at = 0;
    if (builder.byteSize > options.maxPackedBytes) tooBig(fileName, builder, options);
    progress(builder);
  };

  for await (const chunk of source.chunks) {
    textBytes += chunk.length;
    if (filled + chunk.length > buffer.length) buffer = grown(buffer, filled + chunk.length);
    buffer.set(chunk, filled);
    filled += chunk.length;
    if (filled >= (start ? chunkBytes : nextHead)) {
      tokenize(false);
      if (filled > MAX_RECORD_BYTES)
        fail(
          'unreadable-file',
          `"${fileName}" has a row longer than ${MAX_RECORD_BYTES >> 20} MB (an unclosed quote?); it is not read.`,
        );
    }
  }
  if (textBytes === 0) fail('empty-file', `Table "${spec.name}" is an empty file.`);
  tokenize(true);
  const builder = (start as TableStart | null)!.builder;
  return { table: builder.finish(), builder, textBytes, fileBytes: file.size, reread };
}

/** Whether `head` holds the file's header line whole, and something after it. */
function headerEnds(head: Uint8Array): boolean {
  try {
    return findHeader('', head).dataStart < head.length;
  } catch {
    return false;
  }
}

function grown(buffer: Uint8Array, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, buffer.length * 2));
  next.set(buffer);
  return next;
}

function tooBig(fileName: string, builder: TableBuilder, options: StreamOptions): never {
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en')} MB`;
  return fail(
    'unreadable-file',
    `"${fileName}": what is kept passed the limit of ${mb(options.maxPackedBytes)} packed after ${builder.rows.toLocaleString('en')} rows, so nothing was added; keep fewer ID types or columns.`,
  );
}
