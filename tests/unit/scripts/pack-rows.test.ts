/**
 * The data-pack transforms of scripts/pack-rows.ts, run on lines copied verbatim from the source
 * files in ../shared/data (line ends included), against rows written out by hand from those
 * lines. Needs no source folder.
 */
import { describe, expect, it } from 'vitest';
import {
  PACK_ROWS,
  chebi,
  historyEvent,
  mgi,
  ncbiDate,
  parseTsv,
  toCsv,
  type ReadSource,
} from '../../../scripts/pack-rows';
import { PACKS, PACK_TABLES } from '../../../scripts/packs';

/** A reader over the given files' text; any other path is an error. */
function sources(files: Record<string, string[]>, lineEnd = '\n'): ReadSource {
  return (path) => {
    const lines = files[path];
    if (!lines) throw new Error(`unexpected source ${path}`);
    return lines.join(lineEnd) + lineEnd;
  };
}

const rows = (table: string, read: ReadSource) => PACK_ROWS[table](read);

const HGNC_SOURCE =
  'https://www.genenames.org/download/archive/quarterly/tsv/datasources/hgnc/data/withdrawn_2026-01-06.txt';
const HGNC_FILE = {
  'retired-ids/HGNC_secID2priID.tsv.gz': [
    'primaryID\tprimarySymbol\tsecondaryID\tsecondarySymbol\tpredicateID\tmapping_cardinality_sec2pri\tcomment\tsource',
    `Entry Withdrawn\tEntry Withdrawn\tHGNC:1\tA12M1\toboInOwl:consider\t1:0\tID (subject) withdrawn/deprecated.\t${HGNC_SOURCE}`,
    `HGNC:11892\tTNF\tHGNC:11893\tTNFA\tIAO:0100001\t1:1\tID (subject) is replaced.\t${HGNC_SOURCE}`,
    `HGNC:1884\tCFTR\tHGNC:1870\tCF\tIAO:0100001\tn:1\tThis ID (subject) and other ID(s) are merged into one ID.\t${HGNC_SOURCE}`,
    `HGNC:4206\tOPN1MW\tHGNC:1531\tCBBM\toboInOwl:consider\t1:n\tID (subject) is split into mutiple.\t${HGNC_SOURCE}`,
    `HGNC:9936\tOPN1LW\tHGNC:1531\tCBBM\toboInOwl:consider\t1:n\tID (subject) is split into mutiple.\t${HGNC_SOURCE}`,
    `HGNC:4739\tH2AX\tHGNC:4743\tH2AX\tIAO:0100001\t1:1\tID (subject) is replaced.\t${HGNC_SOURCE}`,
    // The source repeats this row verbatim.
    `HGNC:35188\tDNM1P38\tHGNC:21128\tDNM1DN11@\toboInOwl:consider\t1:n\tID (subject) is split into mutiple.\t${HGNC_SOURCE}`,
    `HGNC:35188\tDNM1P38\tHGNC:21128\tDNM1DN11@\toboInOwl:consider\t1:n\tID (subject) is split into mutiple.\t${HGNC_SOURCE}`,
  ],
};

const NCBI_SOURCE = 'https://ftp.ncbi.nih.gov/gene/DATA/gene_history.gz';
const NCBI_FILE = {
  'retired-ids/NCBI_secID2priID.tsv.gz': [
    'primaryID\tprimarySymbol\tsecondaryID\tsecondarySymbol\tpredicateID\tmapping_cardinality_sec2pri\tcomment\tsource',
    `Entry Withdrawn\tEntry Withdrawn\t4\tA12M1\toboInOwl:consider\t1:0\tWithdrawn date: 20050508. ID (subject) withdrawn/deprecated. Release: 2023-08-14.\t${NCBI_SOURCE}`,
    `1261\tSNAP47\t44\tACHM2\tIAO:0100001\t1:1\tWithdrawn date: 20050509. ID (subject) is replaced. Release: 2023-08-14.\t${NCBI_SOURCE}`,
    `7157\tNA\t146749\tLOC146749\tIAO:0100001\tn:1\tWithdrawn date: 20050510. This ID (subject) and other ID(s) are merged into one ID. Release: 2023-08-14.\t${NCBI_SOURCE}`,
    `100506863\tPRO0456\t29045\tPRO0456\tIAO:0100001\tn:1\tWithdrawn date: 20050510. This ID (subject) and other ID(s) are merged into one ID. Object is also withdrawn. Release: 2023-08-14.\t${NCBI_SOURCE}`,
  ],
};

describe('history tables', () => {
  it('name HGNC events by cardinality, with no date and no new id when withdrawn', () => {
    expect(rows('hgnc_id_history', sources(HGNC_FILE, '\r\n'))).toEqual([
      ['HGNC:1', '', 'withdrawn', ''],
      ['HGNC:11893', 'HGNC:11892', 'replaced', ''],
      ['HGNC:1870', 'HGNC:1884', 'merged', ''],
      ['HGNC:1531', 'HGNC:4206', 'split', ''],
      ['HGNC:1531', 'HGNC:9936', 'split', ''],
      ['HGNC:4743', 'HGNC:4739', 'replaced', ''],
      ['HGNC:21128', 'HGNC:35188', 'split', ''],
    ]);
  });

  it('give HGNC symbols their own history, without an id kept under the same symbol', () => {
    expect(rows('hgnc_symbol_history', sources(HGNC_FILE, '\r\n'))).toEqual([
      ['A12M1', '', 'withdrawn', ''],
      ['TNFA', 'TNF', 'replaced', ''],
      ['CF', 'CFTR', 'merged', ''],
      ['CBBM', 'OPN1MW', 'split', ''],
      ['CBBM', 'OPN1LW', 'split', ''],
      ['DNM1DN11@', 'DNM1P38', 'split', ''],
    ]);
  });

  it('date NCBI rows from "Withdrawn date", replaced and merged ones too, and ignore its symbols', () => {
    expect(rows('ncbi_history', sources(NCBI_FILE, '\r\n'))).toEqual([
      ['4', '', 'withdrawn', '2005-05-08'],
      ['44', '1261', 'replaced', '2005-05-09'],
      ['146749', '7157', 'merged', '2005-05-10'],
      ['29045', '100506863', 'merged', '2005-05-10'],
    ]);
  });

  it('parse NCBI dates strictly', () => {
    expect(ncbiDate('Withdrawn date: 20231231. ID (subject) is replaced.')).toBe('2023-12-31');
    expect(ncbiDate('ID (subject) is replaced.')).toBe('');
    expect(() => ncbiDate('Withdrawn date: 20050231. ID (subject) is replaced.')).toThrow();
  });

  it('refuse rows whose predicate, cardinality and primary id disagree', () => {
    expect(historyEvent('Entry Withdrawn', 'oboInOwl:consider', '1:0')).toBe('withdrawn');
    expect(historyEvent('HGNC:4206', 'oboInOwl:consider', '1:n')).toBe('split');
    expect(() => historyEvent('Entry Withdrawn', 'IAO:0100001', '1:1')).toThrow();
    expect(() => historyEvent('HGNC:5', 'IAO:0100001', '1:0')).toThrow();
    expect(() => historyEvent('HGNC:5', 'oboInOwl:consider', '1:1')).toThrow();
    expect(() => historyEvent('HGNC:5', 'IAO:0100001', '2:2')).toThrow();
  });

  it('list secondary ids from files with mixed line ends', () => {
    const read = sources({
      // ChEBI's file mixes CRLF and LF line ends (lines 6694-6696, and its header).
      'retired-ids/ChEBI_secID2priID.tsv.gz': [
        'primaryID\tsecondaryID\r\nCHEBI:17505\tCHEBI:11204\nCHEBI:17505\tCHEBI:11212\r\nCHEBI:17506\tCHEBI:976',
      ],
      'retired-ids/HMDB_secID2priID.tsv.gz': [
        'primaryID\tsecondaryID\r\nHMDB0000001\tHMDB00001\r\nHMDB0000001\tHMDB0004935\r',
      ],
      'org-hs-eg/go_secondary.csv.gz': [
        'secondary_go_id,primary_go_id',
        'GO:0000004,GO:0008150',
        'GO:0000021,GO:0007131',
      ],
    });
    expect(rows('chebi_secondary', read)).toEqual([
      ['CHEBI:11204', 'CHEBI:17505', 'secondary', ''],
      ['CHEBI:11212', 'CHEBI:17505', 'secondary', ''],
      ['CHEBI:976', 'CHEBI:17506', 'secondary', ''],
    ]);
    expect(rows('hmdb_secondary', read)).toEqual([
      ['HMDB00001', 'HMDB0000001', 'secondary', ''],
      ['HMDB0004935', 'HMDB0000001', 'secondary', ''],
    ]);
    expect(rows('go_secondary', read)).toEqual([
      ['GO:0000004', 'GO:0008150', 'secondary', ''],
      ['GO:0000021', 'GO:0007131', 'secondary', ''],
    ]);
  });
});

describe('metabolite tables', () => {
  it('write ChEBI ids as CHEBI:n and keep the other ids as given, duplicates dropped', () => {
    const read = sources({
      'metabolites/chebi_to_pubchem.tsv.gz': [
        'CHEBI\tPUBCHEM\tIK_MATCH',
        '4167\t5793\t',
        '15377\t962\tY',
        '15377\t962\tY',
      ],
      'metabolites/chebi_to_chembl.tsv.gz': ['CHEBI\tCHEMBL', '9\tCHEMBL510121', '9\tCHEMBL510121'],
      'metabolites/cas_to_chebi.tsv.gz': ['CAS\tCHEBI', '50-99-7\t17234', '50-99-7\t17634'],
      'metabolites/hmdb_to_chebi.tsv.gz': ['HMDB_ID\tCHEBI_ID', 'HMDB0000001\t50599'],
    });
    expect(rows('chebi_pubchem', read)).toEqual([
      ['CHEBI:4167', '5793', ''],
      ['CHEBI:15377', '962', 'Y'],
    ]);
    expect(rows('chebi_chembl', read)).toEqual([['CHEBI:9', 'CHEMBL510121']]);
    expect(rows('cas_chebi', read)).toEqual([
      ['50-99-7', 'CHEBI:17234'],
      ['50-99-7', 'CHEBI:17634'],
    ]);
    expect(rows('hmdb_chebi', read)).toEqual([['HMDB0000001', 'CHEBI:50599']]);
  });

  it('read ChEBI names without a header and unescape their braces', () => {
    const read = sources({
      'metabolites/chebi_names.tsv.gz': [
        '((13)C)urea\tCHEBI:32285',
        '((2-bromo-4-methylphenyl)\\{6-[(4-\\{[(2R)-3-(dimethylamino)-2-hydroxypropyl]oxy\\}phenyl)amino]pyrimidin-4-yl\\}amino)acetonitrile\tCHEBI:47556',
      ],
    });
    expect(rows('chebi_names', read)).toEqual([
      ['((13)C)urea', 'CHEBI:32285'],
      [
        '((2-bromo-4-methylphenyl){6-[(4-{[(2R)-3-(dimethylamino)-2-hydroxypropyl]oxy}phenyl)amino]pyrimidin-4-yl}amino)acetonitrile',
        'CHEBI:47556',
      ],
    ]);
  });
});

describe('mouse and rat tables', () => {
  const read = sources({
    'mouse-rat/mgi_entries.tsv.gz': [
      'ID\tsymbol\tsynonyms\tensembl',
      '87904\tActb\tA-X actin-like protein|Actx|E430023M04Rik|beta-actin\tENSMUSG00000029580',
      '4431379\tTg(LCAT)A31Ssf\t"hLCAT-tg subline A31 (""U line"" hemizygous 120 copy)"\t',
      '7531880\tTg(Mos-EmGFP)G-7Nah\tmG-7 Tg \t',
      '1925547\t0610008J02Rik\t\t',
    ],
    'mouse-rat/rgd_entries.tsv.gz': [
      'ID\tsymbol\tsynonyms\tensembl',
      '2006\tAanat\tAA-NAT;Nat4\tENSRNOG00000011182;ENSRNOG00055029977;ENSRNOG00060030684;ENSRNOG00065004543',
      '2193\tBc1\t\t',
      '1332791\tOr10d1b\tLOC103690273;Olr1315\tENSMUSG00000062121;ENSRNOG00000048263;ENSRNOG00000053485;ENSRNOG00000069258',
    ],
  });

  it('write MGI genes with their Ensembl id, or an empty cell', () => {
    expect(rows('mgi_genes', read)).toEqual([
      ['MGI:87904', 'Actb', 'ENSMUSG00000029580'],
      ['MGI:4431379', 'Tg(LCAT)A31Ssf', ''],
      ['MGI:7531880', 'Tg(Mos-EmGFP)G-7Nah', ''],
      ['MGI:1925547', '0610008J02Rik', ''],
    ]);
  });

  it('give each MGI synonym a row, trimmed and unquoted', () => {
    expect(rows('mgi_synonyms', read)).toEqual([
      ['A-X actin-like protein', 'MGI:87904'],
      ['Actx', 'MGI:87904'],
      ['E430023M04Rik', 'MGI:87904'],
      ['beta-actin', 'MGI:87904'],
      ['hLCAT-tg subline A31 ("U line" hemizygous 120 copy)', 'MGI:4431379'],
      ['mG-7 Tg', 'MGI:7531880'],
    ]);
  });

  it('give each rat Ensembl gene a row, keep genes without one, and drop mouse ids', () => {
    expect(rows('rgd_genes', read)).toEqual([
      ['RGD:2006', 'Aanat', 'ENSRNOG00000011182'],
      ['RGD:2006', 'Aanat', 'ENSRNOG00055029977'],
      ['RGD:2006', 'Aanat', 'ENSRNOG00060030684'],
      ['RGD:2006', 'Aanat', 'ENSRNOG00065004543'],
      ['RGD:2193', 'Bc1', ''],
      ['RGD:1332791', 'Or10d1b', 'ENSRNOG00000048263'],
      ['RGD:1332791', 'Or10d1b', 'ENSRNOG00000053485'],
      ['RGD:1332791', 'Or10d1b', 'ENSRNOG00000069258'],
    ]);
    expect(rows('rgd_synonyms', read)).toEqual([
      ['AA-NAT', 'RGD:2006'],
      ['Nat4', 'RGD:2006'],
      ['LOC103690273', 'RGD:1332791'],
      ['Olr1315', 'RGD:1332791'],
    ]);
  });
});

describe('canonical ids and CSV', () => {
  it('prefix bare numbers, keep canonical ids and refuse anything else', () => {
    expect(chebi('15377')).toBe('CHEBI:15377');
    expect(chebi('CHEBI:15377')).toBe('CHEBI:15377');
    expect(mgi('1918911')).toBe('MGI:1918911');
    expect(() => chebi('chebi:15377')).toThrow();
    expect(() => mgi('RGD:2003')).toThrow();
    expect(() => mgi('')).toThrow();
  });

  it('quote only cells with a comma, a quote or a line break (RFC 4180)', () => {
    expect(
      toCsv(
        ['name', 'id'],
        [
          ['a, b', '1'],
          ['say "hi"', '2'],
          ['two\nlines', ''],
          ['x', ''],
        ],
      ),
    ).toBe('name,id\n"a, b",1\n"say ""hi""",2\n"two\nlines",\nx,\n');
  });

  it('read quoted TSV cells holding tabs and doubled quotes', () => {
    expect(parseTsv('a\t"b\tc ""d"""\t\r\n\r\n"e"\tf\n')).toEqual([
      ['a', 'b\tc "d"', ''],
      ['e', 'f'],
    ]);
    expect(() => parseTsv('"a\tb\n')).toThrow();
  });
});

describe('pack specs', () => {
  it('give every table rows, a known pack and, for history, exactly old, new, event, date', () => {
    const packs = new Set(PACKS.map((p) => p.name));
    for (const spec of PACK_TABLES) {
      expect(PACK_ROWS[spec.name], spec.name).toBeTypeOf('function');
      expect(packs.has(spec.pack), spec.name).toBe(true);
      if (spec.history) {
        expect(spec.columns).toEqual([
          { name: 'old', type: spec.history.type },
          { name: 'new', type: spec.history.type },
          { name: 'event' },
          { name: 'date' },
        ]);
      }
    }
    expect(Object.keys(PACK_ROWS).sort()).toEqual(PACK_TABLES.map((t) => t.name).sort());
    expect(new Set(PACK_TABLES.map((t) => t.pack))).toEqual(packs);
  });

  it('keep HMDB opt-in: its pack shows a notice and its tables start disabled', () => {
    const hmdb = PACKS.find((p) => p.name === 'hmdb');
    expect(hmdb?.optIn).toBe(true);
    expect(hmdb?.notice).toMatch(/non-commercial/);
    const tables = PACK_TABLES.filter((t) => t.pack === 'hmdb');
    expect(tables.map((t) => t.name)).toEqual(['hmdb_chebi', 'hmdb_secondary']);
    for (const t of tables) expect(t.enabled).toBe(false);
    for (const t of PACK_TABLES.filter((t) => t.pack !== 'hmdb')) expect(t.enabled).toBeUndefined();
  });
});
