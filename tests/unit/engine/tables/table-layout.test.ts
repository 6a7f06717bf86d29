/**
 * The field's files read into packed columns (#14 items 2 and 3): `DB:id` cells routed to one
 * column per type, long-form rows (key, ID type, value), a hub column whose rows never multiply,
 * a header given for a headerless file, canonical forms for bare ids, and rows split by a value.
 * The files are small and shaped like the real ones (rows of gene_info, idmapping.dat, HGNC's
 * complete set and SSSOM); expected pairs are read from the same text by a plain split here.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../../../../workers/engine/tables/catalog';
import { parseTable, type TableSpec } from '../../../../workers/engine/tables/parse-table';
import { packedColumns } from '../../../../workers/engine/tables/table-layout';
import { fromStored, toStored } from '../../../../workers/engine/tables/stored-layout';
import type { PackedTable } from '../../../../workers/engine/tables/packed-table';
import { edgeTargets } from '../helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
const read = async (spec: TableSpec, text: string) => (await parseTable(spec, encode(text))).table;

/** Every (from, to) pair the table gives, as `from>to` strings, sorted. */
function pairs(table: PackedTable, from: string, to: string): string[] {
  const f = table.columnIndex(from);
  const out: string[] = [];
  for (let k = 0; k < table.columns[f].dict.size; k++) {
    const key = table.columns[f].dict.get(k);
    for (const target of edgeTargets(table, from, to, key)) out.push(`${key}>${target}`);
  }
  return out.sort();
}

describe('gene_info: a header on a # line, a hub, lists and DB:id cells', () => {
  const header = ['tax_id', 'GeneID', 'Symbol', 'Synonyms', 'dbXrefs', 'description'];
  const rows = [
    [
      '9606',
      '7157',
      'TP53',
      'BCC7|LFS1|P53|TRP53',
      'MIM:191170|HGNC:HGNC:11998|Ensembl:ENSG00000141510|AllianceGenome:HGNC:11998',
      'tumor protein p53',
    ],
    [
      '9606',
      '672',
      'BRCA1',
      'BRCAI|BRCC1|PSCP',
      'MIM:113705|HGNC:HGNC:1100|Ensembl:ENSG00000012048',
      'BRCA1 DNA repair associated',
    ],
    ['9606', '100', 'ADA', '-', 'MIM:608958|HGNC:HGNC:186', 'adenosine deaminase'],
  ];
  const text = `#${header.join('\t')}\n${tsv(rows)}`;
  const columns: CatalogColumn[] = [
    { name: 'tax_id' },
    { name: 'GeneID', type: 'entrez' },
    { name: 'Symbol', type: 'symbol' },
    {
      name: 'dbXrefs',
      separator: '|',
      prefixes: { MIM: 'omim', HGNC: 'hgnc', Ensembl: 'ensembl_gene' },
    },
    { name: 'description' },
  ];
  const spec: TableSpec = { name: 'gene_info', columns, header, hub: 'GeneID', delimiter: '\t' };

  /** gene → values of `db` in its dbXrefs, prefix removed, read here by splitting. */
  const xrefs = (db: string) =>
    rows.flatMap((r) =>
      r[4]
        .split('|')
        .filter((x) => x.startsWith(`${db}:`))
        .map((x) => `${r[1]}>${x.slice(db.length + 1)}`),
    );

  it('names one packed column per routed type, the attributes last', () => {
    expect(packedColumns(spec).map((c) => [c.name, c.type ?? ''])).toEqual([
      ['GeneID', 'entrez'],
      ['Symbol', 'symbol'],
      ['dbXrefs:omim', 'omim'],
      ['dbXrefs:hgnc', 'hgnc'],
      ['dbXrefs:ensembl_gene', 'ensembl_gene'],
      ['tax_id', ''],
      ['description', ''],
    ]);
  });

  it('reads the first line as data, and routes each DB:id to its type with the prefix removed', async () => {
    const table = await read(spec, text);
    expect(table.stats.rows).toBe(rows.length);
    expect(pairs(table, 'GeneID', 'dbXrefs:omim')).toEqual(xrefs('MIM').sort());
    // HGNC:HGNC:11998 → HGNC:11998, the hgnc type's canonical form.
    expect(pairs(table, 'GeneID', 'dbXrefs:hgnc')).toEqual(xrefs('HGNC').sort());
    expect(pairs(table, 'GeneID', 'dbXrefs:ensembl_gene')).toEqual(xrefs('Ensembl').sort());
  });

  it('relates two non-hub columns through the hub, as values of one row', async () => {
    const table = await read(spec, text);
    const expected = rows.flatMap((r) =>
      r[4]
        .split('|')
        .filter((x) => x.startsWith('MIM:'))
        .map((x) => `${r[2]}>${x.slice(4)}`),
    );
    expect(pairs(table, 'Symbol', 'dbXrefs:omim')).toEqual(expected.sort());
    expect(pairs(table, 'dbXrefs:ensembl_gene', 'Symbol')).toEqual([
      'ENSG00000012048>BRCA1',
      'ENSG00000141510>TP53',
    ]);
  });

  it('keeps one record per value: list cells in two columns do not multiply', async () => {
    const synonyms: CatalogColumn = { name: 'Synonyms', type: 'synonym', separator: '|' };
    const hubbed = await read({ ...spec, columns: [...columns, synonyms] }, text);
    const values = rows.reduce((sum, r) => {
      const synonyms = r[3] === '-' ? 0 : r[3].split('|').length;
      const routed = r[4].split('|').filter((x) => /^(MIM|HGNC|Ensembl):/.test(x)).length;
      return sum + 1 + synonyms + routed; // Symbol, synonyms, routed xrefs
    }, 0);
    expect(hubbed.records).toBe(values);
    expect(pairs(hubbed, 'Synonyms', 'dbXrefs:omim')).toContain('P53>191170');
  });

  it('survives the stored form with its hub', async () => {
    const table = await read(spec, text);
    table.edges(table.columnIndex('Symbol'), table.columnIndex('dbXrefs:omim'));
    const back = fromStored('k', toStored('k', table));
    if (!('table' in back)) throw new Error(back.problem);
    expect(back.table.hub).toBe(table.hub);
    expect(pairs(back.table, 'Symbol', 'dbXrefs:hgnc')).toEqual(
      pairs(table, 'Symbol', 'dbXrefs:hgnc'),
    );
  });
});

describe('idmapping.dat: no header, rows in long form', () => {
  const rows = [
    ['P04637', 'UniProtKB-ID', 'P53_HUMAN'],
    ['P04637', 'GeneID', '7157'],
    ['P04637', 'Gene_Name', 'TP53'],
    ['P04637', 'Ensembl', 'ENSG00000141510'],
    ['P04637', 'PDB', '1A1U'],
    ['P04637-2', 'Ensembl_TRS', 'ENST00000269305'],
    ['P38398', 'GeneID', '672'],
    ['P38398', 'NCBI_TaxID', '9606'],
    ['P38398', 'RefSeq', 'NP_009225.1'],
    ['P38398', 'RefSeq_NT', 'NM_007294.4'],
  ];
  const spec: TableSpec = {
    name: 'idmapping',
    columns: [],
    delimiter: '\t',
    header: ['UniProtKB-AC', 'ID_type', 'ID'],
    long: {
      key: 'UniProtKB-AC',
      keyType: 'uniprot',
      typeColumn: 'ID_type',
      value: 'ID',
      types: {
        GeneID: 'entrez',
        Gene_Name: 'symbol',
        Ensembl: 'ensembl_gene',
        Ensembl_TRS: 'ensembl_transcript',
        RefSeq: 'refseq',
        RefSeq_NT: 'refseq',
      },
    },
  };
  /** Pairs of those ID types; an isoform's (P04637-2) are its entry's (P04637) too. */
  const of = (...idTypes: string[]) =>
    rows
      .filter((r) => idTypes.includes(r[1]))
      .flatMap((r) => {
        const entry = r[0].replace(/-\d+$/, '');
        return entry === r[0] ? [`${r[0]}>${r[2]}`] : [`${r[0]}>${r[2]}`, `${entry}>${r[2]}`];
      })
      .sort();

  it('makes one column per kept type (ID types of one type together), keyed by the accession', async () => {
    expect(packedColumns(spec).map((c) => c.name)).toEqual([
      'UniProtKB-AC',
      'GeneID',
      'Gene_Name',
      'Ensembl',
      'Ensembl_TRS',
      'RefSeq+RefSeq_NT',
    ]);
    const table = await read(spec, tsv(rows));
    expect(pairs(table, 'UniProtKB-AC', 'GeneID')).toEqual(of('GeneID'));
    expect(pairs(table, 'UniProtKB-AC', 'RefSeq+RefSeq_NT')).toEqual(of('RefSeq', 'RefSeq_NT'));
    expect(pairs(table, 'UniProtKB-AC', 'Ensembl_TRS')).toEqual(of('Ensembl_TRS'));
    // Through the accession: only P04637 has both.
    expect(pairs(table, 'GeneID', 'Gene_Name')).toEqual(['7157>TP53']);
  });

  it('skips the rows of ID types not kept, and counts them', async () => {
    const { table, builder } = await parseTable(spec, encode(tsv(rows)));
    const kept = rows.filter((r) => r[1] in spec.long!.types);
    // An isoform's row is kept twice: under the isoform and under its entry.
    const isoforms = kept.filter((r) => /-\d+$/.test(r[0])).length;
    expect(table.records).toBe(kept.length + isoforms);
    expect(builder.skippedValues).toBe(rows.length - kept.length);
  });
});

describe('bare ids of a type written with a prefix', () => {
  it('become CHEBI:… in a ChEBI column, prefixed ones stay as they are', async () => {
    const text = 'COMPOUND_ID\tcas\n15377\t7732-18-5\nCHEBI:17234\t50-99-7\n';
    const table = await read(
      {
        name: 'chebi',
        columns: [
          { name: 'COMPOUND_ID', type: 'chebi' },
          { name: 'cas', type: 'cas' },
        ],
      },
      text,
    );
    expect(pairs(table, 'COMPOUND_ID', 'cas')).toEqual([
      'CHEBI:15377>7732-18-5',
      'CHEBI:17234>50-99-7',
    ]);
  });
});

describe('rows split by a column value (SSSOM predicates)', () => {
  const rows = [
    ['subject_id', 'predicate_id', 'object_id'],
    ['CHEBI:10001', 'skos:exactMatch', 'mesh:C067604'],
    ['CHEBI:10002', 'skos:closeMatch', 'mesh:C005575'],
    ['mesh:D000001', 'skos:exactMatch', 'hgnc:11998'],
  ];
  const columns: CatalogColumn[] = [
    { name: 'subject_id', prefixes: { CHEBI: 'chebi', mesh: 'mesh' } },
    { name: 'predicate_id' },
    { name: 'object_id', prefixes: { mesh: 'mesh', hgnc: 'hgnc' } },
  ];

  it('keeps the primary rows in one table and counts every row by its value', async () => {
    const { table, builder } = await parseTable(
      { name: 'sssom', columns, rowFilter: { column: 'predicate_id', keep: ['skos:exactMatch'] } },
      encode(tsv(rows)),
    );
    expect(pairs(table, 'subject_id:chebi', 'object_id:mesh')).toEqual(['CHEBI:10001>C067604']);
    expect(pairs(table, 'subject_id:mesh', 'object_id:hgnc')).toEqual(['D000001>HGNC:11998']);
    expect([...builder.filterValues]).toEqual([
      ['skos:exactMatch', 2],
      ['skos:closeMatch', 1],
    ]);
  });

  it('keeps the other rows in a tier of their own', async () => {
    const { table } = await parseTable(
      { name: 'sssom', columns, rowFilter: { column: 'predicate_id', keep: ['skos:closeMatch'] } },
      encode(tsv(rows)),
    );
    expect(pairs(table, 'subject_id:chebi', 'object_id:mesh')).toEqual(['CHEBI:10002>C005575']);
  });
});
