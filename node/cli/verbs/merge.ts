/**
 * `crosswalk merge SHARD…`: the TSV or CSV outputs of shards of one list (each mapped with
 * `--index-offset` set to the number of ids before it) back into one file in input order — the
 * header once, the shards ordered by their first `input_index`, every index checked to follow on;
 * each shard's rows are streamed from its file, so shards of gigabytes merge in little memory.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, EXIT, usage } from '../cli-error';
import { writeParts } from '../write-output';

interface Shard {
  file: string;
  header: string;
  /** Where its rows start (the byte after the header's line break). */
  bodyAt: number;
  /** The first and last input_index of its rows (0 when it has none). */
  first: number;
  last: number;
}

/** The most a header line and a row's first cell take; a shard's ends are read, never all of it. */
const HEAD_BYTES = 1 << 20;
const TAIL_BYTES = 1 << 16;

export async function mergeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } },
  });
  if (positionals.length === 0) throw usage('Name the shard outputs: crosswalk merge FILE….');
  const shards = positionals.map(readShard).sort((a, b) => a.first - b.first);
  const header = shards[0].header;
  let next = 1;
  for (const shard of shards) {
    if (shard.header !== header)
      throw new CliError(`"${shard.file}" has other columns than "${shards[0].file}".`, EXIT.input);
    if (shard.first === 0) continue;
    if (shard.first !== next)
      throw new CliError(
        `"${shard.file}" starts at input ${shard.first}, not ${next}: a shard is missing or its --index-offset is wrong.`,
        EXIT.input,
      );
    next = shard.last + 1;
  }
  await writeParts(merged(header, shards), values.out);
}

/** The header once, then each shard's rows streamed from its file (a shard may be gigabytes). */
async function* merged(header: string, shards: Shard[]): AsyncGenerator<string | Uint8Array> {
  yield `${header}\n`;
  for (const shard of shards)
    for await (const chunk of createReadStream(shard.file, { start: shard.bodyAt }))
      yield chunk as Buffer;
}

/** A shard's header and the input_index of its first and last rows, from its two ends. */
function readShard(file: string): Shard {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, Math.min(size, HEAD_BYTES));
    const end = head.indexOf('\n');
    const header = end < 0 ? head : head.slice(0, end);
    const separator = header.startsWith('input_index\t') ? '\t' : ',';
    if (!header.startsWith(`input_index${separator}`))
      throw new CliError(
        `"${file}" is not a TSV or CSV output of crosswalk map (its first column is not input_index).`,
        EXIT.input,
      );
    const bodyAt = end < 0 ? size : Buffer.byteLength(header) + 1;
    if (bodyAt >= size) return { file, header, bodyAt, first: 0, last: 0 };
    const indexOf = (line: string) => Number(line.slice(0, line.indexOf(separator)));
    const tailFrom = Math.max(bodyAt, size - TAIL_BYTES);
    const tail = readAt(fd, tailFrom, size - tailFrom).replace(/\n$/, '');
    return {
      file,
      header,
      bodyAt,
      first: indexOf(head.slice(end + 1)),
      last: indexOf(tail.slice(tail.lastIndexOf('\n') + 1)),
    };
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): string {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read).toString('utf8');
}
