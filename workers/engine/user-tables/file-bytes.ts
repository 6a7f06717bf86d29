/**
 * A user's file as bytes: read whole (under the limit), or as stored (trusted only as bytes), and
 * a failure about its content named after the file the user picked.
 */
import { CrosswalkError, fail } from '../errors';
import { MAX_USER_FILE_BYTES } from './stored-record';

/** A stored file is trusted only as bytes: anything else costs this table's paths, by name. */
export function storedBytes(name: string, value: unknown): Uint8Array {
  if (value === undefined)
    fail(
      'fetch-failed',
      `The file of your table "${name}" is no longer stored in this browser; add it again.`,
    );
  if (!(value instanceof Uint8Array))
    fail(
      'unreadable-file',
      `The stored file of your table "${name}" is damaged (not the file's bytes); add the file again.`,
    );
  return value;
}

export async function readFile(file: Blob, name: string): Promise<Uint8Array> {
  assertSize(file, name);
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return fail('unreadable-file', `"${name}" could not be read: ${String(error)}.`);
  }
}

function assertSize(file: Blob, name: string): void {
  if (file.size > MAX_USER_FILE_BYTES) {
    fail(
      'unreadable-file',
      `"${name}" is ${Math.round(file.size / 1024 / 1024)} MB; files over ${MAX_USER_FILE_BYTES / 1024 / 1024} MB are refused so the tab does not run out of memory.`,
    );
  }
}

/** Errors about a file's content name the file the user picked, not just the table. */
export async function namingFile<T>(fileName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // A message that starts with the file's name already (the streamed reader's) is kept.
    const named = error instanceof Error && error.message.startsWith(`"${fileName}"`);
    if (error instanceof CrosswalkError && !named) {
      throw new CrosswalkError(error.code, `"${fileName}": ${error.message}`);
    }
    throw error;
  }
}
