/**
 * A pack's file read through the pack store: the first read downloads and keeps it, and the
 * table's `read` phase shows those two steps (`fetch` with its bytes, `keep`); a read of a kept
 * file has no such steps. The store here is a Map in front of the fixture files.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../../workers/api';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import type { PackStore, TimeStep } from '../../../../workers/engine/tables/pack-store';
import { fsReadBytes, ROOT } from '../helpers';

const PACKS_CATALOG = pathToFileURL(join(ROOT, 'tests', 'fixtures', 'packs', 'catalog.json')).href;
const REQUEST = { text: '50-99-7\n64-17-5', source: 'cas', target: 'pubchem_cid' };

class MapPackStore implements PackStore {
  readonly kept = new Map<string, Uint8Array>();
  downloads = 0;

  async has(url: string): Promise<boolean> {
    return this.kept.has(url);
  }

  async read(url: string, time: TimeStep = (_, work) => work()): Promise<Uint8Array> {
    const kept = this.kept.get(url);
    if (kept) return kept;
    const bytes = await time('fetch', async () => {
      this.downloads++;
      return fsReadBytes(url);
    });
    await time('keep', async () => void this.kept.set(url, bytes));
    return bytes;
  }

  async drop(url: string): Promise<void> {
    this.kept.delete(url);
  }
}

async function engineWith(packStore: PackStore): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, packStore });
  await engine.init(PACKS_CATALOG);
  return engine;
}

/** The `read` child of the run's load phase for `table`. */
function readPhase(phases: Phase[], table: string): Phase {
  const load = phases.find((p) => p.kind === 'load' && p.name === table);
  const read = load?.children?.find((c) => c.name === 'read');
  if (!read) throw new Error(`no read phase for ${table}`);
  return read;
}

describe('reading a data pack file', () => {
  it("shows the download's fetch and keep steps under the table's read phase", async () => {
    const store = new MapPackStore();
    const first = await (await engineWith(store)).map(REQUEST);
    const read = readPhase(first.timing.phases, 'cas_chebi');
    expect(read.children?.map((c) => c.name)).toEqual(['fetch', 'keep']);
    const [fetch, keep] = read.children!;
    expect(fetch.detail).toBe(read.detail);
    expect(fetch.detail).toMatch(/^[1-9]\d* bytes$/);
    expect(fetch.kind).toBe('load');
    expect(fetch.ms + keep.ms).toBeLessThanOrEqual(read.ms);
    const downloads = store.downloads;
    expect(downloads).toBeGreaterThan(0);

    // A new engine (a new visit) finds the files kept: read, not downloaded again.
    const again = await (await engineWith(store)).map(REQUEST);
    expect(readPhase(again.timing.phases, 'cas_chebi').children).toBeUndefined();
    expect(store.downloads).toBe(downloads);
  });
});
