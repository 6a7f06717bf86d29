// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogInfo, MapRequest, MapResult, PackInfo, Phase } from '../../../../workers/api';
import type * as Download from '../../../../src/lib/download';
import { makeResult } from '../make-result';

const engine = vi.hoisted(() => {
  const fake = {
    /** The worker now running; raising it stands for a restart. */
    generation: 1,
    stamp() {
      const made = fake.generation;
      return {
        get current() {
          return fake.generation === made;
        },
      };
    },
    map: vi.fn<(request: MapRequest) => Promise<MapResult>>(),
    exportResult: vi.fn<(runId: number, format: string) => Promise<Blob>>(),
    cancel: vi.fn(),
    // What the session asks for around a run (paths, extra columns, figures); not under test.
    paths: vi.fn(async () => []),
    attributesFor: vi.fn(async () => []),
    cacheStats: vi.fn(async () => null),
    storage: vi.fn(async () => ({ available: true, tables: [] })),
    catalog: vi.fn<() => Promise<CatalogInfo>>(),
    warmUp: vi.fn(async (_source: string, _target: string) => ['uniprot']),
  };
  return fake;
});

vi.mock('../../../../src/worker-client/engine-client', () => ({
  engine,
  EngineStoppedError: class EngineStoppedError extends Error {
    constructor(
      readonly reason: string,
      message: string,
    ) {
      super(message);
    }
  },
}));

// The download itself needs a DOM; the file name stays the real one.
vi.mock('../../../../src/lib/download', async (importOriginal) => ({
  ...(await importOriginal<typeof Download>()),
  downloadBlob: vi.fn(),
}));

// The timing history is updated once the page is idle; here at once.
vi.mock('../../../../src/lib/idle', () => ({
  whenIdle: (task: () => void) => {
    task();
    return () => {};
  },
}));

const { MappingSession } = await import('../../../../src/state/MappingSession.svelte');
const { EngineStoppedError } = await import('../../../../src/worker-client/engine-client');
const { downloadBlob } = await import('../../../../src/lib/download');

const CATALOG: CatalogInfo = {
  version: 'test',
  packs: [],
  types: [
    { id: 'uniprot', label: 'UniProt accession', caseInsensitive: false },
    { id: 'entrez', label: 'NCBI Gene', caseInsensitive: false },
    { id: 'symbol', label: 'Gene symbol', caseInsensitive: true },
  ],
  tables: [],
};

const IDS = 'P04637\nP38398';
const RESULT: MapResult = {
  ...makeResult([
    { id: 'P04637', status: 0, pairs: [{ target: '7157' }] },
    { id: 'P38398', status: 0, pairs: [{ target: '672' }] },
  ]),
  runId: 7,
  source: 'uniprot',
  target: 'entrez',
};
const TSV = new Blob(['input\ttarget\nP04637\t7157\nP38398\t672\n'], {
  type: 'text/tab-separated-values;charset=utf-8',
});

function setUp() {
  const session = new MappingSession();
  session.setSource('uniprot');
  session.setCatalog(CATALOG);
  session.ids.setText(IDS);
  return session;
}

/** Makes the next `engine.map` wait until `engine.cancel()` ends its worker, as the client does. */
function mapUntilCancelled(): void {
  let stop: (error: Error) => void = () => {};
  engine.map.mockImplementationOnce(() => new Promise((_, reject) => (stop = reject)));
  engine.cancel.mockImplementationOnce(() => {
    // The cancelled worker is gone; the calls after it start another.
    engine.generation += 1;
    stop(new EngineStoppedError('cancelled', 'The run was cancelled.'));
  });
}

beforeEach(() => {
  vi.clearAllMocks();
  engine.generation = 1;
  engine.map.mockResolvedValue(RESULT);
  engine.exportResult.mockResolvedValue(TSV);
  // The session waits for the frame that paints the results.
  vi.stubGlobal('requestAnimationFrame', (paint: () => void) => setTimeout(paint, 0));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MappingSession', () => {
  it('warms the chosen pair when idle (never a pair on "Detect automatically")', async () => {
    const session = new MappingSession();
    session.setCatalog(CATALOG);
    session.setTarget('entrez');
    expect(engine.warmUp).not.toHaveBeenCalled();
    session.setSource('uniprot');
    expect(engine.warmUp).toHaveBeenCalledWith('uniprot', 'entrez');
    await vi.waitFor(() => expect(session.storage.warmUpState).toBe('done'));
    expect(session.storage.warmed).toEqual(['uniprot']);
    session.setSource('entrez');
    expect(engine.warmUp).toHaveBeenCalledTimes(1);
  });

  it('stores the result of a run and stops running', async () => {
    const session = setUp();
    const running = session.run();
    expect(session.running).toBe(true);
    await running;
    expect(engine.map).toHaveBeenCalledWith(
      {
        text: IDS,
        split: 'auto',
        source: 'uniprot',
        target: 'entrez',
        alsoTargets: [],
        attributes: [],
      },
      expect.any(Function),
    );
    expect(session.result).toBe(RESULT);
    expect(session.running).toBe(false);
    expect(session.progress).toBeNull();
    expect(session.resultStale).toBe(false);
    expect(session.error).toBeNull();
  });

  it('adds target types to the run, never its source or target, each once', async () => {
    const session = setUp();
    for (const type of ['entrez', 'uniprot', 'symbol', 'symbol', 'not-a-type'])
      session.addTarget(type);
    expect(session.alsoTargets).toEqual(['symbol']);
    await session.run();
    expect(engine.map.mock.calls[0][0].alsoTargets).toEqual(['symbol']);
    session.removeTarget('symbol');
    expect(session.resultOutdated).toBe(
      'These results are for the previous types; run again to update.',
    );
    session.addTarget('symbol');
    expect(session.resultOutdated).toBeNull();
    // Chosen as the target, it is no longer an extra one.
    session.setTarget('symbol');
    expect(session.alsoTargets).toEqual([]);
  });

  it('exports the result through the worker that made it and downloads its file as is', async () => {
    const session = setUp();
    await session.run();
    await session.actions.exportAs('tsv');
    expect(engine.exportResult).toHaveBeenCalledWith(7, 'tsv', 'long');
    // The very Blob the worker made: the page neither reads nor copies it.
    expect(downloadBlob).toHaveBeenCalledWith(TSV, 'crosswalk-uniprot-to-entrez.tsv');
    expect(vi.mocked(downloadBlob).mock.calls[0][0]).toBe(TSV);
    expect(session.actions.exporting).toBeNull();
    expect(session.error).toBeNull();
  });

  it('keeps the last result after a cancelled run, marked stale, and does not export it', async () => {
    const session = setUp();
    await session.run();
    mapUntilCancelled();
    const cancelled = session.run();
    expect(session.running).toBe(true);
    session.cancel();
    await cancelled;
    expect(engine.cancel).toHaveBeenCalledOnce();
    expect(session.running).toBe(false);
    expect(session.result).toBe(RESULT);
    expect(session.resultStale).toBe(true);
    expect(session.notice).toMatch(/cancelled/);
    expect(session.error).toBeNull();

    await session.actions.exportAs('tsv');
    expect(engine.exportResult).not.toHaveBeenCalled();
    expect(downloadBlob).not.toHaveBeenCalled();
    expect(session.error).toMatch(/engine was restarted/);
  });
});

describe('a result whose input changed since its run', () => {
  const IDS_NOTE = 'These results are for the previous ids; run again to update.';
  const TYPES_NOTE = 'These results are for the previous types; run again to update.';
  const BOTH_NOTE = 'These results are for the previous ids and types; run again to update.';

  it('is marked once the ids are edited, unmarked when they are back, and the next run clears it', async () => {
    const session = setUp();
    expect(session.resultOutdated).toBeNull();
    await session.run();
    expect(session.resultOutdated).toBeNull();
    session.ids.setText('P04637');
    expect(session.resultOutdated).toBe(IDS_NOTE);
    // The same ids again (typed back): the result is theirs.
    session.ids.setText(IDS);
    expect(session.resultOutdated).toBeNull();

    session.ids.setText('P04637');
    await session.run();
    expect(engine.map).toHaveBeenLastCalledWith(
      expect.objectContaining({ text: 'P04637' }),
      expect.any(Function),
    );
    expect(session.resultOutdated).toBeNull();
  });

  it('is marked when the source or the target type changes', async () => {
    const session = setUp();
    await session.run();
    session.setTarget('uniprot');
    expect(session.resultOutdated).toBe(TYPES_NOTE);
    session.setTarget('entrez');
    expect(session.resultOutdated).toBeNull();
    session.setSource('entrez');
    expect(session.resultOutdated).toBe(TYPES_NOTE);
    session.ids.clear();
    expect(session.resultOutdated).toBe(BOTH_NOTE);
  });

  it('is marked when the ids or types changed while it ran', async () => {
    const session = setUp();
    let finish: (result: MapResult) => void = () => {};
    engine.map.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const running = session.run();
    session.ids.setText('TP53');
    session.setTarget('uniprot');
    finish(RESULT);
    await running;
    expect(session.result).toBe(RESULT);
    expect(session.resultOutdated).toBe(BOTH_NOTE);
  });

  it('stays marked when the next run is cancelled: the result on screen is still the old one', async () => {
    const session = setUp();
    await session.run();
    session.ids.setText('TP53');
    mapUntilCancelled();
    const cancelled = session.run();
    session.cancel();
    await cancelled;
    expect(session.result).toBe(RESULT);
    expect(session.resultOutdated).toBe(IDS_NOTE);
  });

  it('reloads the catalog after a run that read a pack not yet on this device', async () => {
    const mouse: PackInfo = {
      name: 'mouse',
      label: 'Mouse (MGI)',
      description: '',
      source: 'MGI',
      date: '2025-08-07',
      licence: 'MGI',
      tables: ['mgi_genes'],
      bytes: 100,
      onDevice: false,
    };
    const withPack = { ...CATALOG, packs: [mouse] };
    const fetched = { ...CATALOG, packs: [{ ...mouse, onDevice: true }] };
    engine.catalog.mockResolvedValue(fetched);
    const session = setUp();
    session.setCatalog(withPack);
    const load = (name: string): Phase => ({ name, kind: 'load', ms: 1, source: 'parsed' });

    // Only core tables read: the pack stays as it was, and nothing is asked.
    engine.map.mockResolvedValueOnce({
      ...RESULT,
      timing: { totalMs: 1, phases: [load('genes')] },
    });
    await session.run();
    expect(engine.catalog).not.toHaveBeenCalled();

    engine.map.mockResolvedValueOnce({
      ...RESULT,
      timing: { totalMs: 2, phases: [load('genes'), load('mgi_genes')] },
    });
    await session.run();
    await vi.waitFor(() => expect(session.catalog).toBe(fetched));
    expect(engine.catalog).toHaveBeenCalledTimes(1);
  });
});
