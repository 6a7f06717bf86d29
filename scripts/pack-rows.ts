/**
 * How each data-pack table is made from its source files in ../shared/data: reading their TSV,
 * writing ids in canonical form, exploding multi-valued cells and naming history events. Pure
 * functions over text, so unit tests run them on raw source lines without the source folder.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A source file's text, by its path under ../shared/data (`metabolites/cas_to_chebi.tsv.gz`). */
export type ReadSource = (path: string) => string;

/** `../shared/data` relative to the repository, unless `CROSSWALK_PACK_SOURCE` says otherwise. */
export function packSourceDir(repoRoot: string): string {
  return resolve(repoRoot, process.env.CROSSWALK_PACK_SOURCE ?? '../shared/data');
}

/** Reads (and gunzips) source files under `dir`, each once. */
export function sourceReader(dir: string): ReadSource {
  const texts = new Map<string, string>();
  return (path) => {
    let text = texts.get(path);
    if (text === undefined) {
      const bytes = readFileSync(join(dir, path));
      text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      texts.set(path, text);
    }
    return text;
  };
}

/** What became of a retired or secondary id (see CatalogTable.history). */
export type HistoryEvent = 'replaced' | 'merged' | 'split' | 'withdrawn' | 'secondary';

/**
 * Splits TSV text into rows of cells. Line ends may be LF or CRLF, mixed (ChEBI's secondary-id
 * file has both); a cell in double quotes may hold tabs and doubled quotes (MGI writes a few
 * synonyms that way). No source has a line break inside a cell.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const cells: string[] = [];
    let at = 0;
    for (;;) {
      if (line[at] === '"') {
        let cell = '';
        let i = at + 1;
        for (;;) {
          const q = line.indexOf('"', i);
          if (q < 0) throw new Error(`unterminated quote in TSV line: ${line}`);
          cell += line.slice(i, q);
          if (line[q + 1] === '"') {
            cell += '"';
            i = q + 2;
          } else {
            at = q + 1;
            break;
          }
        }
        cells.push(cell);
      } else {
        const tab = line.indexOf('\t', at);
        cells.push(line.slice(at, tab < 0 ? line.length : tab));
        at = tab < 0 ? line.length : tab;
      }
      if (at >= line.length) break;
      if (line[at] !== '\t') throw new Error(`text after a closing quote in TSV line: ${line}`);
      at++;
      if (at === line.length) {
        cells.push('');
        break;
      }
    }
    rows.push(cells);
  }
  return rows;
}

/** The data rows of a TSV file whose header must be exactly `columns` (a guard against drift). */
export function tsvRows(text: string, columns: string[]): string[][] {
  const [header, ...rows] = parseTsv(text);
  if (header?.join('\t') !== columns.join('\t'))
    throw new Error(`expected columns ${columns.join(', ')}, found ${header?.join(', ')}`);
  for (const row of rows)
    if (row.length !== columns.length)
      throw new Error(`expected ${columns.length} cells, found ${row.length}: ${row.join(' | ')}`);
  return rows;
}

/** The canonical form `PREFIX:n` of an id given bare (`15377`) or already prefixed. */
function prefixed(prefix: string): (id: string) => string {
  const canonical = new RegExp(`^${prefix}:\\d+$`);
  return (id) => {
    if (/^\d+$/.test(id)) return `${prefix}:${id}`;
    if (canonical.test(id)) return id;
    throw new Error(`not a ${prefix} id: "${id}"`);
  };
}

export const chebi = prefixed('CHEBI');
export const mgi = prefixed('MGI');
export const rgd = prefixed('RGD');
export const hgnc = prefixed('HGNC');

/** OpenBEL escapes braces in ChEBI names (`\{6-[(4-\{…`); the name itself has none. */
export function unescapeName(name: string): string {
  return name.replace(/\\([{}])/g, '$1');
}

/** Splits a multi-valued cell on `separator`, trimmed, without empty values or repeats. */
export function splitCell(cell: string, separator: string): string[] {
  return [...new Set(cell.split(separator).map((value) => value.trim()))].filter((v) => v !== '');
}

/**
 * The Ensembl gene ids of one organism in a `;`-separated cell: RGD lists the mouse orthologue's
 * ENSMUSG id for one rat gene (Or10d1b), which would link the two species through `ensembl_gene`.
 */
export function ensemblGenes(cell: string, prefix: 'ENSMUSG' | 'ENSRNOG'): string[] {
  return splitCell(cell, ';').filter((id) => id.startsWith(prefix));
}

/** Rows in first-seen order, exact duplicates dropped. */
export function uniqueRows(rows: string[][]): string[][] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = row.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The placeholder HGNC and NCBI write as `primaryID` (and symbol) when nothing replaces an id. */
export const WITHDRAWN = 'Entry Withdrawn';

/**
 * The event of one row of sec2pri's HGNC or NCBI file. The cardinality decides: `1:0` (with
 * `Entry Withdrawn`) withdrawn, `1:n` split (HGNC files its splits under `oboInOwl:consider`, so
 * the predicate alone does not mean withdrawn), `n:1` merged, `1:1` replaced.
 */
export function historyEvent(primaryId: string, predicate: string, cardinality: string) {
  const withdrawn = primaryId === WITHDRAWN;
  const event = (
    {
      '1:0': 'withdrawn',
      '1:n': 'split',
      'n:1': 'merged',
      '1:1': 'replaced',
    } as const
  )[cardinality];
  const consistent =
    event === 'withdrawn'
      ? withdrawn && predicate === 'oboInOwl:consider'
      : !withdrawn && predicate === (event === 'split' ? 'oboInOwl:consider' : 'IAO:0100001');
  if (!event || !consistent)
    throw new Error(`unexpected history row: ${primaryId}, ${predicate}, ${cardinality}`);
  return event;
}

/** `2005-05-08` from NCBI's comment `Withdrawn date: 20050508. …`; empty when there is none. */
export function ncbiDate(comment: string): string {
  const match = /Withdrawn date: (\d{4})(\d{2})(\d{2})\./.exec(comment);
  if (!match) return '';
  const [, year, month, day] = match;
  const iso = `${year}-${month}-${day}`;
  if (Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso)
    throw new Error(`not a date in "${comment}"`);
  return iso;
}

const HISTORY_COLUMNS = [
  'primaryID',
  'primarySymbol',
  'secondaryID',
  'secondarySymbol',
  'predicateID',
  'mapping_cardinality_sec2pri',
  'comment',
  'source',
];

/** History rows (old, new, event, date) of sec2pri's HGNC or NCBI file, ids or symbols. */
function history(
  text: string,
  pick: (row: string[]) => [old: string, current: string],
  date: (comment: string) => string,
): string[][] {
  const rows = tsvRows(text, HISTORY_COLUMNS).map((row) => {
    const [primaryId, , , , predicate, cardinality, comment] = row;
    const event = historyEvent(primaryId, predicate, cardinality);
    const [old, current] = pick(row);
    return [old, event === 'withdrawn' ? '' : current, event, date(comment)];
  });
  // A symbol kept by the id that replaces its own (H2AX, OR5D3) is no event.
  return uniqueRows(rows.filter(([old, current]) => old !== current));
}

/** Secondary-id rows (old, new, `secondary`, no date) of a file of `primaryID`, `secondaryID`. */
function secondary(text: string, canonical: (id: string) => string = (id) => id): string[][] {
  return uniqueRows(
    tsvRows(text, ['primaryID', 'secondaryID']).map(([primary, old]) => [
      canonical(old),
      canonical(primary),
      'secondary',
      '',
    ]),
  );
}

const noDate = () => '';
const GO = /^GO:\d{7}$/;

/** An NCBI Gene id: a bare number. */
function entrez(id: string): string {
  if (!/^\d+$/.test(id)) throw new Error(`not an NCBI Gene id: "${id}"`);
  return id;
}

const ENTRY_COLUMNS = ['ID', 'symbol', 'synonyms', 'ensembl'];

/**
 * MGI's or RGD's gene entries as (id, symbol, ensembl_gene): one row per Ensembl id of the
 * organism (MGI repeats a gene on one line per id, RGD joins them with `;`), or one row with an
 * empty cell when the gene has none.
 */
function geneRows(
  text: string,
  canonical: (id: string) => string,
  ensemblPrefix: 'ENSMUSG' | 'ENSRNOG',
): string[][] {
  return uniqueRows(
    tsvRows(text, ENTRY_COLUMNS).flatMap(([id, symbol, , ensembl]) => {
      const genes = ensemblGenes(ensembl, ensemblPrefix);
      return (genes.length > 0 ? genes : ['']).map((gene) => [canonical(id), symbol, gene]);
    }),
  );
}

/** MGI's or RGD's synonyms as (synonym, id): one row per synonym in the cell. */
function synonymRows(
  text: string,
  canonical: (id: string) => string,
  separator: string,
): string[][] {
  return uniqueRows(
    tsvRows(text, ENTRY_COLUMNS).flatMap(([id, , synonyms]) =>
      splitCell(synonyms, separator).map((synonym) => [synonym, canonical(id)]),
    ),
  );
}

/** Each pack table's rows (no header), in its catalog columns' order, from its source files. */
export const PACK_ROWS: Record<string, (read: ReadSource) => string[][]> = {
  chebi_pubchem: (read) =>
    uniqueRows(
      tsvRows(read('metabolites/chebi_to_pubchem.tsv.gz'), ['CHEBI', 'PUBCHEM', 'IK_MATCH']).map(
        ([id, cid, ikMatch]) => [chebi(id), cid, ikMatch],
      ),
    ),
  chebi_chembl: (read) =>
    uniqueRows(
      tsvRows(read('metabolites/chebi_to_chembl.tsv.gz'), ['CHEBI', 'CHEMBL']).map(
        ([id, chembl]) => [chebi(id), chembl],
      ),
    ),
  cas_chebi: (read) =>
    uniqueRows(
      tsvRows(read('metabolites/cas_to_chebi.tsv.gz'), ['CAS', 'CHEBI']).map(([cas, id]) => [
        cas,
        chebi(id),
      ]),
    ),
  chebi_names: (read) =>
    uniqueRows(
      parseTsv(read('metabolites/chebi_names.tsv.gz')).map(([name, id, ...rest]) => {
        if (rest.length > 0 || id === undefined) throw new Error(`not a name and an id: ${name}`);
        return [unescapeName(name), chebi(id)];
      }),
    ),
  chebi_secondary: (read) => secondary(read('retired-ids/ChEBI_secID2priID.tsv.gz'), chebi),

  hmdb_chebi: (read) =>
    uniqueRows(
      tsvRows(read('metabolites/hmdb_to_chebi.tsv.gz'), ['HMDB_ID', 'CHEBI_ID']).map(
        ([hmdb, id]) => [hmdb, chebi(id)],
      ),
    ),
  hmdb_secondary: (read) => secondary(read('retired-ids/HMDB_secID2priID.tsv.gz')),

  mgi_genes: (read) => geneRows(read('mouse-rat/mgi_entries.tsv.gz'), mgi, 'ENSMUSG'),
  mgi_synonyms: (read) => synonymRows(read('mouse-rat/mgi_entries.tsv.gz'), mgi, '|'),
  rgd_genes: (read) => geneRows(read('mouse-rat/rgd_entries.tsv.gz'), rgd, 'ENSRNOG'),
  rgd_synonyms: (read) => synonymRows(read('mouse-rat/rgd_entries.tsv.gz'), rgd, ';'),

  hgnc_ids: (read) =>
    uniqueRows(
      tsvRows(read('retired-ids/HGNC_priIDs.tsv.gz'), ['primaryID', 'primarySymbol']).map(
        ([id, symbol]) => [hgnc(id), symbol],
      ),
    ),
  hgnc_id_history: (read) =>
    history(
      read('retired-ids/HGNC_secID2priID.tsv.gz'),
      ([primary, , old]) => [hgnc(old), primary === WITHDRAWN ? primary : hgnc(primary)],
      noDate,
    ),
  hgnc_symbol_history: (read) =>
    history(
      read('retired-ids/HGNC_secID2priID.tsv.gz'),
      ([, primarySymbol, , oldSymbol]) => [oldSymbol, primarySymbol],
      noDate,
    ),
  // NCBI's primarySymbol column is wrong (README): ids only.
  ncbi_history: (read) =>
    history(
      read('retired-ids/NCBI_secID2priID.tsv.gz'),
      ([primary, , old]) => [entrez(old), primary === WITHDRAWN ? primary : entrez(primary)],
      ncbiDate,
    ),
  go_secondary: (read) => {
    const [header, ...lines] = read('org-hs-eg/go_secondary.csv.gz').split('\n');
    if (header !== 'secondary_go_id,primary_go_id') throw new Error(`unexpected header ${header}`);
    return uniqueRows(
      lines
        .filter((line) => line !== '')
        .map((line) => {
          const [old, current, ...rest] = line.split(',');
          if (rest.length > 0 || !GO.test(old) || !GO.test(current))
            throw new Error(`not two GO ids: ${line}`);
          return [old, current, 'secondary', ''];
        }),
    );
  },
};

/** One CSV cell, quoted (RFC 4180) only when it holds a comma, a quote or a line break. */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV text with a header row, LF line ends (as the core tables have) and a final newline. */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** The rows of pack table `name`, each checked to have one cell per catalog column. */
export function packRows(name: string, columns: number, read: ReadSource): string[][] {
  const build = PACK_ROWS[name];
  if (!build) throw new Error(`no rows for pack table ${name}`);
  const rows = build(read);
  for (const row of rows)
    if (row.length !== columns)
      throw new Error(`${name}: ${row.length} cells for ${columns} columns: ${row.join(', ')}`);
  return rows;
}
