/**
 * How `crosswalk` ends when it cannot do what was asked: the exit code a pipeline branches on
 * (2 a bad flag or verb, 3 an unknown type or table or no path, 4 a file or input it cannot use)
 * and one line on standard error naming the problem. A run with unmapped ids is a success.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  CLI_TIMEOUT,
  lines,
  PUBLIC_DATA,
  records,
  removeScratch,
  runCli,
  scratchDir,
} from './run-cli';

interface Case {
  name: string;
  args: string[];
  input?: string | Uint8Array;
  code: number;
  /** What the one line must name. */
  says: (string | RegExp)[];
}

const dir = scratchDir();
const file = (name: string) => join(dir, name);

beforeAll(() => {
  writeFileSync(file('empty.txt'), '');
  // Gzip's magic bytes, then no gzip stream.
  writeFileSync(file('broken.gz'), Buffer.from([0x1f, 0x8b, 0x58, 0x58, 0x58, 0x58, 0x58]));
  writeFileSync(file('not-a-manifest.json'), '{"hello": "world"}\n');
});

afterAll(removeScratch);

const MAP = ['map', '--no-cache', '-q'];

const CASES: Case[] = [
  {
    name: 'an unknown verb',
    args: ['frobnicate'],
    code: 2,
    says: ['"frobnicate" is not a crosswalk command', '--help'],
  },
  {
    name: 'an unknown flag',
    args: [...MAP, '--to', 'entrez', '--bogus'],
    code: 2,
    says: ["'--bogus'", 'crosswalk --help'],
  },
  {
    name: 'a --format the command does not write',
    args: [...MAP, '--to', 'entrez', '--format', 'xml'],
    code: 2,
    says: ['--format', 'tsv, csv, json', '"xml"'],
  },
  {
    name: 'a target type that is the source type',
    args: [...MAP, '--from', 'uniprot', '--to', 'uniprot'],
    input: 'P04637\n',
    code: 2,
    says: ['--from and --to are both uniprot'],
  },
  {
    name: 'an unknown target type',
    args: [...MAP, '--from', 'uniprot', '--to', 'nosuchtype'],
    input: 'P04637\n',
    code: 3,
    says: ['Unknown target type "nosuchtype"'],
  },
  {
    name: 'no path between the types',
    args: [...MAP, '--from', 'omim', '--to', 'go_term', '--max-hops', '1'],
    input: '191170\n',
    code: 3,
    says: ['No path from omim to go_term within 1 hops'],
  },
  {
    name: 'an unknown table',
    args: [...MAP, '--from', 'uniprot', '--to', 'entrez', '--disable', 'nosuchtable'],
    input: 'P04637\n',
    code: 3,
    says: ['"nosuchtable"'],
  },
  {
    name: 'paths to an unknown type',
    args: ['paths', '--no-cache', '--from', 'uniprot', '--to', 'nosuchtype'],
    code: 3,
    says: ['Unknown target type "nosuchtype"'],
  },
  {
    name: 'paths with no path between the types',
    args: ['paths', '--no-cache', '--from', 'omim', '--to', 'go_term', '--max-hops', '1'],
    code: 3,
    says: ['No path from omim to go_term within 1 hops'],
  },
  {
    name: 'a missing input file',
    args: [...MAP, '--from', 'uniprot', '--to', 'entrez', file('missing.txt')],
    code: 4,
    says: [file('missing.txt'), 'ENOENT'],
  },
  {
    name: 'an --out file in a folder there is none of',
    args: [...MAP, '--from', 'uniprot', '--to', 'entrez', '--out', file('no-folder/out.tsv')],
    input: 'P04637\n',
    code: 4,
    says: [`Cannot open "${file('no-folder/out.tsv')}"`, 'ENOENT'],
  },
  {
    name: 'an empty input file',
    args: [...MAP, '--from', 'uniprot', '--to', 'entrez', file('empty.txt')],
    code: 4,
    says: ['no identifiers', 'empty'],
  },
  {
    name: 'a file that looks gzip-compressed but is not',
    args: [...MAP, '--from', 'uniprot', '--to', 'entrez', file('broken.gz')],
    code: 4,
    says: [file('broken.gz'), 'cannot be decompressed'],
  },
  {
    name: 'a --from-manifest file that is no manifest',
    args: [...MAP, '--from-manifest', file('not-a-manifest.json')],
    code: 4,
    says: [file('not-a-manifest.json'), 'not a Crosswalk manifest'],
  },
];

describe.concurrent('exit codes and messages', { timeout: CLI_TIMEOUT }, () => {
  it.for(CASES)('$name: exit $code, one line naming it', async (c, { expect }) => {
    const run = await runCli(c.args, { input: c.input });
    expect(run.code).toBe(c.code);
    expect(run.stdout).toBe('');
    // One line, ending the output, after the verb it concerns.
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr).toMatch(/^crosswalk (\w+: )?\S/);
    for (const part of c.says)
      if (typeof part === 'string') expect(run.stderr).toContain(part);
      else expect(run.stderr).toMatch(part);
  });

  it('no 1-hop path joins omim and go_term in the bundled catalog (the case above)', ({
    expect,
  }) => {
    const catalog = JSON.parse(readFileSync(join(PUBLIC_DATA, 'catalog.json'), 'utf8')) as {
      tables: { columns: { type?: string }[] }[];
    };
    const types = catalog.tables.map((t) => new Set(t.columns.map((c) => c.type)));
    expect(types.some((set) => set.has('omim'))).toBe(true);
    expect(types.some((set) => set.has('go_term'))).toBe(true);
    expect(types.some((set) => set.has('omim') && set.has('go_term'))).toBe(false);
  });

  it('a run whose ids all go unmapped succeeds, their statuses in the output', async ({
    expect,
  }) => {
    // Q13072 (BAGE) has an NCBI gene but no Ensembl gene (cli-map.test.ts reads it from the data).
    const run = await runCli([...MAP, '--from', 'uniprot', '--to', 'ensembl_gene'], {
      input: 'Q13072\nnot-an-id\n',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(records(run.stdout).map((row) => [row.input, row.status, row.target])).toEqual([
      ['Q13072', 'unmapped', ''],
      ['not-an-id', 'invalid', ''],
    ]);
  });

  it('--help lists every verb and exits 0; no verb at all is a usage error', async ({ expect }) => {
    const [help, bare] = await Promise.all([runCli(['--help']), runCli([])]);
    expect(help.code).toBe(0);
    for (const verb of ['map', 'types', 'tables', 'paths', 'import', 'cache', 'merge'])
      expect(help.stdout).toContain(`crosswalk ${verb}`);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });
});
