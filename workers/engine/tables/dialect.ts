/**
 * Looks at the first bytes of a file: is it gzip, binary, UTF-16; where does the header start
 * (after a BOM and `#` comment lines); which delimiter does it use.
 */
import { fail } from '../errors';
import { concatBytes } from '../packed/concat-bytes';
import { MemberGunzip } from '../streamed/member-gunzip';

const DELIMITERS = ['\t', ',', ';', '|'];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Rejects content that is not delimited text, naming what it looks like. */
export function assertText(name: string, bytes: Uint8Array): void {
  if (bytes.length === 0) fail('empty-file', `Table "${name}" is an empty file.`);
  const head = bytes.subarray(0, 65536);
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) {
    fail('unreadable-file', `Table "${name}" is a PNG image, not a CSV or TSV file.`);
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4) {
    fail(
      'unreadable-file',
      `Table "${name}" is a ZIP archive (an Excel workbook?), not a CSV or TSV file; export it as CSV first.`,
    );
  }
  if (head.indexOf(0) >= 0) {
    fail(
      'unreadable-file',
      `Table "${name}" contains NUL bytes: it looks like a binary file, not delimited text.`,
    );
  }
}

/**
 * UTF-16 files are re-encoded as UTF-8 so the rest of the pipeline sees one encoding: with a
 * BOM, or without one when the NUL bytes fall on one side of each pair only, as they do for
 * UTF-16 text of Latin letters and digits (Windows tools save "Unicode text" so).
 */
export function toUtf8(bytes: Uint8Array): Uint8Array {
  const bom =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'be'
        : null;
  const order = bom ?? utf16WithoutBom(bytes);
  if (!order) return bytes;
  return new TextEncoder().encode(new TextDecoder(`utf-16${order}`).decode(bytes));
}

function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const pairs = Math.min(bytes.length, 65536) >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  // Text: nearly every pair has its NUL on the same side and a character on the other.
  if (oddNul >= pairs * 0.9 && evenNul <= pairs * 0.01) return 'le';
  if (evenNul >= pairs * 0.9 && oddNul <= pairs * 0.01) return 'be';
  return null;
}

/** Throws unless the bytes are valid UTF-8; only scans further when a non-ASCII byte exists. */
export function assertUtf8(name: string, bytes: Uint8Array): void {
  if (isAscii(bytes)) return;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('unreadable-file', notUtf8(name));
  }
}

/**
 * Whether every byte is below 128, four at a time where the bytes are aligned: a streamed import
 * checks every chunk, 861 MB for the 30M-row bench file.
 */
function isAscii(bytes: Uint8Array): boolean {
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3);
  for (let i = 0; i < head; i++) if (bytes[i] >= 128) return false;
  const words = (bytes.length - head) >> 2;
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
  for (let w = 0; w < words; w++) if (view[w] & 0x80808080) return false;
  for (let i = head + 4 * words; i < bytes.length; i++) if (bytes[i] >= 128) return false;
  return true;
}

export interface HeaderInfo {
  /** Byte offset of the header line. */
  headerStart: number;
  /** Byte offset just after the header line's newline. */
  dataStart: number;
  /** 1-based line number of the header. */
  headerLine: number;
  headerText: string;
}

export function findHeader(name: string, bytes: Uint8Array): HeaderInfo {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  while (at < bytes.length) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    const text = new TextDecoder().decode(bytes.subarray(at, end)).replace(/\r$/, '');
    if (text.trim() !== '' && !text.startsWith('#')) {
      return {
        headerStart: at,
        dataStart: Math.min(end + 1, bytes.length),
        headerLine: line,
        headerText: text,
      };
    }
    at = end + 1;
    line++;
  }
  return fail(
    'empty-file',
    `Table "${name}" has no header row (the file is blank or only comments).`,
  );
}

/** The delimiter that splits the header line into the most fields (tab wins ties). */
export function detectDelimiter(headerText: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = headerText.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export async function gunzip(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await inflate(bytes);
  } catch {
    // Chromium's reader stops at the end of the first gzip member (bgzip, `cat a.gz b.gz`):
    // fflate reads every member, and names what is wrong with a damaged file.
    const members = new MemberGunzip(`Table "${name}"`);
    return concatBytes([...members.push(bytes), ...members.finish()]);
  }
}

/**
 * The bytes through a DecompressionStream, written whole and read chunk by chunk: in Chromium
 * 150 that took 5–9 ms for uniprot's two columns where piping `new Blob([bytes]).stream()` took
 * 28–150 ms (a fresh page, bench/ measurements for #15).
 */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  return through(new DecompressionStream('gzip') as unknown as Transform, bytes);
}

type Transform = TransformStream<Uint8Array, Uint8Array>;

async function through(stream: Transform, bytes: Uint8Array): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Their failures are the reader's too: read() below rejects with the same error.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return concatBytes(chunks);
    chunks.push(value);
  }
}

/** Gzip of `bytes`, written whole and read chunk by chunk as `inflate` does (the streamed import's packing). */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return through(new CompressionStream('gzip') as unknown as Transform, bytes);
}

export function notUtf8(name: string): string {
  return `Table "${name}" is not UTF-8 text (Latin-1 or another legacy encoding?); save it as UTF-8 and load it again.`;
}
