// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttributeRef } from '../../../../workers/api';

const engine = vi.hoisted(() => ({
  attributesFor: vi.fn<(target: string) => Promise<AttributeRef[]>>(),
}));

class EngineStoppedError extends Error {}

vi.mock('../../../../src/worker-client/engine-client', () => ({ engine, EngineStoppedError }));

const { ExtraColumns } = await import('../../../../src/state/ExtraColumns.svelte');

const organ = { table: 'panel', column: 'organ' };
const name = { table: 'genes', column: 'name' };
const note = { table: 'panel', column: 'note' };

const offered: Record<string, AttributeRef[]> = {
  symbol: [name, organ],
  uniprot: [organ, note],
  entrez: [],
};

describe('ExtraColumns', () => {
  beforeEach(() => {
    engine.attributesFor.mockReset();
    engine.attributesFor.mockImplementation(async (target) => offered[target] ?? []);
  });

  it('lists the attributes for a target and asks for the ticked ones in the engine’s order', async () => {
    const columns = new ExtraColumns({ onError: () => {} });
    await columns.refresh('symbol');
    expect(columns.available).toEqual([name, organ]);
    columns.setSelected(organ, true);
    columns.setSelected(name, true);
    expect(columns.isSelected(organ)).toBe(true);
    expect(columns.forRun('symbol')).toEqual([name, organ]);
    columns.setSelected(name, false);
    expect(columns.forRun('symbol')).toEqual([organ]);
    // A run to another type than the list is for asks for nothing.
    expect(columns.forRun('uniprot')).toEqual([]);
  });

  it('drops ticks of attributes the new target does not offer', async () => {
    const columns = new ExtraColumns({ onError: () => {} });
    await columns.refresh('symbol');
    columns.setSelected(organ, true);
    columns.setSelected(name, true);
    await columns.refresh('uniprot');
    expect(columns.selected).toEqual(['panel.organ']);
    expect(columns.forRun('uniprot')).toEqual([organ]);
    await columns.refresh('entrez');
    expect(columns.available).toEqual([]);
    expect(columns.selected).toEqual([]);
  });

  it('ignores a slower answer for an earlier target', async () => {
    let answerSymbol: (refs: AttributeRef[]) => void = () => {};
    engine.attributesFor.mockImplementationOnce(
      () => new Promise((resolve) => (answerSymbol = resolve)),
    );
    const columns = new ExtraColumns({ onError: () => {} });
    const first = columns.refresh('symbol');
    await columns.refresh('uniprot');
    answerSymbol(offered.symbol);
    await first;
    expect(columns.target).toBe('uniprot');
    expect(columns.available).toEqual([organ, note]);
    expect(columns.loading).toBe(false);
  });

  it('reports a failure (not a stopped engine) and offers nothing for the new target', async () => {
    const onError = vi.fn();
    const columns = new ExtraColumns({ onError });
    await columns.refresh('symbol');
    engine.attributesFor.mockRejectedValueOnce(new EngineStoppedError('cancelled'));
    await columns.refresh('uniprot');
    expect(onError).not.toHaveBeenCalled();
    expect(columns.available).toEqual([]);
    expect(columns.forRun('uniprot')).toEqual([]);
    engine.attributesFor.mockRejectedValueOnce(new Error('boom'));
    await columns.refresh('symbol');
    expect(onError).toHaveBeenCalledWith('Could not list the extra columns: boom');
  });
});
