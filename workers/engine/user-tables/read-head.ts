/**
 * The first bytes of a user's file, decompressed when it is gzip, without reading the rest: a
 * preview of a 250 MB file must not load 250 MB.
 */
import { isGzip } from '../tables/dialect';
import { fail } from '../errors';

export interface FileHead {
  /** Up to `limit` bytes of the (decompressed) content. */
  bytes: Uint8Array;
  compressed: boolean;
  /** The content goes on past `bytes`. */
  more: boolean;
}

export async function readHead(file: Blob, fileName: string, limit: number): Promise<FileHead> {
  const compressed = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
  if (!compressed) {
    return {
      bytes: new Uint8Array(await file.slice(0, limit).arrayBuffer()),
      compressed,
      more: file.size > limit,
    };
  }
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let more = true;
  try {
    while (total < limit) {
      const { done, value } = await reader.read();
      if (done) {
        more = false;
        break;
      }
      chunks.push(value);
      total += value.length;
    }
  } catch (error) {
    return fail(
      'unreadable-file',
      `"${fileName}" is a damaged or truncated gzip file (${String(error)}).`,
    );
  } finally {
    if (more) await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return {
    bytes: bytes.subarray(0, Math.min(total, limit)),
    compressed,
    more: more || total > limit,
  };
}
