/**
 * A folder of records, each a file holding one value in V8's serialisation — the structured
 * clone IndexedDB uses, so typed arrays are written as their bytes and read back as typed arrays.
 * A write goes to a temporary file renamed over the record, so a crash, a full disk or a second
 * process writing at the same moment never leaves half a record: a reader sees the old value or
 * the new one.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** The file a key is kept in: a hash, so any key (a table name, `name\0hash`) is a safe name. */
const fileOf = (key: string) => `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.v8`;

/** What each file holds: its key (a file name does not give it back) and its value. */
interface Held {
  key: string;
  value: unknown;
}

export class FsRecords {
  constructor(readonly dir: string) {}

  get(key: string): unknown {
    const held = this.#read(join(this.dir, fileOf(key)));
    return held?.key === key ? held.value : undefined;
  }

  set(key: string, value: unknown): void {
    const file = join(this.dir, fileOf(key));
    this.#whole(key, value, (temporary) => renameSync(temporary, file));
  }

  /** Creates the record only if none is held under `key` (false: one was). */
  create(key: string, value: unknown): boolean {
    const file = join(this.dir, fileOf(key));
    try {
      // A hard link fails if the name exists, so of two processes claiming one name, one wins;
      // and it appears whole, written first under a name of its own.
      this.#whole(key, value, (temporary) => linkSync(temporary, file));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  /** Writes the record to a temporary file, hands it to `place`, and never leaves it behind. */
  #whole(key: string, value: unknown, place: (temporary: string) => void): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = join(this.dir, `${fileOf(key)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temporary, serialize({ key, value } satisfies Held));
      place(temporary);
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  delete(key: string): void {
    rmSync(join(this.dir, fileOf(key)), { force: true });
  }

  /** Every record with its file; one that cannot be read has no key (it is damaged). */
  entries(): { key?: string; value: unknown; file: string }[] {
    return this.#files().map((file) => {
      const held = this.#read(join(this.dir, file));
      return { key: held?.key, value: held?.value, file };
    });
  }

  keys(): string[] {
    return this.entries().flatMap(({ key }) => (key === undefined ? [] : [key]));
  }

  /** Deletes `file` if it still cannot be read (another process may have rewritten it). */
  deleteDamaged(file: string): boolean {
    if (!/^[0-9a-f]{40}\.v8$/.test(file) || this.#read(join(this.dir, file))) return false;
    rmSync(join(this.dir, file), { force: true });
    return true;
  }

  /** Whether a record is held under `key` (its file exists; read or not). */
  has(key: string): boolean {
    return existsSync(join(this.dir, fileOf(key)));
  }

  /** Deletes every record, and the temporary files of writes a killed process left. */
  clear(): void {
    let names: string[] = [];
    try {
      names = readdirSync(this.dir).filter((name) => /\.(v8|tmp)$/.test(name));
    } catch {
      return;
    }
    for (const name of names) rmSync(join(this.dir, name), { force: true });
  }

  #files(): string[] {
    try {
      return readdirSync(this.dir).filter((name) => name.endsWith('.v8'));
    } catch {
      return [];
    }
  }

  /** The record in `file`, or undefined when absent or damaged (the engine checks what it gets). */
  #read(file: string): Held | undefined {
    try {
      const held = deserialize(readFileSync(file)) as Held;
      return typeof held?.key === 'string' ? held : undefined;
    } catch {
      return undefined;
    }
  }
}
