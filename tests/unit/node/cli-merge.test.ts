/**
 * A list mapped in shards, each with `--index-offset` (the number of ids before it), then
 * `crosswalk merge` of their outputs in any order: the file the whole list gives, byte for byte
 * (computed here by the engine in-process on the whole list), or a refusal naming the gap.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appExport, bundledEngine } from './expected';
import { CLI_TIMEOUT, readText, records, removeScratch, runCli, scratchDir } from './run-cli';

// No id twice and no two sharing a target: a shard cannot see another's ids, so duplicate and
// convergent flags are only the whole list's when no id needs another shard's to get them.
const IDS = ['P04637', 'P0C0L4', 'Q13072', 'XYZ', 'P38398', 'P00533', 'P01308'];
const SHARDS = [IDS.slice(0, 3), IDS.slice(3, 5), IDS.slice(5)];
const ARGS = ['--from', 'uniprot', '--to', 'ensembl_gene', '--no-cache', '-q'];

let dir: string;
const shard = (i: number) => join(dir, `shard-${i}.tsv`);

beforeAll(async () => {
  dir = scratchDir();
  let offset = 0;
  const runs = SHARDS.map((ids, i) => {
    writeFileSync(join(dir, `ids-${i}.txt`), `${ids.join('\n')}\n`);
    const run = runCli([
      'map',
      ...ARGS,
      '--index-offset',
      String(offset),
      '--out',
      shard(i),
      join(dir, `ids-${i}.txt`),
    ]);
    offset += ids.length;
    return run;
  });
  expect((await Promise.all(runs)).map((run) => run.code)).toEqual([0, 0, 0]);
}, CLI_TIMEOUT);

afterAll(removeScratch);

describe('crosswalk map --index-offset, then crosswalk merge', { timeout: CLI_TIMEOUT }, () => {
  it('numbers each shard’s rows as in the whole list', () => {
    const firstIndex = SHARDS.map((_, i) => Number(records(readText(shard(i)))[0].input_index));
    expect(firstIndex).toEqual([1, 1 + SHARDS[0].length, 1 + SHARDS[0].length + SHARDS[1].length]);
  });

  it('merges shards given in any order into the whole list’s output, byte for byte', async () => {
    const out = join(dir, 'merged.tsv');
    const [merged, engine] = await Promise.all([
      runCli(['merge', '--out', out, shard(2), shard(0), shard(1)]),
      bundledEngine(),
    ]);
    expect(merged.code).toBe(0);
    const whole = await appExport(engine, {
      text: `${IDS.join('\n')}\n`,
      source: 'uniprot',
      target: 'ensembl_gene',
    });
    expect(readText(out)).toBe(whole);
  });

  it('refuses shards with a gap between them, naming the shard (exit 4)', async () => {
    const run = await runCli(['merge', shard(2), shard(0)]);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `"${shard(2)}" starts at input ${1 + SHARDS[0].length + SHARDS[1].length}`,
    );
    expect(run.stderr).toContain('a shard is missing');
  });
});
