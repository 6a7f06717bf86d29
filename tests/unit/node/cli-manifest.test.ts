/**
 * `crosswalk map --manifest FILE` writes the app's manifest of the run (settings, tables with
 * their sha256, the input's sha256, its ids with --include-ids), and `--from-manifest FILE` makes
 * the run again: the same output byte for byte, a flag given on the command line taking
 * precedence over the manifest's setting, a file of ids given taking the place of its ids.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RunManifest } from '../../../workers/api';
import type { CrosswalkEngine } from '../../../workers/engine/engine';
import { appExport, bundledEngine } from './expected';
import {
  CLI_TIMEOUT,
  PUBLIC_DATA,
  readText,
  ROOT,
  removeScratch,
  runCli,
  scratchDir,
  type CliRun,
} from './run-cli';

const IDS = ['P04637', 'P0C0L4', 'Q13072', 'XYZ', 'P38398'];
const TEXT = `${IDS.join('\n')}\n`;
const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let engine: CrosswalkEngine;
let first: CliRun;
let manifest: RunManifest;

beforeAll(async () => {
  dir = scratchDir();
  writeFileSync(join(dir, 'ids.txt'), TEXT);
  engine = await bundledEngine();
  first = await runCli([
    'map',
    '--from',
    'uniprot',
    '--to',
    'ensembl_gene,entrez',
    '--policy',
    'first',
    '--layout',
    'wide',
    '--manifest',
    join(dir, 'run.json'),
    '--include-ids',
    '--out',
    join(dir, 'first.tsv'),
    '--no-cache',
    '-q',
    join(dir, 'ids.txt'),
  ]);
  manifest = JSON.parse(readText(join(dir, 'run.json'))) as RunManifest;
}, CLI_TIMEOUT);

afterAll(removeScratch);

describe.concurrent(
  'crosswalk map --manifest, then --from-manifest',
  { timeout: CLI_TIMEOUT },
  () => {
    it('writes the run, and its manifest in the app’s format', async ({ expect }) => {
      expect(first.code).toBe(0);
      expect(readText(join(dir, 'first.tsv'))).toBe(
        await appExport(
          engine,
          { text: TEXT, source: 'uniprot', target: 'ensembl_gene', alsoTargets: ['entrez'] },
          { layout: 'wide', policy: 'first' },
        ),
      );
      expect(manifest.format).toBe('crosswalk-manifest');
      expect(manifest.settings).toMatchObject({
        source: 'uniprot',
        target: 'ensembl_gene',
        alsoTargets: ['entrez'],
        policy: 'first',
        layout: 'wide',
      });
      expect(manifest.input).toMatchObject({ count: IDS.length, sha256: sha256(TEXT), ids: IDS });
      const uniprot = manifest.tables.find((t) => t.name === 'uniprot')!;
      expect(uniprot.sha256).toBe(sha256(readFileSync(join(PUBLIC_DATA, 'uniprot.packed'))));
      expect(manifest.app.version).toBe(
        (JSON.parse(readText(join(ROOT, 'package.json'))) as { version: string }).version,
      );
    });

    it('makes the same run again from the manifest alone, byte for byte', async ({ expect }) => {
      const again = await runCli([
        'map',
        '--from-manifest',
        join(dir, 'run.json'),
        '--no-cache',
        '-q',
      ]);
      expect(again.code).toBe(0);
      expect(again.bytes.equals(readFileSync(join(dir, 'first.tsv')))).toBe(true);
    });

    it('takes a flag given over the manifest’s, and a file of ids over its ids', async ({
      expect,
    }) => {
      const other = ['P38398', 'P04637'];
      writeFileSync(join(dir, 'other.txt'), `${other.join('\n')}\n`);
      const run = await runCli([
        'map',
        '--from-manifest',
        join(dir, 'run.json'),
        '--layout',
        'long',
        '--no-cache',
        '-q',
        join(dir, 'other.txt'),
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        await appExport(
          engine,
          {
            text: `${other.join('\n')}\n`,
            source: 'uniprot',
            target: 'ensembl_gene',
            alsoTargets: ['entrez'],
          },
          { layout: 'long', policy: 'first' },
        ),
      );
    });

    it('says when the ids given are not the list the manifest recorded, and only then', async ({
      expect,
    }) => {
      const other = 'P38398\n';
      writeFileSync(join(dir, 'one.txt'), other);
      const [differs, same] = await Promise.all(
        ['one.txt', 'ids.txt'].map((file) =>
          runCli(['map', '--from-manifest', join(dir, 'run.json'), '--no-cache', join(dir, file)]),
        ),
      );
      expect(differs.code).toBe(0);
      expect(differs.stderr).toContain(
        `These 1 ids are not the manifest's list (${manifest.input.count} inputs, sha256 ${manifest.input.sha256.slice(0, 12)}`,
      );
      expect(same.code).toBe(0);
      expect(same.stderr).not.toContain("not the manifest's list");
    });
  },
);
