// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogInfo, MapRequest, MapResult } from '../../../../workers/api';
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
  types: [
    { id: 'uniprot', label: 'UniProt accession', caseInsensitive: false },
    { id: 'entrez', label: 'NCBI Gene', caseInsensitive: false },
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
  it('stores the result of a run and stops running', async () => {
    const session = setUp();
    const running = session.run();
    expect(session.running).toBe(true);
    await running;
    expect(engine.map).toHaveBeenCalledWith(
      { text: IDS, source: 'uniprot', target: 'entrez', attributes: [] },
      expect.any(Function),
    );
    expect(session.result).toBe(RESULT);
    expect(session.running).toBe(false);
    expect(session.progress).toBeNull();
    expect(session.resultStale).toBe(false);
    expect(session.error).toBeNull();
  });

  it('exports the result through the worker that made it and downloads its file as is', async () => {
    const session = setUp();
    await session.run();
    await session.exportAs('tsv');
    expect(engine.exportResult).toHaveBeenCalledWith(7, 'tsv');
    // The very Blob the worker made: the page neither reads nor copies it.
    expect(downloadBlob).toHaveBeenCalledWith(TSV, 'crosswalk-uniprot-to-entrez.tsv');
    expect(vi.mocked(downloadBlob).mock.calls[0][0]).toBe(TSV);
    expect(session.exporting).toBeNull();
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

    await session.exportAs('tsv');
    expect(engine.exportResult).not.toHaveBeenCalled();
    expect(downloadBlob).not.toHaveBeenCalled();
    expect(session.error).toMatch(/engine was restarted/);
  });
});
