/**
 * A file's content chunk by chunk, decompressed as it is read when it is gzip: the streamed
 * import never holds the whole file, compressed or not.
 *
 * Gzip goes through the platform's DecompressionStream (native zlib: 126 MB/s of text in Node
 * against fflate's 88 MB/s on this machine, 76 MB of idmapping rows). Chromium's stops at the
 * end of a file's first gzip member ("Junk found after end of compressed data"), and files made
 * by bgzip or `cat a.gz b.gz` have many; fflate's Gunzip reads them, so a file the native reader
 * fails on is read again with fflate (streamed-table.ts), which also names a damaged file's fault.
 */
import { isGzip } from '../tables/dialect';
import { MemberGunzip } from './member-gunzip';

export type Gunzipper = 'native' | 'fflate';

/** The native reader failed: read the file again with fflate (or report what fflate says). */
export class NativeGunzipFailed extends Error {}

export interface ContentSource {
  /** The file's content in chunks (of any size). */
  chunks: AsyncIterable<Uint8Array>;
  compressed: boolean;
}

/** `onRead` gets the file bytes read so far (compressed ones for gzip), for the progress. */
export async function contentOf(
  file: Blob,
  fileName: string,
  gunzipper: Gunzipper,
  onRead: (bytes: number) => void,
): Promise<ContentSource> {
  const compressed = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
  let read = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.length;
        onRead(read);
        controller.enqueue(chunk);
      },
    }),
  );
  if (!compressed) return { chunks: streamChunks(counted, null), compressed };
  if (gunzipper === 'native') {
    const inflated = counted
      .pipeThrough(
        new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
      )
      .pipeThrough(readAhead());
    return { chunks: streamChunks(inflated, () => new NativeGunzipFailed()), compressed };
  }
  return { chunks: fflateChunks(counted, fileName), compressed };
}

/**
 * Lets the decompressor run up to 16 MB ahead of the tokenizer: where it works on another thread
 * (Node's zlib) the two then overlap instead of taking turns.
 */
function readAhead(): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>(
    {},
    { highWaterMark: 16 << 20, size: (chunk) => chunk.length },
    { highWaterMark: 16 << 20, size: (chunk) => chunk.length },
  );
}

async function* streamChunks(
  stream: ReadableStream<Uint8Array>,
  onError: (() => Error) | null,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        if (onError) throw onError();
        throw error;
      }
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

async function* fflateChunks(
  stream: ReadableStream<Uint8Array>,
  fileName: string,
): AsyncGenerator<Uint8Array> {
  const gunzip = new MemberGunzip(`"${fileName}"`);
  for await (const chunk of streamChunks(stream, null)) yield* gunzip.push(chunk);
  yield* gunzip.finish();
}
