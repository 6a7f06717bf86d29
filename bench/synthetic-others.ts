/**
 * Rows of HGNC's complete set, an Ensembl BioMart export, an SSSOM mapping set and ChEBI's two
 * flat files for the formats bench, shaped after the excerpts in tests/fixtures/formats.
 */
import type { LineFile } from './line-file';
import type { Draw } from './synthetic-ids';
import { accession, embl, ensembl, geneId, mim, pad, refseq, symbol, words } from './synthetic-ids';

/** HGNC's quoting: a list of several values is one quoted `|`-joined cell. */
const quoted = (items: string[]) => (items.length > 1 ? `"${items.join('|')}"` : (items[0] ?? ''));

const LOCI = [
  ['protein-coding gene', 'gene with protein product'],
  ['non-coding RNA', 'RNA, long non-coding'],
  ['pseudogene', 'pseudogene'],
  ['other', 'unknown'],
];

/** The complete set: 54 columns named by `header`, most of them empty for most genes. */
export function hgncRows(out: LineFile, draw: Draw, header: string[]): void {
  for (let g = 0; !out.full; g++) {
    const [group, type] = g % 10 < 5 ? LOCI[0] : draw.pick(LOCI);
    const coding = group === LOCI[0][0];
    const gene = symbol(g);
    const n = (min: number, max: number) => draw.int(min, max);
    const location = `${n(1, 22)}q${n(11, 36)}.${n(1, 3)}`;
    const cells: Record<string, string> = {
      hgnc_id: `HGNC:${g + 5}`,
      symbol: gene,
      name: words(draw, 2, 6),
      locus_group: group,
      locus_type: type,
      status: 'Approved',
      location,
      location_sortable: location.padStart(9, '0'),
      alias_symbol: quoted(draw.times(n(0, 4), (k) => `${gene}A${k + 1}`)),
      alias_name: quoted(draw.times(n(0, 2), () => words(draw, 2, 5))),
      prev_symbol: quoted(draw.times(draw.chance(0.3) ? n(1, 3) : 0, (k) => `${gene}P${k + 1}`)),
      prev_name: quoted(draw.times(n(0, 1), () => words(draw, 2, 6))),
      gene_group: quoted(draw.times(n(0, 2), () => words(draw, 2, 4))),
      date_approved_reserved: `${n(1986, 2024)}-0${n(1, 9)}-${n(10, 28)}`,
      date_modified: `20${n(10, 24)}-0${n(1, 9)}-${n(10, 28)}`,
      entrez_id: geneId(g),
      ensembl_gene_id: group === 'other' ? '' : ensembl('G', g),
      vega_id: `OTTHUMG${pad(g, 11)}`,
      ena: quoted(draw.times(n(0, 3), (k) => embl(g * 3 + k))),
      refseq_accession: coding ? refseq('NM', g, n(1, 9)).replace(/\.\d+$/, '') : '',
      uniprot_ids: coding ? quoted(draw.times(n(1, 2), (k) => accession(g * 2 + k))) : '',
      pubmed_id: quoted(draw.times(n(0, 3), () => String(n(1e6, 3.9e7)))),
      mgd_id: coding ? quoted(draw.times(n(1, 2), () => `MGI:${n(1e5, 7e6)}`)) : '',
      rgd_id: coding ? `RGD:${n(1000, 9e6)}` : '',
      omim_id: coding && draw.chance(0.6) ? mim(g) : '',
      agr: `HGNC:${g + 5}`,
      mane_select: coding ? `"${ensembl('T', g)}.${n(1, 12)}|${refseq('NM', g, n(1, 9))}"` : '',
    };
    out.row(header.map((name) => cells[name] ?? '').join('\t'));
  }
}

/** Gene stable ID, Transcript stable ID, HGNC symbol, Gene name, Gene description. */
export function biomartRows(out: LineFile, draw: Draw): void {
  for (let g = 0; !out.full; g++) {
    const named = g % 10 < 7;
    const gene = named ? symbol(g) : '';
    const description = named ? `${words(draw, 2, 7)} [Source:HGNC Symbol;Acc:HGNC:${g + 5}]` : '';
    for (let k = draw.int(1, 6); k > 0 && !out.full; k--) {
      out.row([ensembl('G', g), ensembl('T', g * 6 + k), gene, gene, description].join('\t'));
    }
  }
}

const CLOSE = ['skos:closeMatch', 'skos:narrowMatch', 'skos:broadMatch'];
const CURATORS = ['0000-0001-9439-5346', '0000-0003-1307-2508', '0000-0003-4423-4370'];

/** Biomappings' shape: chebi→mesh, mesh→hgnc and mesh→uniprot pairs, mostly exact matches. */
export function sssomRows(out: LineFile, draw: Draw): void {
  for (let m = 0; !out.full; m++) {
    const label = words(draw, 1, 3);
    const meshId = `mesh:${draw.chance(0.7) ? 'C' : 'D'}${pad(m, 9)}`;
    const kind = m % 20;
    const [subject, object, objectLabel] =
      kind < 11
        ? [`chebi:${m + 10_000}`, meshId, label]
        : kind < 15
          ? [meshId, `hgnc:${m + 5}`, symbol(m)]
          : [meshId, `uniprot:${accession(m)}`, symbol(m)];
    out.row(
      [
        subject,
        kind < 11 ? label : `${symbol(m)} protein, human`,
        draw.chance(0.95) ? 'skos:exactMatch' : draw.pick(CLOSE),
        object,
        objectLabel,
        draw.chance(0.9) ? 'semapv:ManualMappingCuration' : 'semapv:LexicalMatching',
        `orcid:${draw.pick(CURATORS)}`,
        '',
        '',
        '',
        draw.chance(0.1) ? `202${draw.int(0, 6)}-0${draw.int(1, 9)}-1${draw.int(0, 9)}` : '',
      ].join('\t'),
    );
  }
}

/** A CAS Registry Number with its check digit (`58-08-2`). */
function cas(n: number): string {
  const digits = String(50 + n * 7);
  const body = `${digits}${pad(n % 100, 2)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i + 1);
  return `${digits}-${pad(n % 100, 2)}-${sum % 10}`;
}

/** [SOURCE, TYPE, the accession of compound c] as ChEBI writes them. */
const ACCESSIONS: [string, string, (c: number, draw: Draw) => string][] = [
  ['KEGG COMPOUND', 'CAS Registry Number', (c) => cas(c)],
  ['ChemIDplus', 'CAS Registry Number', (c) => cas(c)],
  ['KEGG COMPOUND', 'KEGG COMPOUND accession', (c) => `C${pad(c % 99_999, 5)}`],
  ['KEGG DRUG', 'KEGG DRUG accession', (c) => `D${pad(c % 99_999, 5)}`],
  ['HMDB', 'HMDB accession', (c) => `HMDB${pad(c, 7)}`],
  ['DrugBank', 'DrugBank accession', (c) => `DB${pad(c % 99_999, 5)}`],
  ['PubChem', 'Pubchem accession', (c) => String(c * 3 + 1)],
  ['Wikipedia', 'Wikipedia accession', (_c, draw) => words(draw, 1, 2).replace(' ', '_')],
  ['LIPID MAPS', 'LIPID MAPS instance accession', (c) => `LMFA${pad(c % 1e8, 8)}`],
  ['MetaCyc', 'MetaCyc accession', (c) => `CPD-${c}`],
  ['Beilstein', 'Beilstein Registry Number', (c) => String(1_700_000 + c)],
  ['Reaxys', 'Reaxys Registry Number', (c) => String(2_000_000 + c)],
];

/** database_accession.tsv: ID, COMPOUND_ID, SOURCE, TYPE, ACCESSION_NUMBER (long form). */
export function chebiAccessionRows(out: LineFile, draw: Draw): void {
  for (let c = 1; !out.full; c++) {
    for (let k = draw.int(1, 8); k > 0 && !out.full; k--) {
      const [source, type, id] = draw.pick(ACCESSIONS);
      out.row([out.rows + 1, c * 3 + 15_000, source, type, id(c, draw)].join('\t'));
    }
  }
}

const NAME_TYPES = ['SYNONYM', 'SYNONYM', 'SYNONYM', 'IUPAC NAME', 'INN', 'BRAND NAME'];
const NAME_SOURCES = ['ChEBI', 'IUPAC', 'KEGG COMPOUND', 'ChemIDplus', 'DrugBank', 'SUBMITTER'];
const PARTS = ['methyl', 'ethyl', 'hydroxy', 'amino', 'chloro', 'oxo', 'phenyl', 'benzo'];
const TAILS = ['ic acid', 'ate', 'ine', 'ol', 'one', 'amide', ' glucoside', 'yl phosphate'];

/** names.tsv: ID, COMPOUND_ID, TYPE, SOURCE, NAME, ADAPTED, LANGUAGE. */
export function chebiNamesRows(out: LineFile, draw: Draw): void {
  for (let c = 1; !out.full; c++) {
    for (let k = draw.int(1, 5); k > 0 && !out.full; k--) {
      const type = draw.pick(NAME_TYPES);
      const name = `${draw.int(1, 9)}-${draw.pick(PARTS)}-${c % 97}-${draw.pick(PARTS)}${draw.pick(PARTS)}${draw.pick(TAILS)}`;
      const language = type === 'INN' ? draw.pick(['en', 'la', 'de', 'fr', 'es']) : 'en';
      const row = [out.rows + 1, c * 3 + 15_000, type, draw.pick(NAME_SOURCES), name];
      out.row([...row, draw.chance(0.1) ? 'T' : 'F', language].join('\t'));
    }
  }
}
