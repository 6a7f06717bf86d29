/**
 * examples/shard/shard.sh, run as a pipeline would run it: a list mapped as 3 shards in parallel
 * and merged back must be the file one `crosswalk map` run of the whole list writes, its rows
 * numbered 1…n in input order and their targets those the data's tables give. The list is built
 * from data/uniprot.csv.gz; it repeats one id and has two reach one target, each pair split
 * across shards, where the flags a run computes over its own ids differ (docs/pipelines.md).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../reference-csv';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(ROOT, 'examples', 'shard', 'shard.sh');
/** The source, not the build: the test needs no `npm run build:node` first. */
const CROSSWALK = ['--import', 'tsx', 'node/cli/main.ts'];
/** `--no-cache`: no test writes to ~/.cache. */
const FLAGS = ['--from', 'uniprot', '--to', 'ensembl_gene', '--no-cache'];

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'crosswalk-shard-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `lines` as a list file in the scratch folder: its path. */
function listFile(name: string, lines: string[]): string {
  const list = join(scratch, `${name}.txt`);
  writeFileSync(list, lines.join('\n'));
  return list;
}

/** The example run on `list` in `shards` shards: the merged file's text. */
async function sharded(list: string, shards: number, flags = FLAGS): Promise<string> {
  const out = `${list}.sharded.tsv`;
  const env = { ...process.env, CROSSWALK: [process.execPath, ...CROSSWALK].join(' ') };
  await run('bash', [SCRIPT, list, String(shards), out, ...flags], { cwd: ROOT, env });
  return readFileSync(out, 'utf8');
}

/** One plain `crosswalk map` run of a whole list file: its TSV. */
async function single(list: string): Promise<string> {
  const args = [...CROSSWALK, 'map', ...FLAGS, '--quiet', list];
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 26 });
  return stdout;
}

/** A bundled table's CSV source as key → values, each once. */
function edges(table: string, keyColumn: number): Map<string, string[]> {
  const text = gunzipSync(readFileSync(join(ROOT, 'data', `${table}.csv.gz`))).toString('utf8');
  const map = new Map<string, string[]>();
  for (const row of parseCsvRecords(text).slice(1)) {
    const [key, value] = keyColumn === 0 ? row : [row[1], row[0]];
    const values = map.get(key) ?? [];
    if (!values.includes(value)) values.push(value);
    map.set(key, values);
  }
  return map;
}

// uniprot → entrez → ensembl_gene, the one path `crosswalk paths` ranks, joined from the sources.
const entrezOf = edges('uniprot', 0);
const ensemblOf = edges('ensembl_gene', 1);
const targetsOf = (accession: string): string[] => [
  ...new Set((entrezOf.get(accession) ?? []).flatMap((entrez) => ensemblOf.get(entrez) ?? [])),
];

/**
 * `count` accessions spread over the table, no two reaching one Ensembl gene (none convergent)
 * and none reaching one of `avoid`.
 */
function apartAccessions(count: number, avoid: string[] = []): string[] {
  const taken = new Set(avoid);
  const picked: string[] = [];
  const accessions = [...entrezOf.keys()];
  for (let i = 0; i < accessions.length && picked.length < count; i += 7) {
    const targets = targetsOf(accessions[i]);
    if (targets.some((t) => taken.has(t))) continue;
    for (const t of targets) taken.add(t);
    picked.push(accessions[i]);
  }
  return picked;
}

/** Ids shaped like accessions that no table holds: a real one with its last digit changed. */
function missingAccessions(from: string[], count: number): string[] {
  const missing: string[] = [];
  for (const accession of from) {
    const near = accession.slice(0, -1) + ((Number(accession.at(-1)) + 1) % 10);
    if (/\d$/.test(accession) && !entrezOf.has(near)) missing.push(near);
    if (missing.length === count) break;
  }
  return missing;
}

describe('examples/shard/shard.sh', () => {
  it('maps a list as 3 shards and merges them into the file one run writes', async () => {
    // First and last, two accessions the data joins to one Ensembl gene; second and last but
    // one, an accession twice: 3 shards split each pair, so neither run sees both of it.
    const [a, b] = convergentPair();
    const [repeat, ...apart] = apartAccessions(1950, [...targetsOf(a), ...targetsOf(b)]);
    const ids = [a, repeat, ...apart, repeat, b];
    // A few that miss (unmapped) and two not shaped like an accession (invalid), among the rest.
    missingAccessions(apart.slice(100), 5).forEach((id, n) => ids.splice(300 * n + 7, 0, id));
    ids.splice(1000, 0, 'not-an-accession');
    ids.splice(1500, 0, 'P0463');
    // Blank lines, lines of blanks, CRLF ends and padded ids, which the app skips or trims: none
    // may shift a shard's --index-offset.
    const lines = ['', ...ids.flatMap((id, i) => lineOf(id, i)), ''];
    expect(lines.length).toBeGreaterThan(2000);

    const list = listFile('list', lines);
    const [merged, whole] = await Promise.all([sharded(list, 3), single(list)]);

    // Byte for byte the single run's file, once the three flags a shard cannot see are set
    // (docs/pipelines.md): no cell holds a quote, a tab or a line break, so lines split exactly.
    expect(merged).not.toContain('"');
    const n = ids.length;
    const header = merged.slice(0, merged.indexOf('\n')).split('\t');
    const [index, input, status, target, duplicate, convergent] = [
      'input_index',
      'input',
      'status',
      'target',
      'duplicate',
      'convergent',
    ].map((column) => header.indexOf(column));
    const rows = merged
      .split('\n')
      .slice(1, -1)
      .map((line) => line.split('\t'));
    const missed = (row: string[]) =>
      row[index] === '1' || row[index] === String(n)
        ? convergent
        : row[index] === String(n - 1)
          ? duplicate
          : -1;
    const flagged = rows.map((row) => row.map((cell, c) => (c === missed(row) ? 'yes' : cell)));
    expect(rows.filter((row) => missed(row) >= 0).map((row) => row[missed(row)])).toEqual([
      '',
      '',
      '',
    ]);
    expect([header, ...flagged].map((row) => `${row.join('\t')}\n`).join('')).toBe(whole);

    // input_index runs 1…n in list order, each input's rows holding its id and the targets the
    // data's two tables join it to.
    const byInput = new Map<number, string[][]>();
    let last = 0;
    for (const row of rows) {
      const i = Number(row[index]);
      expect(i === last || i === last + 1, `input_index ${i} after ${last}`).toBe(true);
      last = i;
      byInput.set(i, [...(byInput.get(i) ?? []), row]);
    }
    expect([...byInput.keys()]).toEqual(ids.map((_, i) => i + 1));
    const statuses = new Set<string>();
    ids.forEach((id, i) => {
      const its = byInput.get(i + 1)!;
      const expected = targetsOf(id).sort();
      expect(its.map((row) => row[input])).toEqual(its.map(() => id));
      expect(
        its
          .map((row) => row[target])
          .filter(Boolean)
          .sort(),
        id,
      ).toEqual(expected);
      const shaped = /^[A-Z][0-9][A-Z0-9]{3}[0-9]/.test(id);
      const want = expected.length > 1 ? 'ambiguous' : expected.length === 1 ? 'mapped' : null;
      expect(its[0][status], id).toBe(want ?? (shaped ? 'unmapped' : 'invalid'));
      statuses.add(its[0][status]);
    });
    expect([...statuses].sort()).toEqual(['ambiguous', 'invalid', 'mapped', 'unmapped']);
  });

  it('reads every shard by lines, as the whole list of two lines or more is read', async () => {
    // On `auto` the first shard, one line, would be split at its space into two ids.
    const list = listFile('spaced', ['P04637 P38398', 'P38398']);
    const [merged, whole] = await Promise.all([sharded(list, 2), single(list)]);
    expect(merged).toBe(whole);
    expect(merged.split('\n').map((line) => line.split('\t').slice(0, 3))).toEqual([
      ['input_index', 'input', 'status'],
      ['1', 'P04637 P38398', 'invalid'],
      ['2', 'P38398', 'mapped'],
      [''],
    ]);
  });

  it('fails with the exit code of a shard that fails', async () => {
    const list = listFile('failing', apartAccessions(30));
    const error = await sharded(list, 2, [
      '--from',
      'uniprot',
      '--to',
      'no_such_type',
      '--no-cache',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 3 });
    expect((error as { stderr: string }).stderr).toMatch(/shard 0 failed[^]*no_such_type/);
  });
});

/** Line `i` of the list: most plain, some padded, some ending CRLF, some followed by blanks. */
function lineOf(id: string, i: number): string[] {
  const line = i % 77 === 5 ? `  ${id}\t ` : i % 50 === 3 ? `${id}\r` : id;
  if (i % 97 === 11) return [line, ''];
  if (i % 131 === 17) return [line, ' \t ', '\r'];
  return [line];
}

/** Two accessions the data joins to a shared Ensembl gene, each with one target only. */
function convergentPair(): [string, string] {
  const byTarget = new Map<string, string>();
  for (const accession of entrezOf.keys()) {
    const targets = targetsOf(accession);
    if (targets.length !== 1) continue;
    const other = byTarget.get(targets[0]);
    if (other) return [other, accession];
    byTarget.set(targets[0], accession);
  }
  throw new Error('no two accessions share an Ensembl gene');
}
