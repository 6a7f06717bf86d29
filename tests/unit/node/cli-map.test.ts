/**
 * `crosswalk map` run as a child process: its input from files, gzip files, standard input and
 * gzip on standard input, its output flags (--format, --layout, --policy, several --to, --out).
 * Each output is compared byte for byte with the app's export of the same run made in this
 * process (one export function for both), and its cells with the data's CSV sources.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { MapRequest } from '../../../workers/api';
import type { CrosswalkEngine } from '../../../workers/engine/engine';
import {
  CLI_TIMEOUT,
  lines,
  readText,
  records,
  removeScratch,
  runCli,
  scratchDir,
  type CliRun,
} from './run-cli';
import {
  appExport,
  bundledEngine,
  edges,
  sourceTable,
  through,
  type ExportSettings,
} from './expected';

// P04637 (TP53) and P38398 (BRCA1) have one Ensembl gene, P0C0L4 (C4A) several, Q13072 (BAGE)
// none; XYZ and the formula-like id are not accessions; the last P04637 repeats the first.
const IDS = ['P04637', 'P38398', 'P0C0L4', 'Q13072', 'XYZ', '=cmd()', 'P04637'];
const TEXT = `${IDS.join('\n')}\n`;
/** Each id as the exports write it: a cell a spreadsheet would run as a formula gets a `'`. */
const WRITTEN = IDS.map((id) => (id.startsWith('=') ? `'${id}` : id));
const UNIPROT_TO_ENSEMBL = ['--from', 'uniprot', '--to', 'ensembl_gene'];

const uniprotEntrez = edges('uniprot', 'uniprot', 'entrez_id');
const entrezEnsembl = edges('ensembl_gene', 'entrez_id', 'ensembl_gene');
const ensemblOf = (accession: string) => through(accession, uniprotEntrez, entrezEnsembl);

let dir: string;
let cache: string;
let ids: string;
let engine: CrosswalkEngine;

/** The app's export of `request` (the ids above unless given), made in this process. */
const expected = (settings: ExportSettings = {}, request: Partial<MapRequest> = {}) =>
  appExport(
    engine,
    { text: TEXT, source: 'uniprot', target: 'ensembl_gene', ...request },
    settings,
  );

/** One spawn shared by the tests that read it. */
function shared(run: () => Promise<CliRun>): () => Promise<CliRun> {
  let pending: Promise<CliRun> | undefined;
  return () => (pending ??= run());
}

const fromFile = shared(() => runCli(['map', ...UNIPROT_TO_ENSEMBL, '--cache', cache, ids]));

beforeAll(async () => {
  dir = scratchDir();
  cache = join(dir, 'cache');
  ids = join(dir, 'ids.txt');
  writeFileSync(ids, TEXT);
  engine = await bundledEngine();
}, CLI_TIMEOUT);

afterAll(removeScratch);

describe.concurrent('crosswalk map: input', { timeout: CLI_TIMEOUT }, () => {
  it('maps a file of ids to the TSV the app exports, byte for byte', async ({ expect }) => {
    const run = await fromFile();
    expect(run.code).toBe(0);
    expect(run.bytes.equals(Buffer.from(await expected()))).toBe(true);
    // Progress and the summary go to standard error, never into the output.
    expect(run.stdout.startsWith('input_index\tinput\tstatus\ttarget\t')).toBe(true);
    expect(lines(run.stderr).every((line) => line.startsWith('crosswalk: '))).toBe(true);
    expect(run.stderr).toContain(`${IDS.length} inputs:`);
  });

  it('writes the targets and statuses the data gives, unmapped ids included', async ({
    expect,
  }) => {
    const rows = records((await fromFile()).stdout);
    IDS.forEach((id, i) => {
      const mine = rows.filter((row) => row.input_index === String(i + 1));
      expect(mine.every((row) => row.input === WRITTEN[i])).toBe(true);
      const targets = /^[OPQ]\d/.test(id) ? ensemblOf(id) : [];
      expect(mine.map((row) => row.target).sort()).toEqual(targets.length ? targets : ['']);
      const status =
        targets.length > 1 ? 'ambiguous' : targets.length === 1 ? 'mapped' : 'unmapped';
      const invalid = id === 'XYZ' || id === '=cmd()';
      expect(new Set(mine.map((row) => row.status))).toEqual(
        new Set([invalid ? 'invalid' : status]),
      );
    });
    expect(ensemblOf('P0C0L4').length).toBeGreaterThan(1);
    expect(ensemblOf('Q13072')).toEqual([]);
    expect(rows.at(-1)!.duplicate).toBe('yes');
    // The first accession's path goes through its NCBI gene, as uniprot.csv.gz gives it.
    expect(rows[0].via).toBe(
      `P04637 > ${uniprotEntrez.get('P04637')![0]} > ${ensemblOf('P04637')[0]}`,
    );
  });

  it('reads standard input when no file is named', async ({ expect }) => {
    const run = await runCli(['map', ...UNIPROT_TO_ENSEMBL, '--no-cache', '-q'], { input: TEXT });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expected());
  });

  it('reads gzip on standard input', async ({ expect }) => {
    const run = await runCli(['map', ...UNIPROT_TO_ENSEMBL, '--no-cache', '-q'], {
      input: gzipSync(TEXT),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expected());
  });

  it('reads files and standard input (-) in the order named, a gzip file among them', async ({
    expect,
  }) => {
    const [first, last] = [join(dir, 'first.txt'), join(dir, 'last.txt.gz')];
    // The first file's last line has no line break: it must not run into the next one's first.
    writeFileSync(first, IDS.slice(0, 3).join('\n'));
    writeFileSync(last, gzipSync(`${IDS.slice(5).join('\n')}\n`));
    const run = await runCli(['map', ...UNIPROT_TO_ENSEMBL, '--no-cache', '-q', first, '-', last], {
      input: `${IDS.slice(3, 5).join('\n')}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expected());
  });
});

describe.concurrent('crosswalk map: output', { timeout: CLI_TIMEOUT }, () => {
  it('writes to --out FILE, nothing to standard output', async ({ expect }) => {
    const out = join(dir, 'out.tsv');
    const run = await runCli(['map', ...UNIPROT_TO_ENSEMBL, '--no-cache', '-q', '--out', out, ids]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readText(out)).toBe(await expected());
  });

  it('writes --format csv and --format json as the app exports them', async ({ expect }) => {
    const [csv, json] = await Promise.all(
      ['csv', 'json'].map((format) =>
        runCli(['map', ...UNIPROT_TO_ENSEMBL, '--no-cache', '-q', '--format', format, ids]),
      ),
    );
    expect([csv.code, json.code]).toEqual([0, 0]);
    expect(csv.stdout).toBe(await expected({ format: 'csv' }));
    expect(json.stdout).toBe(await expected({ format: 'json' }));
    // The formula-like id is neutralised in CSV as in the app (OWASP's CSV-injection rule).
    expect(records(csv.stdout, ',').at(-2)!.input).toBe("'=cmd()");
    const parsed = JSON.parse(json.stdout) as { rows: { input: string; target: string }[] };
    expect(
      parsed.rows
        .filter((row) => row.input === 'P0C0L4')
        .map((r) => r.target)
        .sort(),
    ).toEqual(ensemblOf('P0C0L4'));
  });

  it('maps to several target types, --to repeated (--layout wide lists them)', async ({
    expect,
  }) => {
    const run = await runCli([
      'map',
      ...UNIPROT_TO_ENSEMBL,
      '--to',
      'entrez',
      '--no-cache',
      '-q',
      ids,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expected({}, { alsoTargets: ['entrez'] }));
    const tp53 = records(run.stdout).filter((row) => row.input_index === '1');
    expect(tp53.map((row) => [row.target_type, row.target])).toEqual([
      ['ensembl_gene', ensemblOf('P04637')[0]],
      ['entrez', uniprotEntrez.get('P04637')![0]],
    ]);
  });

  it('writes one row per input with --layout wide, for the types --to lists', async ({
    expect,
  }) => {
    const run = await runCli([
      'map',
      '--from',
      'uniprot',
      '--to',
      'ensembl_gene,entrez',
      '--layout',
      'wide',
      '--no-cache',
      '-q',
      ids,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expected({ layout: 'wide' }, { alsoTargets: ['entrez'] }));
    const rows = records(run.stdout);
    expect(rows.map((row) => row.input)).toEqual(WRITTEN);
    const c4a = rows[2];
    expect(c4a.ensembl_gene.split('|').sort()).toEqual(ensemblOf('P0C0L4'));
    expect(c4a.entrez.split('|').sort()).toEqual([...uniprotEntrez.get('P0C0L4')!].sort());
  });

  it('applies --policy first and --policy drop to inputs with several targets', async ({
    expect,
  }) => {
    const [first, drop] = await Promise.all(
      ['first', 'drop'].map((policy) =>
        runCli(['map', ...UNIPROT_TO_ENSEMBL, '--policy', policy, '--no-cache', '-q', ids]),
      ),
    );
    expect(first.stdout).toBe(await expected({ policy: 'first' }));
    expect(drop.stdout).toBe(await expected({ policy: 'drop' }));
    const c4a = (text: string) => records(text).filter((row) => row.input === 'P0C0L4');
    expect(c4a(first.stdout)).toHaveLength(1);
    expect(c4a(first.stdout)[0]).toMatchObject({ status: 'mapped', policy: 'first' });
    expect(ensemblOf('P0C0L4')).toContain(c4a(first.stdout)[0].target);
    expect(c4a(drop.stdout)).toHaveLength(1);
    expect(c4a(drop.stdout)[0]).toMatchObject({ status: 'ambiguous', target: '', policy: 'drop' });
  });

  it('keeps the reviewed UniProt entries with --policy prefer-reviewed', async ({ expect }) => {
    const genes = '7157\n672\n';
    const run = await runCli(
      [
        'map',
        '--from',
        'entrez',
        '--to',
        'uniprot',
        '--policy',
        'prefer-reviewed',
        '--no-cache',
        '-q',
      ],
      { input: genes },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      await expected(
        { policy: 'prefer-reviewed' },
        { text: genes, source: 'entrez', target: 'uniprot' },
      ),
    );
    const reviewed = new Set(sourceTable('uniprot_reviewed').rows.map((row) => row[0]));
    const accessions = edges('uniprot', 'entrez_id', 'uniprot');
    for (const [i, gene] of ['7157', '672'].entries()) {
      const all = accessions.get(gene)!;
      const kept = all.filter((accession) => reviewed.has(accession));
      expect(all.length).toBeGreaterThan(kept.length);
      const rows = records(run.stdout).filter((row) => row.input_index === String(i + 1));
      expect(rows.map((row) => row.target).sort()).toEqual(kept.sort());
      expect(rows.every((row) => row.reviewed === 'yes')).toBe(true);
    }
  });

  it('reads each id as its own type when --from is left out', async ({ expect }) => {
    const mixed = 'P04637\nENSG00000012048\n';
    const run = await runCli(['map', '--to', 'symbol', '--no-cache', '-q'], { input: mixed });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expected({}, { text: mixed, source: 'auto', target: 'symbol' }));
    const symbolOf = edges('genes', 'entrez_id', 'symbol');
    const ensemblEntrez = edges('ensembl_gene', 'ensembl_gene', 'entrez_id');
    const rows = records(run.stdout);
    expect(rows.map((row) => [row.source_type, row.target])).toEqual([
      ['uniprot', ...through('P04637', uniprotEntrez, symbolOf)],
      ['ensembl_gene', ...through('ENSG00000012048', ensemblEntrez, symbolOf)],
    ]);
  });
});
