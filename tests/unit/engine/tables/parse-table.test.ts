import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../../../../workers/engine/tables/catalog';
import { parseTable } from '../../../../workers/engine/tables/parse-table';
import {
  columnOf,
  describeTable,
  dictValues,
  distinct,
  fixtureBytes,
  fixtureCatalog,
  fixtureText,
  loadFixtureTable,
  parseCsvText,
  readCsv,
} from '../helpers';

const catalogColumns = (name: string): CatalogColumn[] =>
  fixtureCatalog().tables.find((t) => t.name === name)!.columns;

/** The quote-free fixtures, with the columns they are loaded with. */
const QUOTE_FREE: [string, CatalogColumn[]][] = [
  ...['alias', 'uniprot', 'ensembl_gene', 'ensembl_protein', 'refseq', 'omim'].map(
    (name): [string, CatalogColumn[]] => [`org-hs-eg/${name}.csv`, catalogColumns(name)],
  ),
  [
    'quirks/placeholders.csv',
    [
      { name: 'symbol', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
    ],
  ],
  [
    'quirks/ensembl-versions.csv',
    [
      { name: 'ensembl_gene', type: 'ensembl_gene' },
      { name: 'symbol', type: 'symbol' },
    ],
  ],
];

/** Fixtures with quoted fields: the byte tokenizer's RFC 4180 handling must match PapaParse. */
const QUOTED: [string, CatalogColumn[]][] = [
  ['org-hs-eg/genes.csv', catalogColumns('genes')],
  [
    'quirks/crlf-bom.tsv',
    [
      { name: 'uniprot', type: 'uniprot' },
      { name: 'symbol', type: 'symbol' },
    ],
  ],
  [
    'quirks/qin-like.csv',
    [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
    ],
  ],
  [
    'quirks/hpa-like.csv',
    [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot', separator: ',' },
    ],
  ],
];

const UNIPROT_COLUMNS = catalogColumns('uniprot');
const encode = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, forcePapa = false) =>
  parseTable({ name: 'probe', columns: UNIPROT_COLUMNS }, encode(text), { forcePapa });

describe('parseTable: byte fast path and PapaParse', () => {
  it.each(QUOTE_FREE)('give identical tables for %s', async (file, columns) => {
    expect(fixtureText(file)).not.toContain('"');
    const fast = await loadFixtureTable(file, columns);
    const papa = await loadFixtureTable(file, columns, { forcePapa: true });
    expect(describeTable(papa)).toEqual(describeTable(fast));
  });

  it.each(QUOTED)('give identical tables for the quoted file %s', async (file, columns) => {
    expect(fixtureText(file)).toContain('"');
    const fast = await loadFixtureTable(file, columns);
    const papa = await loadFixtureTable(file, columns, { forcePapa: true });
    expect(describeTable(papa)).toEqual(describeTable(fast));
  });

  it('read every org-hs-eg table as the plain rows of the file say', async () => {
    for (const [file, columns] of QUOTE_FREE.filter(([f]) => f.startsWith('org-hs-eg'))) {
      const csv = readCsv(file);
      const table = await loadFixtureTable(file, columns);
      expect(table.stats.rows, file).toBe(csv.rows.length);
      expect(table.records, file).toBe(csv.rows.length);
      for (const { name } of columns) {
        const cells = columnOf(csv, name);
        const values = distinct(cells);
        expect(dictValues(table, name), `${file} ${name}`).toEqual(values);
        const ids = [...table.columns[table.columnIndex(name)].ids];
        expect(ids, `${file} ${name}`).toEqual(cells.map((c) => values.indexOf(c)));
      }
    }
  });

  it('read genes.csv (quoted names with commas) through PapaParse like the plain reader', async () => {
    const csv = readCsv('org-hs-eg/genes.csv');
    const table = await loadFixtureTable('org-hs-eg/genes.csv', catalogColumns('genes'));
    expect(table.stats.rows).toBe(csv.rows.length);
    expect(table.stats.raggedRows).toBe(0);
    expect(dictValues(table, 'symbol')).toEqual(distinct(columnOf(csv, 'symbol')));
    expect(dictValues(table, 'entrez_id')).toEqual(distinct(columnOf(csv, 'entrez_id')));
  });

  it('agree on a CRLF copy of uniprot.csv, where no cell needs repair', async () => {
    const crlf = fixtureText('org-hs-eg/uniprot.csv').replace(/\n/g, '\r\n');
    const fast = await parse(crlf);
    const papa = await parse(crlf, true);
    // Hand-checked: the cells of uniprot.csv carry no padding; CR is part of the line end.
    for (const column of fast.table.stats.columns) expect(column.repaired, column.name).toBe(0);
    expect(describeTable(fast.table)).toEqual(describeTable(papa.table));
  });

  it('treat a line of spaces as a blank line in both parsers', async () => {
    const text = 'uniprot,entrez_id\nP04637,7157\n   \nP38398,672\n';
    for (const forcePapa of [false, true]) {
      const { table } = await parse(text, forcePapa);
      expect(table.stats.rows, `forcePapa=${forcePapa}`).toBe(2);
      expect(table.stats.raggedRows, `forcePapa=${forcePapa}`).toBe(0);
    }
  });

  it('keep a quoted-file data row whose first cell is the placeholder #N/A', async () => {
    // Quotes send the file through PapaParse; `#N/A` is a placeholder, not a comment line.
    const text = 'uniprot,entrez_id\n#N/A,7157\n"P38398",672\n';
    const { table } = await parse(text);
    expect(table.stats.rows).toBe(2);
    expect(table.stats.columns[0].placeholder).toBe(1);
    expect(dictValues(table, 'entrez_id')).toEqual(['7157', '672']);
    for (const forcePapa of [false, true]) {
      const quoteFree = await parse(text.replace('"P38398"', 'P38398'), forcePapa);
      expect(quoteFree.table.stats.rows, `quote-free, forcePapa=${forcePapa}`).toBe(2);
    }
  });

  it('read uniprot.csv.gz exactly like uniprot.csv', async () => {
    const gz = fixtureBytes('org-hs-eg/uniprot.csv.gz');
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const plain = await loadFixtureTable('org-hs-eg/uniprot.csv', UNIPROT_COLUMNS);
    const gzipped = await loadFixtureTable('org-hs-eg/uniprot.csv.gz', UNIPROT_COLUMNS);
    expect(describeTable(gzipped)).toEqual(describeTable(plain));
  });
});

describe('parseTable on the quirk files', () => {
  it('reads crlf-bom.tsv: BOM, CRLF, # comments, tab delimiter and a multi-line quoted note', async () => {
    const columns = [
      { name: 'symbol', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
      { name: 'note', type: 'note' },
    ];
    const table = await loadFixtureTable('quirks/crlf-bom.tsv', columns);
    // Independent reading: drop the BOM and the two comment lines, then split on tabs.
    const text = fixtureText('quirks/crlf-bom.tsv').replace(/^\uFEFF/, '');
    const csv = parseCsvText(text.split('\r\n').slice(2).join('\r\n'), '\t');
    expect(csv.header).toEqual(['symbol', 'uniprot', 'note']);
    expect(table.stats.rows).toBe(5);
    expect(table.stats.raggedRows).toBe(0);
    expect(dictValues(table, 'symbol')).toEqual(['TP53', 'BRCA1', 'EGFR', 'MYC', 'ALB']);
    expect(dictValues(table, 'symbol')).toEqual(columnOf(csv, 'symbol'));
    expect(dictValues(table, 'uniprot')).toEqual(columnOf(csv, 'uniprot'));
    // Hand-checked in the file: BRCA1's note holds a tab, a doubled quote and a CRLF break.
    const notes = dictValues(table, 'note');
    expect(notes).toContain('has a\ttab, a "quote" and a\r\nline break');
    expect(notes).toEqual(columnOf(csv, 'note').filter((n) => n !== ''));
    expect(table.stats.columns[2].blank).toBe(1); // MYC has no note
  });

  it('trims NBSP cells of qin-like.csv, counts them as repaired and never keys placeholders', async () => {
    const csv = readCsv('quirks/qin-like.csv');
    const cells = columnOf(csv, 'uniprot');
    const nbsp = cells.filter((c) => c.endsWith('\u00a0'));
    const placeholders: string[] = cells.filter((c) => c === 'no ID' || c === 'noUniprot ID');
    expect(nbsp).toHaveLength(3);
    expect(placeholders).toHaveLength(3);
    const table = await loadFixtureTable('quirks/qin-like.csv', [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot' },
    ]);
    const stats = table.stats.columns[table.columnIndex('uniprot')];
    expect(stats.repaired).toBe(nbsp.length);
    expect(stats.placeholder).toBe(placeholders.length);
    expect(stats.placeholderExamples).toEqual(distinct(placeholders));
    const keys = dictValues(table, 'uniprot');
    expect(keys).toEqual(
      distinct(cells.filter((c) => !placeholders.includes(c)).map((c) => c.trim())),
    );
    expect(keys.some((k) => k.includes('\u00a0') || /no/i.test(k))).toBe(false);
    // Gene symbols stay case-sensitive keys: LGALS4 and Lgals4 are two entries.
    expect(dictValues(table, 'gene')).toEqual(distinct(columnOf(csv, 'gene')));
  });

  it('splits composite cells of hpa-like.csv into component keys and flags their edges', async () => {
    const csv = readCsv('quirks/hpa-like.csv');
    const genes = columnOf(csv, 'gene');
    const cells = columnOf(csv, 'uniprot');
    const parts = cells.map((c) => c.split(',').map((p) => p.trim()));
    // pair "component gene" → composite, which holds only if every row giving it was composite.
    const expected = new Map<string, boolean>();
    parts.forEach((list, row) => {
      for (const p of list) {
        const key = `${p} ${genes[row]}`;
        expected.set(key, (expected.get(key) ?? true) && list.length > 1);
      }
    });
    const table = await loadFixtureTable('quirks/hpa-like.csv', [
      { name: 'gene', type: 'symbol' },
      { name: 'uniprot', type: 'uniprot', separator: ',' },
    ]);
    expect(dictValues(table, 'uniprot')).toEqual(distinct(parts.flat()));
    expect(table.stats.columns[1].compositeCells).toBe(parts.filter((p) => p.length > 1).length);
    expect(table.records).toBe(parts.flat().length);
    const u = table.columnIndex('uniprot');
    const g = table.columnIndex('gene');
    const csr = table.edges(u, g);
    const actual = new Map<string, boolean>();
    for (let k = 0; k < table.columns[u].dict.size; k++) {
      for (let j = csr.start[k]; j < csr.start[k + 1]; j++) {
        const key = `${table.columns[u].dict.get(k)} ${table.columns[g].dict.get(csr.target[j])}`;
        actual.set(key, csr.composite[j] === 1);
      }
    }
    expect(actual).toEqual(expected);
    expect(expected.get('P0C0L4 C4B')).toBe(true); // from "P0C0L4, P0C0L5"
    expect(expected.get('P0C0L4 C4A')).toBe(false); // a plain cell
  });
});
