// The state class imports the engine client, which reads Vite's `import.meta.env`.
/// <reference types="vite/client" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  CatalogInfo,
  TablePreview,
  UserTableSpec,
  ValidationReport,
} from '../../../../workers/api';

const engine = vi.hoisted(() => ({
  /** The worker now running; raising it stands for a restart. */
  generation: 1,
  stamp() {
    const made = engine.generation;
    return {
      get current() {
        return engine.generation === made;
      },
    };
  },
  previewTable: vi.fn(),
  checkTable: vi.fn(),
  addTable: vi.fn(),
  removeTable: vi.fn(),
  setTableOptions: vi.fn(),
  syncUserTables: vi.fn(),
}));

vi.mock('../../../../src/worker-client/engine-client', () => ({
  engine,
  EngineStoppedError: class EngineStoppedError extends Error {},
}));

const { TableManager } = await import('../../../../src/state/TableManager.svelte');

function table(name: string, user = false) {
  return {
    name,
    label: name,
    columns: [],
    priority: 0,
    loaded: false,
    enabled: true,
    user,
  };
}

const CATALOG: CatalogInfo = {
  version: 'test',
  packs: [],
  types: [
    { id: 'symbol', label: 'Gene symbol', caseInsensitive: true },
    { id: 'uniprot', label: 'UniProt accession', caseInsensitive: false },
  ],
  tables: [table('genes'), table('uniprot')],
};

const PREVIEW: TablePreview = {
  fileName: 'panel.csv',
  bytes: 100,
  compressed: false,
  delimiter: ',',
  header: ['gene', 'uniprot', 'organ'],
  rows: [['TP53', 'P04637', 'lung']],
  suggestions: [
    { column: 'gene', type: 'symbol', reason: 'the header names it' },
    { column: 'uniprot', type: 'uniprot', reason: 'the header names it' },
    { column: 'organ', reason: 'kept as an attribute' },
  ],
};

const REPORT: ValidationReport = {
  table: 'panel',
  rows: 1,
  duplicateRows: 0,
  raggedRows: 0,
  raggedExamples: [],
  columns: [],
  relations: [],
  findings: [],
};

function setUp() {
  let catalog: CatalogInfo | null = CATALOG;
  const errors: string[] = [];
  const changes: number[] = [];
  const manager = new TableManager({
    catalog: () => catalog,
    setCatalog: (next) => (catalog = next),
    onError: (message) => errors.push(message),
    onStoredChange: () => changes.push(changes.length + 1),
  });
  return { manager, errors, changes, catalog: () => catalog };
}

/** Picks, checks and adds panel.csv, the engine answering `added`. */
async function addPanel(manager: InstanceType<typeof TableManager>, added: CatalogInfo) {
  await manager.pick(file());
  await manager.check();
  engine.addTable.mockResolvedValue(added);
  await manager.add();
}

const file = () => new File(['gene,uniprot,organ\nTP53,P04637,lung\n'], 'panel.csv');

beforeEach(() => {
  vi.clearAllMocks();
  engine.generation = 1;
  engine.previewTable.mockResolvedValue(PREVIEW);
  engine.checkTable.mockResolvedValue(REPORT);
});

describe('TableManager', () => {
  it('starts a picked file from the preview: suggested types, name from the file', async () => {
    const { manager } = setUp();
    await manager.pick(file());
    expect(engine.previewTable).toHaveBeenCalledWith(expect.any(File), 'panel.csv');
    expect(manager.name).toBe('panel');
    expect(manager.columns.map((c) => c.choice)).toEqual(['symbol', 'uniprot', '']);
    expect(manager.problems).toEqual([]);
    expect(manager.canCheck).toBe(true);
    expect(manager.canAdd).toBe(false);
  });

  it('checks with the spec as edited, and adds the checked table', async () => {
    const { manager, catalog } = setUp();
    await manager.pick(file());
    manager.columns[2].choice = '+new';
    manager.columns[2].newType = 'organ';
    manager.columns[2].split = true;
    await manager.check();
    const spec: UserTableSpec = engine.checkTable.mock.calls[0][1];
    expect(spec).toEqual({
      name: 'panel',
      priority: 0,
      columns: [
        { name: 'gene', type: 'symbol' },
        { name: 'uniprot', type: 'uniprot' },
        { name: 'organ', type: 'organ', separator: ',' },
      ],
    });
    expect(manager.report).toEqual(REPORT);
    expect(manager.canAdd).toBe(true);

    const added = { ...CATALOG, tables: [...CATALOG.tables, table('panel', true)] };
    engine.addTable.mockResolvedValue(added);
    await manager.add();
    expect(engine.addTable).toHaveBeenCalledWith('panel');
    expect(catalog()).toBe(added);
    expect(manager.preview).toBeNull();
    expect(manager.notice).toMatch(/Added “panel”/);
  });

  it('does not call the engine with fewer than two typed columns', async () => {
    const { manager } = setUp();
    await manager.pick(file());
    manager.columns[1].choice = '';
    expect(manager.problems).toEqual([expect.stringMatching(/At least two columns/)]);
    await manager.check();
    expect(engine.checkTable).not.toHaveBeenCalled();
  });

  it('marks the report out of date when the spec changes, and re-checks on a new delimiter', async () => {
    const { manager } = setUp();
    await manager.pick(file());
    await manager.check();
    expect(manager.reportCurrent).toBe(true);
    manager.name = 'panel2';
    expect(manager.reportCurrent).toBe(false);
    expect(manager.canAdd).toBe(false);

    void manager.setDelimiter(';');
    // The preview is read again with the chosen delimiter, then the table is checked again.
    await vi.waitFor(() =>
      expect(engine.previewTable).toHaveBeenLastCalledWith(expect.anything(), 'panel.csv', ';'),
    );
    await vi.waitFor(() => expect(engine.checkTable).toHaveBeenCalledTimes(2));
    expect(engine.checkTable.mock.calls[1][1].delimiter).toBe(';');
    await vi.waitFor(() => expect(manager.reportCurrent).toBe(true));
  });

  it('sends failures to the error banner, naming the file, and keeps what was there', async () => {
    const { manager, errors } = setUp();
    await manager.pick(file());
    engine.checkTable.mockRejectedValueOnce(new Error('Table "panel" has no data rows.'));
    await manager.check();
    expect(errors).toEqual(['Could not check panel.csv: Table "panel" has no data rows.']);
    expect(manager.preview).toEqual(PREVIEW);
    expect(manager.busy).toBeNull();

    engine.previewTable.mockRejectedValueOnce(new Error('Table "x.csv" is an empty file.'));
    await manager.pick(new File([], 'x.csv'));
    expect(errors[1]).toBe('Table "x.csv" is an empty file.');
    expect(manager.preview).toEqual(PREVIEW);
    expect(manager.name).toBe('panel');
  });

  it('checks again before adding when the worker was restarted since the check', async () => {
    const { manager } = setUp();
    await manager.pick(file());
    await manager.check();
    engine.generation = 2;
    engine.addTable.mockResolvedValue(CATALOG);
    await manager.add();
    expect(engine.checkTable).toHaveBeenCalledTimes(2);
    expect(engine.addTable).toHaveBeenCalledWith('panel');
  });

  it('applies table options and removal through the catalog the engine returns', async () => {
    const { manager, errors, catalog } = setUp();
    const next = { ...CATALOG };
    engine.setTableOptions.mockResolvedValue(next);
    await manager.setEnabled('genes', false);
    expect(engine.setTableOptions).toHaveBeenCalledWith('genes', { enabled: false });
    expect(catalog()).toBe(next);

    await manager.setPriority('genes', 1.5);
    expect(engine.setTableOptions).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([expect.stringMatching(/whole number/)]);

    engine.removeTable.mockRejectedValueOnce(new Error('Table "genes" is bundled with the app.'));
    await manager.remove('genes');
    expect(errors[1]).toBe('Table "genes" is bundled with the app.');
    expect(manager.updating).toBeNull();
  });

  it('says at once when an added table is for this visit only, and why', async () => {
    const { manager, changes } = setUp();
    const unkept = { ...table('panel', true), kept: false };
    await addPanel(manager, {
      ...CATALOG,
      tables: [...CATALOG.tables, unkept],
      storageProblem: 'QuotaExceededError: the quota has been exceeded',
    });
    expect(manager.notice).toContain('for this visit only');
    expect(manager.notice).toContain('QuotaExceededError');
    expect(manager.notice).not.toContain('kept in this browser');
    expect(changes).toEqual([1]);

    const second = setUp();
    await addPanel(second.manager, {
      ...CATALOG,
      tables: [...CATALOG.tables, { ...table('panel', true), kept: true }],
    });
    expect(second.manager.notice).toContain('It is kept in this browser.');
  });

  it('shows what another tab did instead of what was asked, and announces every change', async () => {
    const { manager, changes, catalog } = setUp();
    const gone = {
      ...CATALOG,
      notice: 'Table "panel" was removed in another tab of this browser.',
    };
    engine.setTableOptions.mockResolvedValue(gone);
    await manager.setPriority('panel', 2);
    expect(catalog()).toBe(gone);
    expect(manager.notice).toBe(gone.notice);
    engine.removeTable.mockResolvedValue(CATALOG);
    await manager.remove('genes');
    expect(manager.notice).toBe('Removed “genes”.');
    expect(changes).toEqual([1, 2]);
  });

  it('re-reads the tables when another tab changed them', async () => {
    const { manager, catalog } = setUp();
    const synced = { ...CATALOG, tables: [...CATALOG.tables, table('panel', true)] };
    engine.syncUserTables.mockResolvedValue(synced);
    await manager.sync();
    expect(engine.syncUserTables).toHaveBeenCalledTimes(1);
    expect(catalog()).toBe(synced);
  });
});
