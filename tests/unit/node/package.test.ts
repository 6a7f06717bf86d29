/**
 * The npm package (#18, item 7): `npm pack` builds the command (package.json `prepare`) and
 * yields a tarball that holds it, its types and the bundled data, and nothing of the sources;
 * installed in an empty folder with no network, `npx crosswalk` and `import 'crosswalk'` both
 * map ids, with nothing else installed (the bundles carry their dependencies inside).
 *
 * The tarball is packed from a copy of the checkout (its files as git lists them, node_modules
 * linked): packing here would rebuild dist-node/ under the tests that run it meanwhile.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCsvRecords } from '../../reference-csv';
import { ROOT, SOURCE_DATA } from './run-cli';

/** Accessions with one Entrez gene (TP53) and with three (calmodulin: CALM1, CALM2, CALM3). */
const IDS = ['P04637', 'P0DP25'];

/** Packing builds (vite, then tsc for the types): some 25 s on two busy cores. */
const PACK_TIMEOUT_MS = 150_000;

interface PackReport {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

let scratch = '';
let tarball = '';
let packed: PackReport;
/** The folder the tarball was installed in, as a user's project would. */
let project = '';

/** Runs `command` in `cwd`, failing with its output when it fails. */
function run(command: string, args: string[], cwd: string, input?: string): string {
  const child = spawnSync(command, args, {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: PACK_TIMEOUT_MS,
    env: { ...process.env, CROSSWALK_CACHE: join(scratch, 'cache'), NO_COLOR: '1' },
  });
  if (child.error) throw child.error;
  if (child.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${child.status}:\n${child.stderr}`);
  return child.stdout;
}

/** The checkout's files (tracked, and new ones git does not ignore) copied to `to`. */
function copyCheckout(to: string): void {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  for (const file of new Set(listed.split('\0'))) {
    // A tracked file deleted in the working tree is listed too.
    if (!file || !existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(to, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'crosswalk-pack-test-'));
  const checkout = join(scratch, 'checkout');
  copyCheckout(checkout);
  // --json: the report on standard output; the build's own lines go to standard error.
  const reports = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', scratch], checkout),
  ) as PackReport[];
  packed = reports[0];
  tarball = join(scratch, packed.filename);

  project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-crosswalk", "private": true }\n');
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
}, PACK_TIMEOUT_MS);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Entrez genes per accession, from `data/uniprot.csv.gz` (accession, entrez_id). */
function entrezOf(accession: string): string[] {
  const csv = gunzipSync(readFileSync(join(SOURCE_DATA, 'uniprot.csv.gz'))).toString('utf8');
  const [header, ...rows] = parseCsvRecords(csv);
  expect(header).toEqual(['uniprot', 'entrez_id']);
  return rows.filter((row) => row[0] === accession).map((row) => row[1]);
}

describe('npm pack', () => {
  test('holds the command, the library, its types and the bundled data, and no sources', () => {
    const paths = packed.files.map((file) => file.path);
    const has = (path: string) => expect(paths, path).toContain(path);
    has('package.json');
    has('bin/crosswalk.js');
    has('dist-node/cli.mjs');
    has('dist-node/index.mjs');
    has('dist-node/types/node/index.d.ts');
    has('public/data/catalog.json');

    // The bundled tables and every data pack, as the app serves them (public/data).
    const data = readdirSync(join(ROOT, 'public/data'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).replaceAll(sep, '/'));
    expect(data.filter((path) => path.endsWith('.packed')).length).toBeGreaterThan(20);
    expect(data.filter((path) => !paths.includes(path))).toEqual([]);

    const unwanted = paths.filter((path) =>
      /^(src|tests|workers|node|bench|scripts|examples|data|dist|node_modules)\//.test(path),
    );
    expect(unwanted, 'sources, tests and the tables’ CSV sources stay out').toEqual([]);
    expect(paths.filter((path) => path.endsWith('.csv.gz'))).toEqual([]);

    // The package's own manifest points at files the tarball has.
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules/crosswalk/package.json'), 'utf8'),
    ) as {
      bin: Record<string, string>;
      exports: Record<'.', { types: string; default: string }>;
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}, 'nothing to install with it').toEqual({});
    for (const path of [manifest.bin.crosswalk, ...Object.values(manifest.exports['.'])])
      has(path.replace(/^\.\//, ''));

    console.info(
      `crosswalk tarball: ${packed.files.length} files, ${(packed.size / 1e6).toFixed(1)} MB (${(packed.unpackedSize / 1e6).toFixed(1)} MB unpacked)`,
    );
  });

  test('installed offline in an empty folder, `npx crosswalk map` maps ids from standard input', () => {
    const installed = join(project, 'node_modules');
    expect(existsSync(join(installed, '.bin/crosswalk'))).toBe(true);
    // Nothing came with it: the bundles hold papaparse and the rest.
    expect(existsSync(join(installed, 'papaparse'))).toBe(false);

    const tsv = run(
      'npx',
      ['--offline', 'crosswalk', 'map', '--from', 'uniprot', '--to', 'entrez', '--no-cache'],
      project,
      `${IDS.join('\n')}\n`,
    );
    const [header, ...rows] = parseCsvRecords(tsv, '\t');
    const at = (column: string) => header.indexOf(column);
    for (const [i, id] of IDS.entries()) {
      const own = rows.filter((row) => row[at('input_index')] === String(i + 1));
      expect(own.every((row) => row[at('input')] === id)).toBe(true);
      const want = entrezOf(id);
      expect(want.length, `${id} is in data/uniprot.csv.gz`).toBeGreaterThan(0);
      expect(own.map((row) => row[at('target')]).sort(), id).toEqual(want.sort());
      expect(new Set(own.map((row) => row[at('status')])), id).toEqual(
        new Set([want.length === 1 ? 'mapped' : 'ambiguous']),
      );
    }
  });

  test('a script there maps with `import { createEngine } from "crosswalk"`', () => {
    writeFileSync(
      join(project, 'map-one.mjs'),
      `import { createEngine } from 'crosswalk';
const engine = await createEngine({ cache: false });
const result = await engine.map({ text: ${JSON.stringify(IDS[0])}, source: 'uniprot', target: 'entrez' });
const { strings, index } = result.pairs.target;
const targets = Array.from(index, (i) =>
  new TextDecoder().decode(strings.bytes.subarray(strings.offsets[i], strings.offsets[i + 1])),
);
console.log(JSON.stringify({ mapped: result.summary.mapped, targets }));
`,
    );
    const answer = JSON.parse(run(process.execPath, ['map-one.mjs'], project)) as {
      mapped: number;
      targets: string[];
    };
    expect(answer).toEqual({ mapped: 1, targets: entrezOf(IDS[0]) });
  });
});
