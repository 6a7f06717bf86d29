/**
 * The first rows of a big file and how much text the whole holds, read from its first megabyte
 * only: what a streamed import is expected to keep is estimated from them before the long read.
 */
import { isGzip } from '../tables/dialect';
import { MemberGunzip } from './member-gunzip';
import { concatBytes } from '../packed/concat-bytes';

const SAMPLE_BYTES = 1 << 20;

export interface HeadSample {
  /** The decompressed start of the file, cut after its last complete line. */
  text: Uint8Array;
  /** Text bytes per file byte: 1 for plain text, the head's ratio for gzip. */
  ratio: number;
}

export async function headOf(file: Blob, fileName: string): Promise<HeadSample> {
  const raw = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  if (!isGzip(raw)) return { text: completeLines(raw, raw.length < file.size), ratio: 1 };
  // fflate, not DecompressionStream: a cut-off member is no error to it until told it is final,
  // and a sample is never final (a damaged end is the full read's to report).
  const text = concatBytes(new MemberGunzip(`"${fileName}"`).push(raw));
  return { text: completeLines(text, raw.length < file.size), ratio: text.length / raw.length };
}

/** `bytes` up to and including its last line break when more follows; all of it otherwise. */
function completeLines(bytes: Uint8Array, more: boolean): Uint8Array {
  if (!more) return bytes;
  const end = bytes.lastIndexOf(10);
  return end < 0 ? bytes : bytes.subarray(0, end + 1);
}

/**
 * How much text a file holds: its size, or for gzip the larger of what its last member says it
 * inflates to (its last 4 bytes, mod 4 GB) and its size times the head's ratio (a file of many
 * members states only its last one's). A 62 MB gzip of 229 MB of rows is a big file too.
 */
export async function textSizeOf(file: Blob, fileName: string): Promise<number> {
  if (!isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()))) return file.size;
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - 4)).arrayBuffer());
  const stated = tail.length === 4 ? new DataView(tail.buffer).getUint32(0, true) : 0;
  const { ratio } = await headOf(file, fileName);
  return Math.max(stated, Math.round(file.size * ratio));
}
