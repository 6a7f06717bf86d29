/**
 * The big-file import's synthetic `idmapping.dat.gz` (#19), for the bench and the end-to-end
 * test: rows of the formats bench's UniProt generator (the human file's shape: one entry in ten
 * reviewed and rich in cross-references, the others sparse), gzipped as UniProt ships it.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { FORMAT_FILES, writeSynthetic } from './format-files';

export interface BigIdmapping {
  path: string;
  rows: number;
  textBytes: number;
  fileBytes: number;
}

/** Writes `rows` rows to `path` (gzip, level 1: the bench times the import, not the writing). */
export async function writeBigIdmapping(path: string, rows: number): Promise<BigIdmapping> {
  const spec = FORMAT_FILES.find((f) => f.format === 'uniprot-idmapping')!;
  const plain = `${path}.txt`;
  const textBytes = writeSynthetic(spec, plain, rows);
  const out = createWriteStream(path);
  await pipeline(createReadStream(plain), createGzip({ level: 1 }), out);
  rmSync(plain);
  return { path, rows, textBytes, fileBytes: out.bytesWritten };
}

/** Each row of a (plain or gzipped) idmapping file, as its three cells, read back line by line. */
export async function eachIdmappingRow(
  input: NodeJS.ReadableStream,
  row: (accession: string, type: string, id: string) => void,
): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line === '') continue;
    const [accession, type, id] = line.split('\t');
    row(accession, type, id);
  }
}
