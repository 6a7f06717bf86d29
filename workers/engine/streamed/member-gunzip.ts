/**
 * Gzip of any number of members, inflated by fflate as the bytes come: what Chromium's own
 * DecompressionStream cannot read (it stops at the end of the first member, and bgzip or
 * `cat a.gz b.gz` files have many). A file that ends before its last member does is refused:
 * fflate ends some of those quietly, so the last member's stated size (the file's last 4 bytes,
 * its length mod 2^32) must be what it inflated to.
 */
import { Gunzip } from 'fflate';
import { fail } from '../errors';

export class MemberGunzip {
  readonly #out: Uint8Array[] = [];
  readonly #gunzip: Gunzip;
  #inflated = 0;
  #beforeLastMember = 0;
  readonly #tail = new Uint8Array(4);

  /** `subject`: the file as messages name it (`"x.dat.gz"`, `Table "x"`). */
  constructor(readonly subject: string) {
    this.#gunzip = new Gunzip((chunk) => {
      this.#out.push(chunk);
      this.#inflated += chunk.length;
    });
    this.#gunzip.onmember = () => (this.#beforeLastMember = this.#inflated);
  }

  /** Takes the next compressed bytes; returns what they inflated to so far. */
  push(chunk: Uint8Array): Uint8Array[] {
    keepTail(this.#tail, chunk);
    this.#push(chunk, false);
    return this.#out.splice(0);
  }

  /** The end of the file: the rest of the content, once the last member is checked whole. */
  finish(): Uint8Array[] {
    this.#push(new Uint8Array(0), true);
    const stated = new DataView(this.#tail.buffer).getUint32(0, true);
    if (stated !== (this.#inflated - this.#beforeLastMember) >>> 0)
      this.#damaged('it ends before its last member does');
    return this.#out.splice(0);
  }

  #push(chunk: Uint8Array, final: boolean): void {
    try {
      this.#gunzip.push(chunk, final);
    } catch (error) {
      this.#damaged(error instanceof Error ? error.message : String(error));
    }
  }

  #damaged(why: string): never {
    return fail('unreadable-file', `${this.subject} is a damaged or truncated gzip file (${why}).`);
  }
}

/** Shifts `chunk`'s last bytes into `tail` (a chunk may be shorter than the tail). */
function keepTail(tail: Uint8Array, chunk: Uint8Array): void {
  const n = Math.min(tail.length, chunk.length);
  tail.copyWithin(0, n);
  tail.set(chunk.subarray(chunk.length - n), tail.length - n);
}
