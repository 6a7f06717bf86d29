/**
 * Writes an export's parts to standard output or a file as they are made, waiting whenever the
 * stream's buffer is full: the output of ten million ids (1.6 GB of TSV) is never held whole.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export async function writeParts(
  parts: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  out?: string,
): Promise<void> {
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  for await (const part of parts) {
    if (!stream.write(part)) await Promise.race([once(stream, 'drain'), failed]);
  }
  if (out) {
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  }
}
