/**
 * The ids of a run: the files named (plain or gzip, told by their first bytes, not their name)
 * one after another, or standard input when none is named or a file is `-`.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CliError, EXIT } from './cli-error';

/** Reads all of standard input. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A file's bytes, inflated when it is gzip (several members, as `cat a.gz b.gz` makes, included). */
export function inflated(bytes: Buffer, name: string): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new CliError(
      `"${name}" looks gzip-compressed but cannot be decompressed: ${(error as Error).message}.`,
      EXIT.input,
    );
  }
}

/** The bytes of `file` (`-`: standard input), decompressed. */
export async function readInputFile(file: string): Promise<Buffer> {
  const bytes = file === '-' ? await readStdin() : readFileSync(file);
  return inflated(bytes, file === '-' ? 'standard input' : file);
}

/**
 * The text of every input in order, each ending a line (so one file's last id never runs into
 * the next file's first); refused past `limit` characters before it is decoded.
 */
export async function readIdsText(files: string[], limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for (const file of files.length === 0 ? ['-'] : files) {
    const bytes = await readInputFile(file);
    size += bytes.length + 1;
    if (size > limit)
      throw new CliError(
        `The input is over ${Math.round(limit / 1024 / 1024)} MB, the most one run maps; split the list into shards (README, "In a pipeline").`,
        EXIT.input,
      );
    parts.push(bytes);
    if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts).toString('utf8');
}
