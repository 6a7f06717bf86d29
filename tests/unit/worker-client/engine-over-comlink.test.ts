/**
 * The seam between page and worker, without a browser: the worker's API (workers/engine-api.ts)
 * exposed with Comlink on one end of a real `MessageChannel`, the page's `EngineClient` on the
 * other, exactly as `engine.worker.ts` and the app wire them. Expected mappings come from the
 * fixture CSV (read independently), not from the engine.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { EngineApi } from '../../../workers/api';
import { createEngineApi } from '../../../workers/engine-api';
import {
  EngineClient,
  EngineStoppedError,
  type EngineWorker,
} from '../../../src/worker-client/engine-client';
import {
  CATALOG_URL,
  loadFixtureEngine,
  multiMap,
  readCsv,
  rowsOf,
  sorted,
} from '../engine/helpers';

/** A stand-in Worker on a MessageChannel; records what the worker side transfers. */
interface ChannelWorker extends EngineWorker {
  transfers: Transferable[][];
  /** Fires the Worker `error` event, as a crashed worker would. */
  crash(message: string): void;
  terminated: boolean;
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

async function channelWorker(): Promise<ChannelWorker> {
  const { port1: workerSide, port2: pageSide } = new MessageChannel();
  open.push(workerSide, pageSide);
  const transfers: Transferable[][] = [];
  const send = workerSide.postMessage.bind(workerSide);
  // Comlink passes the transfer list as the second argument.
  workerSide.postMessage = ((message: unknown, transfer: Transferable[] = []) => {
    if (transfer.length > 0) transfers.push(transfer);
    send(message, transfer);
  }) as MessagePort['postMessage'];
  expose(createEngineApi(await loadFixtureEngine()), workerSide);
  workerSide.start();
  const errors = new EventTarget();
  const worker: ChannelWorker = {
    transfers,
    terminated: false,
    postMessage: ((message: unknown, transfer: Transferable[] = []) =>
      pageSide.postMessage(message, transfer)) as EngineWorker['postMessage'],
    addEventListener: ((type: string, listener: EventListener) => {
      if (type === 'message') pageSide.addEventListener('message', listener);
      else errors.addEventListener(type, listener);
    }) as EngineWorker['addEventListener'],
    removeEventListener: ((type: string, listener: EventListener) => {
      if (type === 'message') pageSide.removeEventListener('message', listener);
      else errors.removeEventListener(type, listener);
    }) as EngineWorker['removeEventListener'],
    terminate() {
      worker.terminated = true;
      workerSide.close();
      pageSide.close();
    },
    crash(message) {
      errors.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
    },
  };
  pageSide.start();
  return worker;
}

/** A client whose workers are channel workers; `workers` lists every one it started. */
async function channelClient(): Promise<{ client: EngineClient; workers: ChannelWorker[] }> {
  const workers: ChannelWorker[] = [];
  // EngineClient starts workers synchronously, so each is made ahead of the call that needs it.
  const ready: ChannelWorker[] = [await channelWorker(), await channelWorker()];
  const client = new EngineClient({
    catalogUrl: CATALOG_URL,
    startWorker: () => {
      const worker = ready.shift()!;
      workers.push(worker);
      return worker;
    },
  });
  return { client, workers };
}

const uniprot = readCsv('org-hs-eg/uniprot.csv');
const entrezOf = multiMap(uniprot, 'uniprot', 'entrez_id');
const accessions = [...entrezOf.keys()].slice(0, 40);

describe('the engine over Comlink on a MessageChannel', () => {
  it('exposes every call of the contract (type-checked) and loads the catalog', async () => {
    type Api = ReturnType<typeof createEngineApi>;
    expectTypeOf<Api>().toMatchTypeOf<EngineApi>();
    expectTypeOf<Exclude<keyof EngineApi, keyof Api>>().toEqualTypeOf<never>();
    const { client } = await channelClient();
    const catalog = await client.init();
    expect(catalog.tables.map((table) => table.name)).toContain('uniprot');
  });

  it('maps through the channel, and the result arrives as transferred typed arrays', async () => {
    const { client, workers } = await channelClient();
    const result = await client.map({
      text: accessions.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    const rows = rowsOf(result);
    expect(rows.map((row) => row.input)).toEqual(accessions);
    for (const row of rows) {
      expect(sorted(row.pairs.map((pair) => pair.target)), row.input).toEqual(
        sorted(entrezOf.get(row.input)!),
      );
    }
    expect(result.inputs.status).toBeInstanceOf(Uint8Array);
    expect(result.pairs.confidence).toBeInstanceOf(Float32Array);
    // The reply carried its buffers in the transfer list, and the worker's copies were handed over.
    const sent = workers[0].transfers.at(-1)!;
    expect(sent.length).toBeGreaterThanOrEqual(10);
    for (const buffer of sent) expect((buffer as ArrayBuffer).byteLength).toBe(0);
  });

  it('exports the result it mapped: a typed Blob arrives whole, with nothing transferred', async () => {
    const { client, workers } = await channelClient();
    const result = await client.map({ text: accessions[0], source: 'uniprot', target: 'entrez' });
    const sentBefore = workers[0].transfers.length;
    const file = await client.exportResult(result.runId, 'tsv');
    expect(file).toBeInstanceOf(Blob);
    expect(file.type).toBe('text/tab-separated-values;charset=utf-8');
    // A Blob is cloned by reference: no buffer is handed over for it.
    expect(workers[0].transfers.length).toBe(sentBefore);
    const [header, ...lines] = (await file.text()).trimEnd().split('\n');
    const columns = header.split('\t');
    const cells = lines.map((line) => line.split('\t'));
    const column = (name: string) => cells.map((row) => row[columns.indexOf(name)]);
    expect(column('input').every((input) => input === accessions[0])).toBe(true);
    expect(sorted(column('target'))).toEqual(sorted(entrezOf.get(accessions[0])!));
  });

  it('a cancelled call rejects with the typed error, and the next call starts a new worker', async () => {
    const { client, workers } = await channelClient();
    await client.init();
    expect(client.stamp().current).toBe(true);
    const stamp = client.stamp();
    const running = client.map({
      text: accessions.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    client.cancel();
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineStoppedError);
    expect((error as EngineStoppedError).reason).toBe('cancelled');
    expect(workers[0].terminated).toBe(true);

    const paths = await client.paths('uniprot', 'entrez');
    expect(paths.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(2);
    // What the first worker made (a result, a checked table) is gone with it.
    expect(stamp.current).toBe(false);
    expect(client.stamp().current).toBe(true);
  });

  it('a crashed worker rejects the pending call as crashed and tells the crash listeners', async () => {
    const { client, workers } = await channelClient();
    await client.init();
    const heard: EngineStoppedError[] = [];
    client.onCrash((error) => heard.push(error));
    const pending = client.map({
      text: accessions.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    workers[0].crash('out of memory');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineStoppedError);
    expect((error as EngineStoppedError).reason).toBe('crashed');
    expect((error as Error).message).toContain('out of memory');
    expect(heard).toEqual([error]);
    expect(workers[0].terminated).toBe(true);
  });
});
