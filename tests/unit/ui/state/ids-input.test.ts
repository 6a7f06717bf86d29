// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdCounts } from '../../../../workers/api';

const engine = vi.hoisted(() => ({ countIds: vi.fn() }));

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

const { IdsInput } = await import('../../../../src/state/IdsInput.svelte');
const { EngineStoppedError } = await import('../../../../src/worker-client/engine-client');
const { LARGE_INPUT_CHARS, MAX_INPUT_CHARS } = await import('../../../../src/lib/input-count');

function setUp() {
  const errors: string[] = [];
  let changes = 0;
  const input = new IdsInput({
    onChange: () => changes++,
    onError: (message) => errors.push(message),
  });
  return { input, errors, changes: () => changes };
}

/** A file just over the size the page reads itself, so it goes to the worker. */
const bigFile = (name = 'big.txt') =>
  new File(['P04637\n'.repeat(LARGE_INPUT_CHARS / 7 + 10)], name);

beforeEach(() => {
  vi.clearAllMocks();
});

describe('IdsInput', () => {
  it('keeps a large file as a card counted by the worker, never reading it on the page', async () => {
    const { input } = setUp();
    engine.countIds.mockResolvedValue({ lines: 150_000, words: 150_002 });
    const file = bigFile();
    const text = vi.spyOn(file, 'text');
    await input.takeFile(file);
    expect(engine.countIds).toHaveBeenCalledWith(file);
    expect(text).not.toHaveBeenCalled();
    expect(input.large).toMatchObject({
      content: file,
      fileName: 'big.txt',
      counts: { lines: 150_000, words: 150_002 },
    });
    // Many lines: one id per line, unless the user asks for words.
    expect(input.count).toBe(150_000);
    expect(input.rule).toBe('lines');
    input.setSplit('words');
    expect(input.count).toBe(150_002);
    expect(input.rule).toBe('words');
    expect(input.reading).toBeNull();
  });

  it('counts a typed list by lines or by words as chosen, and says which', () => {
    const { input, changes } = setUp();
    input.setText('tumor protein p53\nBRCA1\n');
    expect([input.count, input.rule]).toEqual([2, 'lines']);
    const before = changes();
    input.setSplit('words');
    expect([input.count, input.rule]).toEqual([4, 'words']);
    expect(changes()).toBe(before + 1);
    input.setSplit('auto');
    input.setText('TP53, BRCA1 EGFR');
    expect([input.count, input.rule]).toEqual([3, 'words']);
  });

  it('keeps the current input when the worker refuses a file, and names the file', async () => {
    const { input, errors } = setUp();
    input.setText('TP53');
    engine.countIds.mockRejectedValue(new Error('The input looks like binary data'));
    await input.takeFile(bigFile('scan.png'));
    expect(errors).toEqual(['scan.png: The input looks like binary data']);
    expect(input.text).toBe('TP53');
    expect(input.large).toBeNull();
    expect(input.reading).toBeNull();
  });

  it('refuses a small binary file on opening, by name, and keeps the list', async () => {
    const { input, errors, changes } = setUp();
    input.setText('TP53\nBRCA1');
    const before = changes();
    // A real picture under the size read on the page (3 KB).
    const bytes = readFileSync(new URL('../../../../public/icons/icon-192.png', import.meta.url));
    expect(bytes.length).toBeLessThan(LARGE_INPUT_CHARS);
    await input.takeFile(new File([bytes], 'picture.png', { type: 'image/png' }));
    expect(errors).toEqual([
      'picture.png looks like binary data (a picture or a program?), not a list of identifiers.',
    ]);
    expect(input.text).toBe('TP53\nBRCA1');
    expect(input.count).toBe(2);
    expect(input.large).toBeNull();
    expect(input.reading).toBeNull();
    expect(changes()).toBe(before);
    expect(engine.countIds).not.toHaveBeenCalled();
  });

  it('counts a large paste again when a cancelled run took the worker down with it', async () => {
    const { input, errors } = setUp();
    engine.countIds
      .mockRejectedValueOnce(new EngineStoppedError('cancelled', 'The run was cancelled.'))
      .mockResolvedValueOnce({ lines: 200_000, words: 200_000 });
    await input.take('P04637\n'.repeat(LARGE_INPUT_CHARS / 7 + 10));
    expect(engine.countIds).toHaveBeenCalledTimes(2);
    expect(input.large?.counts.lines).toBe(200_000);
    expect(errors).toEqual([]);
  });

  it('refuses a paste over the limit before handing it to the worker', async () => {
    const { input, errors } = setUp();
    input.setText('TP53');
    await input.take('x'.repeat(MAX_INPUT_CHARS + 1));
    expect(engine.countIds).not.toHaveBeenCalled();
    expect(errors[0]).toMatch(/^The pasted text is 64\.0 MB; at most 64\.0 MB/);
    expect(input.text).toBe('TP53');
  });

  it('does not stay "reading" when a newer small file fails while a large one is counted', async () => {
    const { input, errors } = setUp();
    let finishCount: (counts: IdCounts) => void = () => undefined;
    engine.countIds.mockReturnValue(new Promise<IdCounts>((resolve) => (finishCount = resolve)));
    const counting = input.takeFile(bigFile());
    expect(input.reading).toBe('big.txt');

    const broken = new File(['TP53'], 'small.txt');
    vi.spyOn(broken, 'text').mockRejectedValue(new Error('NotReadableError'));
    await input.takeFile(broken);
    expect(errors).toEqual(['Could not read small.txt: NotReadableError']);
    expect(input.reading).toBeNull();

    // The older count arrives late and is dropped.
    finishCount({ lines: 150_000, words: 150_000 });
    await counting;
    expect(input.large).toBeNull();
    expect(input.reading).toBeNull();
  });

  it('a newer edit wins over a large input still being counted', async () => {
    const { input } = setUp();
    let finishCount: (counts: IdCounts) => void = () => undefined;
    engine.countIds.mockReturnValue(new Promise<IdCounts>((resolve) => (finishCount = resolve)));
    const counting = input.takeFile(bigFile());
    input.setText('BRCA1');
    finishCount({ lines: 150_000, words: 150_000 });
    await counting;
    expect(input.large).toBeNull();
    expect(input.text).toBe('BRCA1');
    expect(input.count).toBe(1);
  });
});
