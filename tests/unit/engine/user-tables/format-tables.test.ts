/**
 * Files read by a format's spec (#14), added as user tables and mapped: a file with tiers maps
 * alias and previous symbols as fallbacks only (never as targets), is listed, stored and removed
 * as one table; a user's NCBI gene_history resolves retired ids like the history pack. Rows are
 * real (the fixtures' org.Hs.eg.db genes and sec2pri's NCBI history); expectations are computed
 * from those rows here.
 */
import { INPUT_CONFLICT } from '../../../../workers/common/codes';
import { describe, expect, it } from 'vitest';
import type { UserTableSpec } from '../../../../workers/api';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { MemoryUserTableStore } from '../../../../workers/engine/user-tables/user-table-store';
import { MAX_PACKED_BYTES } from '../../../../workers/engine/user-tables/stored-record';
import { CATALOG_URL, fsReadBytes, keyInfoOf, readCsv, rowsOf } from '../helpers';

async function engineWith(store = new MemoryUserTableStore()): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, userStore: store });
  await engine.init(CATALOG_URL);
  return engine;
}
const tsvFile = (name: string, rows: string[][]) =>
  new File([rows.map((r) => r.join('\t')).join('\n') + '\n'], name);

describe('an HGNC-shaped file: approved symbols, then previous and alias symbols as tiers', () => {
  // Three real genes of the fixtures, with made-up old symbols that no bundled table knows.
  const genes = readCsv('org-hs-eg/genes.csv');
  const picked = genes.rows.slice(0, 3).map((r) => ({ entrez: r[0], symbol: r[1] }));
  const rows = [
    ['hgnc_id', 'symbol', 'prev_symbol', 'alias_symbol', 'entrez_id'],
    ...picked.map((g, i) => [
      `HGNC:${900001 + i}`,
      g.symbol,
      `OLDSYM${i}`,
      `"ALIASX${i}|ALIASY${i}"`,
      g.entrez,
    ]),
  ];
  const spec: UserTableSpec = {
    name: 'hgnc_set',
    format: 'hgnc-complete-set',
    delimiter: '\t',
    hub: 'hgnc_id',
    columns: [
      { name: 'hgnc_id', type: 'hgnc' },
      { name: 'symbol', type: 'symbol' },
      { name: 'prev_symbol', type: 'symbol', separator: '|', tier: 'previous' },
      { name: 'alias_symbol', type: 'symbol', separator: '|', tier: 'alias' },
      { name: 'entrez_id', type: 'entrez' },
    ],
  };

  it('maps a previous or alias symbol through its tier, labelled so, and lists one table', async () => {
    const engine = await engineWith();
    await engine.checkTable(tsvFile('hgnc.txt', rows), spec);
    const catalog = await engine.addTable('hgnc_set');
    const mine = catalog.tables.filter((t) => t.user);
    expect(mine.map((t) => [t.name, t.partOf, t.matchLabel])).toEqual([
      ['hgnc_set', undefined, undefined],
      ['hgnc_set (previous)', 'hgnc_set', 'previous'],
      ['hgnc_set (alias)', 'hgnc_set', 'alias'],
    ]);
    const result = await engine.map({
      text: ['OLDSYM0', 'ALIASY1', picked[2].symbol].join('\n'),
      source: 'symbol',
      target: 'hgnc',
    });
    const rowsOut = rowsOf(result);
    expect(rowsOut.map((r) => r.pairs.map((p) => p.target))).toEqual([
      ['HGNC:900001'],
      ['HGNC:900002'],
      ['HGNC:900003'],
    ]);
    expect(rowsOut[0].pairs[0].match).toContain('previous');
    expect(rowsOut[1].pairs[0].match).toContain('alias');
    expect(rowsOut[2].pairs[0].match).toBe('exact');
  });

  it('never returns a previous or alias symbol as a target in place of the approved one', async () => {
    const engine = await engineWith();
    await engine.checkTable(tsvFile('hgnc.txt', rows), spec);
    await engine.addTable('hgnc_set');
    const result = await engine.map({ text: 'HGNC:900001', source: 'hgnc', target: 'symbol' });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual([picked[0].symbol]);
  });

  it('is stored with its reading, comes back after a reload, and goes whole', async () => {
    const store = new MemoryUserTableStore();
    const first = await engineWith(store);
    await first.checkTable(tsvFile('hgnc.txt', rows), spec);
    await first.addTable('hgnc_set');
    const again = await engineWith(store);
    const result = await again.map({ text: 'ALIASX2', source: 'symbol', target: 'entrez' });
    expect(rowsOf(result)[0].pairs.map((p) => p.target)).toEqual([picked[2].entrez]);
    const after = await again.removeTable('hgnc_set');
    expect(after.tables.filter((t) => t.user)).toEqual([]);
  });
});

describe('a user’s NCBI gene_history', () => {
  // Real rows of sec2pri's NCBI history (tests/fixtures/packs), written as NCBI writes them, with
  // ids moved into a range no bundled table knows: the file alone decides what happened.
  const history = readCsv('packs/ncbi_history.csv');
  const events = history.rows.map(([old, next, , date]) => ({
    old: `9${old}`,
    next: next ? `9${next}` : '-',
    date: date.replaceAll('-', ''),
  }));
  const rows = [
    ['#tax_id', 'GeneID', 'Discontinued_GeneID', 'Discontinued_Symbol', 'Discontinue_Date'],
    ...events.map((e) => ['9606', e.next, e.old, 'SYM', e.date]),
  ];
  const spec: UserTableSpec = {
    name: 'gene_history',
    format: 'ncbi-gene-history',
    delimiter: '\t',
    header: ['tax_id', 'GeneID', 'Discontinued_GeneID', 'Discontinued_Symbol', 'Discontinue_Date'],
    columns: [
      { name: 'tax_id' },
      { name: 'GeneID', type: 'entrez' },
      { name: 'Discontinued_GeneID', type: 'entrez' },
      { name: 'Discontinued_Symbol' },
      { name: 'Discontinue_Date' },
    ],
    history: {
      type: 'entrez',
      old: 'Discontinued_GeneID',
      new: 'GeneID',
      date: 'Discontinue_Date',
    },
  };
  /**
   * What the rows say, read here: no successor, withdrawn; a successor several ids became,
   * merged; else replaced — followed through successors that were retired in turn.
   */
  const successor = (id: string) => events.find((o) => o.old === id && o.next !== '-')?.next;
  const expected = (e: (typeof events)[number]) => {
    const iso = `${e.date.slice(0, 4)}-${e.date.slice(4, 6)}-${e.date.slice(6)}`;
    if (e.next === '-') return `withdrawn (on ${iso})`;
    const via: string[] = [];
    let end = e.next;
    for (let next = successor(end); next; next = successor(end)) {
      via.push(end);
      end = next;
    }
    const merged = events.filter((o) => o.next === e.next).length > 1;
    const shown = `${end}${via.length > 0 ? ` via ${via.join(', ')}` : ''} on ${iso}`;
    return merged ? `merged (into ${shown})` : `replaced (by ${shown})`;
  };

  it('says what became of each retired id, with NCBI’s date as an ISO date', async () => {
    const engine = await engineWith();
    await engine.checkTable(tsvFile('gene_history', rows), spec);
    await engine.addTable('gene_history');
    const result = await engine.map({
      text: events.map((e) => e.old).join('\n'),
      source: 'entrez',
      target: 'symbol',
    });
    events.forEach((e, i) => expect(keyInfoOf(result, i).reason, e.old).toBe(expected(e)));
  });

  it('does the same read in a stream and kept packed, after a restart (#19)', async () => {
    // The same rows behind a size over the whole-file limit: read in a stream, its dates kept.
    const real = tsvFile('gene_history', rows);
    const big = {
      size: 300 * 1024 * 1024,
      slice: (start?: number, end?: number) => real.slice(start, end),
      stream: () => real.stream(),
    } as unknown as Blob;
    const store = new MemoryUserTableStore();
    const engine = await engineWith(store);
    const report = await engine.checkTable(big, spec);
    expect(report.findings[0]).toContain('Read in a stream');
    await engine.addTable('gene_history');
    const again = await engineWith(store);
    const result = await again.map({
      text: events.map((e) => e.old).join('\n'),
      source: 'entrez',
      target: 'symbol',
    });
    events.forEach((e, i) => expect(keyInfoOf(result, i).reason, e.old).toBe(expected(e)));
  });
});

describe('a file that answers at the same cost as a bundled table', () => {
  // Real symbols of the fixtures' genes table; the file gives one of them another gene.
  const genes = readCsv('org-hs-eg/genes.csv');
  const [first, second] = genes.rows.slice(0, 2).map((r) => ({ entrez: r[0], symbol: r[1] }));
  const rows = [
    ['symbol', 'entrez'],
    [first.symbol, first.entrez],
    [second.symbol, '999999999'],
  ];
  const spec: UserTableSpec = {
    name: 'mine',
    columns: [
      { name: 'symbol', type: 'symbol' },
      { name: 'entrez', type: 'entrez' },
    ],
  };

  it('keeps the first-ranked answer and says where the other disagrees', async () => {
    const engine = await engineWith();
    await engine.checkTable(tsvFile('mine.tsv', rows), spec);
    await engine.addTable('mine');
    const result = await engine.map({
      text: `${first.symbol}\n${second.symbol}`,
      source: 'symbol',
      target: 'entrez',
    });
    // Both paths are one hop at priority 0: `via genes` ranks first by name.
    expect(targetsOfRows(result)).toEqual([[first.entrez], [second.entrez]]);
    expect(keyInfoOf(result, 0).reason).toBe('');
    expect(keyInfoOf(result, 1).reason).toBe(
      'paths disagree (symbol → entrez via mine gives 999999999)',
    );
  });

  it('says so too when the file ranks lower (#17: the top two paths that answer are compared)', async () => {
    const engine = await engineWith();
    await engine.checkTable(tsvFile('mine.tsv', rows), { ...spec, priority: 1 });
    await engine.addTable('mine');
    const result = await engine.map({
      text: `${first.symbol}\n${second.symbol}`,
      source: 'symbol',
      target: 'entrez',
    });
    expect(targetsOfRows(result)).toEqual([[first.entrez], [second.entrez]]);
    expect(keyInfoOf(result, 1).reason).toBe(
      'paths disagree (symbol → entrez via mine gives 999999999)',
    );
    expect(Array.from(result.inputs.flags, (f) => f & INPUT_CONFLICT)).toEqual([0, INPUT_CONFLICT]);
    expect(result.summary.conflicts).toBe(1);
  });
});

const targetsOfRows = (result: Awaited<ReturnType<CrosswalkEngine['map']>>) =>
  rowsOf(result).map((row) => row.pairs.map((p) => p.target));

describe('an idmapping.dat-shaped file with isoform rows', () => {
  // UniProt lists isoforms' own rows under accessions like P04637-2.
  const rows = [
    ['P04637', 'GeneID', '7157'],
    ['P04637-2', 'Ensembl_TRS', 'ENST00000359597'],
    ['P04637-3', 'Ensembl_TRS', 'ENST00000413465'],
  ];
  const spec: UserTableSpec = {
    name: 'idmapping',
    format: 'uniprot-idmapping',
    delimiter: '\t',
    header: ['UniProtKB-AC', 'ID_type', 'ID'],
    columns: [],
    long: {
      key: 'UniProtKB-AC',
      keyType: 'uniprot',
      typeColumn: 'ID_type',
      value: 'ID',
      types: { GeneID: 'entrez', Ensembl_TRS: 'ensembl_transcript' },
    },
  };

  it('links an entry to its isoforms’ rows, and an isoform to its own', async () => {
    const engine = await engineWith();
    await engine.checkTable(tsvFile('idmapping.dat', rows), spec);
    await engine.addTable('idmapping');
    const result = await engine.map({
      text: 'P04637-3\nQ00000',
      source: 'uniprot',
      target: 'ensembl_transcript',
    });
    expect(targetsOfRows(result)).toEqual([['ENST00000413465'], []]);
    const entry = await engine.map({
      text: 'P04637',
      source: 'uniprot',
      target: 'ensembl_transcript',
    });
    // Through the isoforms: the entry relaxes to both, labelled so.
    const pairs = rowsOf(entry)[0].pairs;
    expect(pairs.map((p) => p.target).sort()).toEqual(['ENST00000359597', 'ENST00000413465']);
    for (const pair of pairs) expect(pair.match).toContain('isoform');
    expect(rowsOf(result)[0].pairs[0].match).toBe('exact');
  });
});

describe('a recognised file over the table limit', () => {
  /** A file that says it is 3 GB and holds the excerpt's bytes at its start (only the head is read). */
  const huge = (bytes: Uint8Array): Blob => {
    const head = new Blob([bytes as BlobPart]);
    return {
      size: 3 * 1024 ** 3,
      slice: (start?: number, end?: number) => head.slice(start, end),
      stream: () => head.stream(),
    } as unknown as Blob;
  };

  it('is previewed with the ID types Crosswalk knows preselected, and a note', async () => {
    const engine = await engineWith();
    const rows = [
      ['P04637', 'UniProtKB-ID', 'P53_HUMAN'],
      ['P04637', 'GeneID', '7157'],
      ['P04637', 'PDB', '1TUP'],
      ['P04637', 'EMBL-CDS', 'AAA59987.1'],
      ['P04637', 'NCBI_TaxID', '9606'],
    ];
    const text = new TextEncoder().encode(rows.map((r) => r.join('\t')).join('\n') + '\n');
    const preview = await engine.previewTable(huge(text), 'HUMAN_9606_idmapping.dat');
    const format = preview.format!;
    expect(format.label).toBe('UniProt idmapping.dat');
    const known = format.idTypes!.filter((t) => t.known).map((t) => t.name);
    expect(known).toContain('GeneID');
    expect(Object.keys(format.spec.long!.types).sort()).toEqual(known.sort());
    expect(format.notes!.join(' ')).toContain('3072 MB');
    expect(preview.streamed).toEqual({ maxPackedBytes: MAX_PACKED_BYTES });
  });

  it('is previewed to be read in a stream when it is not recognised too (#19)', async () => {
    const engine = await engineWith();
    const text = new TextEncoder().encode('a,b\n1,2\n');
    const preview = await engine.previewTable(huge(text), 'big.csv');
    expect(preview.header).toEqual(['a', 'b']);
    expect(preview.format).toBeUndefined();
    expect(preview.streamed).toEqual({ maxPackedBytes: MAX_PACKED_BYTES });
  });
});
