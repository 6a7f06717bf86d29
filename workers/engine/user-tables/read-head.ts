/**
 * The first bytes of a user's file, decompressed when it is gzip, without reading the rest: a
 * preview of a 250 MB file must not load 250 MB.
 */
import { isGzip } from '../tables/dialect';
import { concatBytes } from '../packed/concat-bytes';
import { MemberGunzip } from '../streamed/member-gunzip';

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
  // fflate, not DecompressionStream: Chromium's stops at the end of the first gzip member.
  const gunzip = new MemberGunzip(`"${fileName}"`);
  const reader = file.stream().getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  let more = true;
  try {
    while (total < limit) {
      const { done, value } = await reader.read();
      const inflated = done ? gunzip.finish() : gunzip.push(value);
      for (const part of inflated) total += part.length;
      parts.push(...inflated);
      if (done) {
        more = false;
        break;
      }
    }
  } finally {
    if (more) await reader.cancel().catch(() => undefined);
  }
  const bytes = concatBytes(parts);
  return {
    bytes: bytes.subarray(0, Math.min(total, limit)),
    compressed,
    more: more || total > limit,
  };
}
