/**
 * A file written line by line through one reused buffer, so a synthetic file of hundreds of MB is
 * never a JS string or an array of lines: each line is encoded into the buffer, which goes to disk
 * whenever it fills.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK = 4 * 1024 * 1024;

export class LineFile {
  readonly #fd: number;
  readonly #buffer = Buffer.allocUnsafe(CHUNK);
  #used = 0;
  /** Data lines written (header and `#` lines are not counted). */
  rows = 0;
  bytes = 0;

  constructor(
    path: string,
    /** Data lines to write; `full` says when they are all there. */
    readonly limit: number,
    /** `\r\n` for a file written with Windows line ends (SSSOM's excerpt has them). */
    readonly eol: '\n' | '\r\n' = '\n',
  ) {
    this.#fd = openSync(path, 'w');
  }

  get full(): boolean {
    return this.rows >= this.limit;
  }

  /** Header or comment lines, line ends included: written as they are, not counted. */
  head(text: string): void {
    this.#write(text);
  }

  /** A data line; ignored once the file is full (a generator may finish its record). */
  row(line: string): void {
    if (this.full) return;
    this.#write(line + this.eol);
    this.rows++;
  }

  /** Flushes and closes the file. */
  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #write(text: string): void {
    // A line longer than the free space (3 bytes per char at worst) flushes first.
    if (this.#used + text.length * 3 > CHUNK) this.#flush();
    if (text.length * 3 > CHUNK) {
      this.bytes += writeSync(this.#fd, text);
      return;
    }
    const n = this.#buffer.write(text, this.#used, 'utf8');
    this.#used += n;
    this.bytes += n;
  }

  #flush(): void {
    let at = 0;
    while (at < this.#used) at += writeSync(this.#fd, this.#buffer, at, this.#used - at);
    this.#used = 0;
  }
}
