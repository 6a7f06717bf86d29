/**
 * The user's own tables through CrosswalkEngine: preview, check (validation report), the errors
 * that refuse a file, add and map through it (alone and mixed with bundled tables), persistence
 * in the user table store, remove, enable/disable, priority, and storage that fails.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MapRequest, MapResult, UserTableSpec } from '../../../../workers/api';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { fileKeyOf } from '../../../../workers/engine/user-tables/stored-record';
import type { StoredEntry } from '../../../../workers/engine/tables/table-store';
import { MemoryTableStore } from '../../../../workers/storage/memory-table-store';
import {
  MemoryUserTableStore,
  type AddOutcome,
  type UserTableRecord,
  type UserTableStore,
} from '../../../../workers/engine/user-tables/user-table-store';
import {
  CATALOG_URL,
  columnOf,
  distinct,
  expectCrosswalkError,
  fixtureBytes,
  fixtureText,
  fsReadBytes,
  parseCsvText,
  readCsv,
  rowFor,
  rowsOf,
  sorted,
  type Csv,
} from '../helpers';

const QIN = 'quirks/qin-like.csv';
const HPA = 'quirks/hpa-like.csv';
const NBSP = '\u00a0';

/** The placeholders qin-like.csv uses in its uniprot column (checked by hand in the file). */
const QIN_PLACEHOLDERS = ['no ID', 'noUniprot ID'];

/**
 * The UniProt accession format as UniProt documents it (uniprot.org/help/accession_numbers),
 * written out here independently of the engine's pattern; an isoform suffix `-n` is allowed.
 */
const UNIPROT_ACCESSION =
  /^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})(?:-\d+)?$/;

const ORGANS_SPEC: UserTableSpec = {
  name: 'organs',
  columns: [
    { name: 'gene', type: 'symbol' },
    { name: 'uniprot', type: 'uniprot' },
    { name: 'organ', type: 'organ' },
  ],
};

const HPA_SPEC: UserTableSpec = {
  name: 'hpa',
  columns: [
    { name: 'gene', type: 'symbol' },
    { name: 'uniprot', type: 'uniprot', separator: ',' },
    { name: 'organ', type: 'organ' },
  ],
};

const fileOf = (bytes: Uint8Array, name: string): File => new File([bytes as BlobPart], name);
const fixtureFile = (relative: string): File =>
  fileOf(fixtureBytes(relative), relative.split('/').pop()!);
const textFile = (text: string, name: string): File => fileOf(new TextEncoder().encode(text), name);

async function newEngine(
  options: { userStore?: UserTableStore; store?: MemoryTableStore } = {},
): Promise<CrosswalkEngine> {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes, ...options });
  await engine.init(CATALOG_URL);
  return engine;
}

/** Checks and adds a fixture file as a user table. */
async function addFixture(engine: CrosswalkEngine, relative: string, spec: UserTableSpec) {
  const report = await engine.checkTable(fixtureFile(relative), spec);
  await engine.addTable(spec.name);
  return report;
}

const tableNames = (engine: CrosswalkEngine) => engine.catalog().tables.map((t) => t.name);

// ---------------------------------------------------------------------------------------------
// Independent readings of qin-like.csv

/** A uniprot cell as an id: NBSP padding trimmed, placeholders dropped (null). */
function qinAccession(cell: string): string | null {
  const value = cell.replaceAll(NBSP, '').trim();
  return value === '' || QIN_PLACEHOLDERS.includes(value) ? null : value;
}

interface QinRow {
  gene: string;
  uniprot: string | null;
  organ: string;
}

function qinRows(): QinRow[] {
  const csv = readCsv(QIN);
  const genes = columnOf(csv, 'gene');
  const organs = columnOf(csv, 'organ');
  return columnOf(csv, 'uniprot').map((cell, r) => ({
    gene: genes[r],
    uniprot: qinAccession(cell),
    organ: organs[r],
  }));
}

/** key → distinct values in file order, over rows where both are present. */
function relation<T>(rows: T[], key: (row: T) => string | null, value: (row: T) => string | null) {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    const v = value(row);
    if (k === null || v === null) continue;
    const list = map.get(k) ?? [];
    if (!list.includes(v)) list.push(v);
    map.set(k, list);
  }
  return map;
}

/** Rows whose tuple of the given cells repeats an earlier row's. */
function duplicateRows<T>(rows: T[], tuple: (row: T) => (string | null)[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const row of rows) {
    const key = JSON.stringify(tuple(row));
    if (seen.has(key)) duplicates++;
    seen.add(key);
  }
  return duplicates;
}

/** The targets of each input of a result, as sorted lists. */
function targetsByInput(result: MapResult): Map<string, string[]> {
  return new Map(rowsOf(result).map((r) => [r.input, sorted(r.pairs.map((p) => p.target))]));
}

// ---------------------------------------------------------------------------------------------

describe('previewTable', () => {
  it('reads qin-like.csv: comma, header, first rows as the file says, type suggestions', async () => {
    const engine = await newEngine();
    const bytes = fixtureBytes(QIN);
    const preview = await engine.previewTable(fileOf(bytes, 'qin-like.csv'), 'qin-like.csv');
    const csv = readCsv(QIN);
    expect(csv.rows.length).toBeGreaterThan(20);
    expect(preview.fileName).toBe('qin-like.csv');
    expect(preview.bytes).toBe(bytes.length);
    expect(preview.compressed).toBe(false);
    expect(preview.delimiter).toBe(',');
    expect(preview.header).toEqual(['gene', 'uniprot', 'organ']);
    expect(preview.header).toEqual(csv.header);
    // Up to 20 rows, cells as in the file (NBSP kept, quotes removed).
    expect(preview.rows).toEqual(csv.rows.slice(0, 20));
    expect(preview.rows.flat().some((cell) => cell.endsWith(NBSP))).toBe(true);
    expect(preview.rows.flat()).toContain('liver, intestine');
    expect(preview.suggestions.map((s) => [s.column, s.type])).toEqual([
      ['gene', 'symbol'],
      ['uniprot', 'uniprot'],
      ['organ', undefined],
    ]);
    for (const s of preview.suggestions) expect(s.reason.length).toBeGreaterThan(0);
  });

  it('detects the tab of crlf-bom.tsv and reads its rows past the BOM and comments', async () => {
    const engine = await newEngine();
    const preview = await engine.previewTable(fixtureFile('quirks/crlf-bom.tsv'), 'crlf-bom.tsv');
    // Independent reading: drop the BOM and the two `#` lines (checked by hand), split on tabs.
    const text = fixtureText('quirks/crlf-bom.tsv').replace(/^\uFEFF/, '');
    const csv = parseCsvText(text.split('\r\n').slice(2).join('\r\n'), '\t');
    expect(preview.delimiter).toBe('\t');
    expect(preview.header).toEqual(['symbol', 'uniprot', 'note']);
    expect(preview.rows).toEqual(csv.rows);
    expect(preview.suggestions.map((s) => s.type)).toEqual(['symbol', 'uniprot', undefined]);
  });

  it('reads a gzipped copy of the file the same way and says it was compressed', async () => {
    const engine = await newEngine();
    const gz = new Uint8Array(gzipSync(fixtureBytes(QIN)));
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const plain = await engine.previewTable(fixtureFile(QIN), 'qin-like.csv');
    const zipped = await engine.previewTable(fileOf(gz, 'qin-like.csv.gz'), 'qin-like.csv.gz');
    expect(zipped.compressed).toBe(true);
    expect(zipped.bytes).toBe(gz.length);
    expect(zipped.delimiter).toBe(',');
    expect(zipped.header).toEqual(plain.header);
    expect(zipped.rows).toEqual(readCsv(QIN).rows.slice(0, 20));
    expect(zipped.suggestions).toEqual(plain.suggestions);
  });

  it('suggests types from the values when the header names nothing', async () => {
    const engine = await newEngine();
    // UniProt accessions and NCBI Gene ids of TP53, BRCA1, ACAT2, ADRB2 (org-hs-eg/uniprot.csv).
    const text = 'a,b\nP04637,7157\nP38398,672\nQ9BWD1,39\nP07550,154\n';
    const preview = await engine.previewTable(textFile(text, 'ab.csv'), 'ab.csv');
    expect(preview.header).toEqual(['a', 'b']);
    expect(preview.rows).toEqual(parseCsvText(text).rows);
    expect(preview.suggestions.map((s) => [s.column, s.type])).toEqual([
      ['a', 'uniprot'],
      ['b', 'entrez'],
    ]);
    expect(preview.suggestions[0].reason).toMatch(/100 %/);
    // The same header over values of no known shape: nothing is suggested.
    const plain = await engine.previewTable(textFile('a,b\nx y,z\nw,v\n', 'xy.csv'), 'xy.csv');
    expect(plain.suggestions.map((s) => s.type)).toEqual([undefined, undefined]);
  });
});

describe('checkTable report', () => {
  it('reports qin-like.csv as the file says: rows, placeholders, repairs, relations', async () => {
    const engine = await newEngine();
    const before = engine.catalog();
    const report = await engine.checkTable(fixtureFile(QIN), ORGANS_SPEC);
    const csv = readCsv(QIN);
    const rows = qinRows();
    expect(report.table).toBe('organs');
    expect(report.rows).toBe(csv.rows.length);
    expect(report.raggedRows).toBe(0);
    // Nothing is registered by a check.
    expect(engine.catalog()).toEqual(before);

    const column = (name: string) => report.columns.find((c) => c.name === name)!;
    expect(report.columns.map((c) => [c.name, c.type])).toEqual([
      ['gene', 'symbol'],
      ['uniprot', 'uniprot'],
      ['organ', 'organ'],
    ]);

    // Placeholders: the cells spelled like one, with their distinct spellings as examples.
    const uniprotCells = columnOf(csv, 'uniprot');
    const placeholders = uniprotCells.filter((c) => QIN_PLACEHOLDERS.includes(c));
    expect(placeholders.length).toBeGreaterThan(0);
    expect(column('uniprot').placeholder).toBe(placeholders.length);
    expect(column('uniprot').placeholderExamples).toEqual(distinct(placeholders));
    expect(column('gene').placeholder).toBe(0);

    // Repaired: one per NBSP in the file (each sits at the end of a uniprot cell).
    const nbspInFile = [...fixtureText(QIN)].filter((ch) => ch === NBSP).length;
    expect(nbspInFile).toBeGreaterThan(0);
    expect(uniprotCells.filter((c) => c.includes(NBSP))).toHaveLength(nbspInFile);
    expect(column('uniprot').repaired).toBe(nbspInFile);
    expect(column('gene').repaired).toBe(0);
    expect(column('organ').repaired).toBe(0);

    // Distinct ids per column; the two spellings of LGALS4 are two symbols.
    const accessions = distinct(rows.map((r) => r.uniprot).filter((u): u is string => !!u));
    expect(column('uniprot').distinct).toBe(accessions.length);
    expect(column('gene').distinct).toBe(distinct(columnOf(csv, 'gene')).length);
    expect(column('organ').distinct).toBe(distinct(columnOf(csv, 'organ')).length);
    expect(column('uniprot').blank).toBe(uniprotCells.filter((c) => c.trim() === '').length);

    // Ids not shaped like UniProt accessions (none in this file, by the documented format).
    const invalid = accessions.filter((a) => !UNIPROT_ACCESSION.test(a));
    expect(column('uniprot').invalid).toBe(invalid.length);
    expect(column('uniprot').invalidExamples).toEqual(invalid.slice(0, 3));
    expect(column('organ').invalid).toBe(0); // a type of the user's own has no pattern

    // gene ↔ uniprot: accessions with several genes (many-to-one), P56470 among them.
    const geneUniprot = report.relations.find((r) => r.from === 'gene' && r.to === 'uniprot')!;
    const genesOf = relation(
      rows,
      (r) => r.uniprot,
      (r) => r.gene,
    );
    const accessionsOf = relation(
      rows,
      (r) => r.gene,
      (r) => r.uniprot,
    );
    const several = [...genesOf].filter(([, genes]) => genes.length > 1);
    expect(several.map(([a]) => a)).toContain('P56470');
    expect(genesOf.get('P56470')).toEqual(['LGALS4', 'Lgals4']);
    expect(geneUniprot.toWithSeveral).toBe(several.length);
    expect(geneUniprot.toExample).toBe(`${several[0][0]} (${several[0][1].join(', ')})`);
    expect(geneUniprot.toExample).toContain('P56470');
    expect(geneUniprot.fromWithSeveral).toBe(
      [...accessionsOf.values()].filter((v) => v.length > 1).length,
    );
    expect(geneUniprot.pairs).toBe(
      [...accessionsOf.values()].reduce((n, values) => n + values.length, 0),
    );
    // uniprot ↔ organ: accessions found in several organs (P15090, P02766 …).
    const uniprotOrgan = report.relations.find((r) => r.from === 'uniprot' && r.to === 'organ')!;
    const organsOf = relation(
      rows,
      (r) => r.uniprot,
      (r) => r.organ,
    );
    expect(uniprotOrgan.fromWithSeveral).toBe(
      [...organsOf.values()].filter((v) => v.length > 1).length,
    );
    expect(uniprotOrgan.fromWithSeveral).toBeGreaterThan(0);
    expect(report.relations).toHaveLength(3);

    // Duplicate rows: rows repeating an earlier row's ids in all three typed columns.
    expect(report.duplicateRows).toBe(duplicateRows(rows, (r) => [r.gene, r.uniprot, r.organ]));
    expect(report.findings.join('\n')).toContain('P56470');
  });

  it('counts rows repeating the typed ids when the organ column is left untyped', async () => {
    const engine = await newEngine();
    const report = await engine.checkTable(fixtureFile(QIN), {
      name: 'genes-to-uniprot',
      columns: [
        { name: 'gene', type: 'symbol' },
        { name: 'uniprot', type: 'uniprot' },
        { name: 'organ' },
      ],
    });
    // FABP4/P15090 and TTR/P02766 each appear twice with different organs (checked by hand).
    const expected = duplicateRows(qinRows(), (r) => [r.gene, r.uniprot]);
    expect(expected).toBe(2);
    expect(report.duplicateRows).toBe(expected);
    expect(report.columns.map((c) => c.name)).toEqual(['gene', 'uniprot']);
    expect(report.findings.join('\n')).toMatch(/2 rows repeat/);
  });

  it('lists accessions not shaped like UniProt ones', async () => {
    const engine = await newEngine();
    // P3839 has five characters: not an accession. The others are real (org-hs-eg/uniprot.csv).
    const text = 'gene,uniprot\nTP53,P04637\nBRCA1,P3839\nEGFR,P00533\nADRB2,P07550-2\n';
    const report = await engine.checkTable(textFile(text, 'bad.csv'), {
      name: 'bad',
      columns: [
        { name: 'gene', type: 'symbol' },
        { name: 'uniprot', type: 'uniprot' },
      ],
    });
    const invalid = columnOf(parseCsvText(text), 'uniprot').filter(
      (a) => !UNIPROT_ACCESSION.test(a),
    );
    expect(invalid).toEqual(['P3839']);
    const uniprot = report.columns.find((c) => c.name === 'uniprot')!;
    expect(uniprot.invalid).toBe(1);
    expect(uniprot.invalidExamples).toEqual(invalid);
    expect(report.findings.join('\n')).toContain('P3839');
  });

  it('says which gene cells of hpa-like.csv look like Ensembl gene ids, not symbols (#17)', async () => {
    const engine = await newEngine();
    const ensembl = distinct(columnOf(readCsv(HPA), 'gene').filter((g) => /^ENSG\d{11}$/.test(g)));
    expect(ensembl.length).toBeGreaterThan(0);
    const report = await engine.checkTable(fixtureFile(HPA), HPA_SPEC);
    const gene = report.columns.find((c) => c.name === 'gene')!;
    expect(gene.lookalikes).toEqual({
      type: 'ensembl_gene',
      ids: ensembl.length,
      examples: ensembl.slice(0, 3),
      sampled: gene.distinct,
    });
    expect(report.findings).toContain(
      `gene: ${ensembl.length} ids look like Ensembl gene (human, mouse, rat) ids, not Gene symbol ids (e.g. ${ensembl.slice(0, 3).join(', ')}): check the column's type; as it is, they are read as symbol.`,
    );
    // The accessions are accessions: nothing to say of them.
    expect(report.columns.find((c) => c.name === 'uniprot')!.lookalikes).toBeUndefined();
  });

  it('splits the composite cells of hpa-like.csv, and each component maps on its own', async () => {
    const engine = await newEngine();
    const csv = readCsv(HPA);
    const cells = columnOf(csv, 'uniprot');
    const organs = columnOf(csv, 'organ');
    const composite = cells.filter((c) => c.includes(','));
    expect(composite.length).toBeGreaterThan(0);
    const report = await addFixture(engine, HPA, HPA_SPEC);
    const uniprot = report.columns.find((c) => c.name === 'uniprot')!;
    expect(uniprot.compositeCells).toBe(composite.length);
    const parts = cells.map((c) => c.split(',').map((p) => p.trim()));
    expect(uniprot.distinct).toBe(distinct(parts.flat()).length);

    // Expected: component → organ, composite only when every row giving the pair was composite.
    const expected = new Map<string, Map<string, boolean>>();
    parts.forEach((list, r) => {
      for (const accession of list) {
        const byOrgan = expected.get(accession) ?? new Map<string, boolean>();
        byOrgan.set(organs[r], (byOrgan.get(organs[r]) ?? true) && list.length > 1);
        expected.set(accession, byOrgan);
      }
    });
    const components = distinct(composite.flatMap((c) => c.split(',').map((p) => p.trim())));
    expect(components).toContain('Q9P2S2');
    const result = await engine.map({
      text: components.join('\n'),
      source: 'uniprot',
      target: 'organ',
    });
    for (const accession of components) {
      const row = rowFor(rowsOf(result), accession);
      const want = expected.get(accession)!;
      expect(sorted(row.pairs.map((p) => p.target)), accession).toEqual(sorted(want.keys()));
      for (const pair of row.pairs) {
        expect(result.paths[pair.path].label).toBe('uniprot → organ via hpa');
        expect(pair.match, `${accession} → ${pair.target}`).toBe(
          want.get(pair.target) ? 'composite' : 'exact',
        );
      }
    }
  });
});

describe('checkTable refuses unusable tables and registers nothing', () => {
  const twoColumns = (name = 'mine'): UserTableSpec => ({
    name,
    columns: [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
    ],
  });
  const PNG = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
  const cases: [string, File, UserTableSpec, Parameters<typeof expectCrosswalkError>[1], string][] =
    [
      [
        'fewer than two typed columns',
        fixtureFile(QIN),
        { name: 'mine', columns: [{ name: 'gene', type: 'symbol' }, { name: 'uniprot' }] },
        'bad-request',
        'at least two columns',
      ],
      [
        'two columns with the same type',
        fixtureFile(QIN),
        {
          name: 'mine',
          columns: [
            { name: 'gene', type: 'symbol' },
            { name: 'organ', type: 'symbol' },
          ],
        },
        'bad-request',
        'same type',
      ],
      ['a name in use', fixtureFile(QIN), twoColumns('genes'), 'bad-request', 'exists already'],
      [
        'an empty file',
        fileOf(new Uint8Array(0), 'empty.csv'),
        twoColumns(),
        'empty-file',
        'empty',
      ],
      [
        'a header without rows',
        textFile('gene,uniprot\n', 'header.csv'),
        twoColumns(),
        'empty-file',
        'no data rows',
      ],
      [
        'a single column',
        textFile('gene\nTP53\nBRCA1\n', 'single.csv'),
        twoColumns(),
        'unreadable-file',
        'single column',
      ],
      ['PNG bytes', fileOf(PNG, 'picture.csv'), twoColumns(), 'unreadable-file', 'PNG'],
      [
        'an unterminated quote',
        textFile('gene,uniprot\nTP53,"P04637\nBRCA1,P38398\n', 'quote.csv'),
        twoColumns(),
        'unreadable-file',
        'unterminated quote',
      ],
      [
        'a header naming a typed column twice',
        textFile('gene,uniprot,uniprot\nTP53,P04637,P04637\n', 'twice.csv'),
        twoColumns(),
        'unreadable-file',
        '2 columns named "uniprot" (columns 2 and 3)',
      ],
      [
        'a typed column missing from the header',
        textFile('symbol,uniprot\nTP53,P04637\n', 'columns.csv'),
        twoColumns(),
        'missing-column',
        '"gene"',
      ],
    ];

  it.each(cases)('refuses %s', async (_what, file, spec, code, part) => {
    const engine = await newEngine();
    const before = engine.catalog().tables;
    await expectCrosswalkError(engine.checkTable(file, spec), code, part);
    expect(engine.catalog().tables).toEqual(before);
    await expectCrosswalkError(engine.addTable(spec.name), 'bad-request');
    expect(engine.catalog().tables).toEqual(before);
  });

  it('names the file in the message when its content is the problem (api.ts: checkTable)', async () => {
    const engine = await newEngine();
    const contentErrors = cases.filter(([, , , code]) => code !== 'bad-request');
    expect(contentErrors.length).toBeGreaterThan(4);
    const unnamed: string[] = [];
    for (const [, file, spec, code] of contentErrors) {
      const error = await expectCrosswalkError(engine.checkTable(file, spec), code);
      if (!error.message.includes(file.name)) unnamed.push(`${file.name}: ${error.message}`);
    }
    expect(unnamed).toEqual([]);
  });
});

describe('a user table added to the engine', () => {
  it('maps uniprot → organ to exactly the rows of the file', async () => {
    const engine = await newEngine();
    await addFixture(engine, QIN, ORGANS_SPEC);
    const info = engine.catalog().tables.find((t) => t.name === 'organs')!;
    expect(info).toMatchObject({ user: true, enabled: true, loaded: true });
    expect(info.rows).toBe(readCsv(QIN).rows.length);
    expect(engine.catalog().types.map((t) => t.id)).toContain('organ');

    const organsOf = relation(
      qinRows(),
      (r) => r.uniprot,
      (r) => r.organ,
    );
    const result = await engine.map({
      text: [...organsOf.keys()].join('\n'),
      source: 'uniprot',
      target: 'organ',
    });
    expect(result.paths[0].label).toBe('uniprot → organ via organs');
    const got = targetsByInput(result);
    expect(got).toEqual(new Map([...organsOf].map(([a, organs]) => [a, sorted(organs)])));
    expect(got.get('P56470')).toEqual(['intestine', 'stomach']);
    expect(got.get('P02766')).toEqual(['choroid plexus', 'liver, brain']);
    expect(rowsOf(result).every((r) => r.pairs.every((p) => p.path === 0))).toBe(true);
  });

  it('maps symbol → organ through it, exact spelling first, case folded only on a miss', async () => {
    const engine = await newEngine();
    await addFixture(engine, QIN, ORGANS_SPEC);
    const rows = qinRows();
    const organsOf = relation(
      rows,
      (r) => r.gene,
      (r) => r.organ,
    );
    const folded = (symbol: string) =>
      distinct(
        rows.filter((r) => r.gene.toUpperCase() === symbol.toUpperCase()).map((r) => r.organ),
      );
    const result = await engine.map({
      text: 'LGALS4 Lgals4 lgals4 TTR FABP4 Aqp7 plin1',
      source: 'symbol',
      target: 'organ',
    });
    const got = targetsByInput(result);
    for (const symbol of ['LGALS4', 'Lgals4', 'TTR', 'FABP4', 'Aqp7'])
      expect(got.get(symbol), symbol).toEqual(sorted(organsOf.get(symbol)!));
    expect(got.get('lgals4')).toEqual(sorted(folded('lgals4')));
    expect(got.get('lgals4')).toEqual(['intestine', 'stomach']);
    expect(got.get('plin1')).toEqual(sorted(folded('plin1')));
    const rowsOut = rowsOf(result);
    expect(rowFor(rowsOut, 'plin1').pairs.every((p) => p.match === 'case-insensitive')).toBe(true);
    expect(rowFor(rowsOut, 'LGALS4').pairs.every((p) => p.match === 'exact')).toBe(true);
  });

  it('joins bundled and user tables on a three-hop path ensembl_gene → entrez → symbol → organ', async () => {
    const engine = await newEngine();
    await addFixture(engine, QIN, ORGANS_SPEC);
    // Independent chain over the files.
    const ensembl = readCsv('org-hs-eg/ensembl_gene.csv');
    const genes = readCsv('org-hs-eg/genes.csv');
    const entrezOf = multi(ensembl, 'ensembl_gene', 'entrez_id');
    const symbolOf = multi(genes, 'entrez_id', 'symbol');
    const organsOf = relation(
      qinRows(),
      (r) => r.gene,
      (r) => r.organ,
    );
    const expected = new Map<string, string[]>();
    for (const [id, entrez] of entrezOf) {
      const organs = entrez
        .flatMap((e) => symbolOf.get(e) ?? [])
        .flatMap((s) => organsOf.get(s) ?? []);
      if (organs.length > 0) expected.set(id, sorted(distinct(organs)));
    }
    // FABP4, ALB, LEP, PLIN1, ADIPOQ, CKMT1A and CKMT1B are in both the fixtures and the file.
    expect(expected.size).toBeGreaterThanOrEqual(5);

    const result = await engine.map({
      text: [...expected.keys()].join('\n'),
      source: 'ensembl_gene',
      target: 'organ',
    });
    const first = result.paths[0];
    expect(first.types).toEqual(['ensembl_gene', 'entrez', 'symbol', 'organ']);
    expect(first.steps.map((s) => s.table)).toEqual(['ensembl_gene', 'genes', 'organs']);
    expect(first.label).toContain('organs');
    expect(targetsByInput(result)).toEqual(expected);
    for (const row of rowsOf(result)) {
      for (const pair of row.pairs) {
        expect(result.paths[pair.path].label).toMatch(/via ensembl_gene \+ .* \+ organs$/);
        expect(pair.via.split(' > ')).toHaveLength(4);
      }
    }
  });
});

function multi(csv: Csv, key: string, value: string): Map<string, string[]> {
  const keys = columnOf(csv, key);
  const values = columnOf(csv, value);
  const map = new Map<string, string[]>();
  keys.forEach((k, i) => map.set(k, distinct([...(map.get(k) ?? []), values[i]])));
  return map;
}

describe('user tables kept between visits', () => {
  const REQUEST: MapRequest = { text: 'P56470 P12532 P15090', source: 'uniprot', target: 'organ' };

  it('a new engine with the same store restores the table and maps through it', async () => {
    const userStore = new MemoryUserTableStore();
    const first = await newEngine({ userStore });
    await addFixture(first, QIN, ORGANS_SPEC);
    const before = await first.map(REQUEST);
    expect(userStore.records.get('organs')).toMatchObject({ enabled: true });
    expect(
      userStore.files.get(fileKeyOf(userStore.records.get('organs') as UserTableRecord)),
    ).toEqual(fixtureBytes(QIN));

    const second = await newEngine({ userStore });
    const info = second.catalog().tables.find((t) => t.name === 'organs');
    expect(info).toMatchObject({ user: true, enabled: true, loaded: false });
    expect(info!.columns).toEqual(ORGANS_SPEC.columns.map(({ name, type }) => ({ name, type })));
    const after = await second.map(REQUEST);
    expect(rowsOf(after)).toEqual(rowsOf(before));
    const organsOf = relation(
      qinRows(),
      (r) => r.uniprot,
      (r) => r.organ,
    );
    expect(targetsByInput(after).get('P12532')).toEqual(sorted(organsOf.get('P12532')!));
    // Bundled tables are never user tables.
    expect(
      second
        .catalog()
        .tables.filter((t) => t.user)
        .map((t) => t.name),
    ).toEqual(['organs']);
  });

  it('removeTable drops it from the catalog, the user store and the table store', async () => {
    const userStore = new MemoryUserTableStore();
    const store = new MemoryTableStore();
    const first = await newEngine({ userStore, store });
    await addFixture(first, QIN, ORGANS_SPEC);
    // A restart parses the user's file and stores the parsed form like a bundled table's.
    const second = await newEngine({ userStore, store });
    await second.map(REQUEST);
    await second.loader.flushWrites();
    expect([...store.entries.values()].map((e) => e.name)).toContain('organs');

    const catalog = await second.removeTable('organs');
    expect(catalog.tables.map((t) => t.name)).not.toContain('organs');
    expect(catalog.types.map((t) => t.id)).not.toContain('organ');
    expect(tableNames(second)).not.toContain('organs');
    expect(userStore.records.has('organs')).toBe(false);
    expect(userStore.files.has('organs')).toBe(false);
    expect([...store.entries.values()].map((e) => e.name)).not.toContain('organs');
    await expectCrosswalkError(second.map(REQUEST), 'unknown-type', '"organ"');

    const third = await newEngine({ userStore, store });
    expect(tableNames(third)).not.toContain('organs');
    await expectCrosswalkError(third.map(REQUEST), 'unknown-type', '"organ"');
    // The name is free again.
    await addFixture(third, QIN, ORGANS_SPEC);
    expect(tableNames(third)).toContain('organs');
  });

  it('refuses to remove a bundled table', async () => {
    const engine = await newEngine();
    const before = engine.catalog();
    await expectCrosswalkError(engine.removeTable('genes'), 'bad-request', '"genes"');
    await expectCrosswalkError(engine.removeTable('no-such-table'), 'unknown-table');
    expect(engine.catalog()).toEqual(before);
  });

  it('a disabled user table offers no paths, and stays disabled after a restart', async () => {
    const userStore = new MemoryUserTableStore();
    const first = await newEngine({ userStore });
    await addFixture(first, QIN, ORGANS_SPEC);
    const enabledPaths = first.paths('uniprot', 'organ');
    expect(enabledPaths.some((p) => p.steps.some((s) => s.table === 'organs'))).toBe(true);
    const symbolPaths = first.paths('symbol', 'uniprot').length;

    const catalog = await first.setTableOptions('organs', { enabled: false });
    expect(catalog.tables.find((t) => t.name === 'organs')!.enabled).toBe(false);
    expect(first.paths('uniprot', 'organ')).toEqual([]);
    const remaining = first.paths('symbol', 'uniprot');
    expect(remaining.length).toBeLessThan(symbolPaths);
    expect(remaining.every((p) => p.steps.every((s) => s.table !== 'organs'))).toBe(true);
    await expectCrosswalkError(first.map(REQUEST), 'unknown-type', '"organ"');
    expect((userStore.records.get('organs') as UserTableRecord).enabled).toBe(false);

    const second = await newEngine({ userStore });
    expect(second.catalog().tables.find((t) => t.name === 'organs')).toMatchObject({
      user: true,
      enabled: false,
    });
    expect(second.paths('uniprot', 'organ')).toEqual([]);
    await second.setTableOptions('organs', { enabled: true });
    expect(second.paths('uniprot', 'organ')).toEqual(enabledPaths);
    const third = await newEngine({ userStore });
    expect(third.paths('uniprot', 'organ')).toEqual(enabledPaths);
  });

  it('priority orders paths of equal length, and is kept for user tables', async () => {
    const userStore = new MemoryUserTableStore();
    const first = await newEngine({ userStore });
    await addFixture(first, QIN, ORGANS_SPEC);
    await addFixture(first, HPA, HPA_SPEC);
    const oneHop = (engine: CrosswalkEngine) =>
      engine
        .paths('symbol', 'organ')
        .filter((p) => p.steps.length === 1)
        .map((p) => p.label);
    // Equal priority (0): ordered by label.
    expect(oneHop(first)).toEqual(['symbol → organ via hpa', 'symbol → organ via organs']);
    const catalog = await first.setTableOptions('hpa', { priority: 2 });
    expect(catalog.tables.find((t) => t.name === 'hpa')!.priority).toBe(2);
    expect(oneHop(first)).toEqual(['symbol → organ via organs', 'symbol → organ via hpa']);
    expect((userStore.records.get('hpa') as UserTableRecord).spec.priority).toBe(2);

    const second = await newEngine({ userStore });
    expect(oneHop(second)).toEqual(['symbol → organ via organs', 'symbol → organ via hpa']);
    // The order decides which table answers: TP53 is only in hpa-like.csv, ALB in both.
    const result = await second.map({ text: 'ALB TP53', source: 'symbol', target: 'organ' });
    const byInput = new Map(rowsOf(result).map((r) => [r.input, r.pairs]));
    expect(byInput.get('ALB')!.map((p) => result.paths[p.path].label)).toEqual([
      'symbol → organ via organs',
    ]);
    expect(byInput.get('TP53')!.map((p) => p.target)).toEqual(
      columnOf(readCsv(HPA), 'organ').filter(
        (_, r) => columnOf(readCsv(HPA), 'gene')[r] === 'TP53',
      ),
    );

    // A bundled table's priority changes the order too (for this session).
    const direct = () =>
      first
        .paths('symbol', 'entrez')
        .filter((p) => p.steps.length === 1)
        .map((p) => p.steps[0].table);
    expect(direct()).toEqual(['genes', 'alias']);
    await first.setTableOptions('alias', { priority: -1 });
    expect(direct()).toEqual(['alias', 'genes']);
  });
});

/** A UserTableStore whose every method throws, like blocked or broken IndexedDB. */
class ThrowingUserStore implements UserTableStore {
  calls: string[] = [];

  #fail(method: string): never {
    this.calls.push(method);
    throw new Error(`IndexedDB is blocked (${method})`);
  }

  async list(): Promise<StoredEntry[]> {
    return this.#fail('list');
  }

  async bytes(_record: UserTableRecord): Promise<unknown> {
    return this.#fail('bytes');
  }

  async add(_record: UserTableRecord, _bytes: Uint8Array): Promise<AddOutcome> {
    return this.#fail('add');
  }

  async deleteDamaged(_rawKey: unknown): Promise<void> {
    this.#fail('deleteDamaged');
  }

  async update(_name: string): Promise<boolean> {
    return this.#fail('update');
  }

  async delete(_name: string): Promise<void> {
    this.#fail('delete');
  }
}

describe('user tables when browser storage fails', () => {
  it('init still works, with a note in the next result', async () => {
    const userStore = new ThrowingUserStore();
    const engine = await newEngine({ userStore });
    expect(userStore.calls).toEqual(['list']);
    expect(tableNames(engine)).toEqual((await newEngine()).catalog().tables.map((t) => t.name));
    const result = await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(rowFor(rowsOf(result), 'P04637').pairs.map((p) => p.target)).toEqual(['7157']);
    const notes = result.notes.filter((n) => /saved tables|browser storage/i.test(n));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/IndexedDB is blocked/);
    // Said once.
    const again = await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' });
    expect(again.notes.filter((n) => /browser storage/i.test(n))).toEqual([]);
  });

  it('addTable still registers the table for the session and says it will not last', async () => {
    const userStore = new ThrowingUserStore();
    const engine = await newEngine({ userStore });
    await engine.map({ text: 'P04637', source: 'uniprot', target: 'entrez' }); // takes the init note
    await engine.checkTable(fixtureFile(QIN), ORGANS_SPEC);
    const catalog = await engine.addTable('organs');
    expect(userStore.calls).toContain('add');
    // Said at once, in the catalog the add returns: this table is for this visit only.
    expect(catalog.tables.find((t) => t.name === 'organs')).toMatchObject({
      user: true,
      kept: false,
    });
    expect(catalog.storageProblem).toMatch(/IndexedDB is blocked/);
    const result = await engine.map({ text: 'P56470', source: 'uniprot', target: 'organ' });
    expect(targetsByInput(result).get('P56470')).toEqual(['intestine', 'stomach']);
    const notes = result.notes.filter((n) => /browser storage/i.test(n));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/"organs".*will not be there after a reload/);

    // Disabling and removing work for the session too.
    await engine.setTableOptions('organs', { enabled: false });
    expect(engine.paths('uniprot', 'organ')).toEqual([]);
    await engine.removeTable('organs');
    expect(tableNames(engine)).not.toContain('organs');
  });
});
