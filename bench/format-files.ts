/**
 * The files of the formats bench: per recognised format, the excerpts in tests/fixtures/formats
 * and a synthetic file of many rows written like them — the excerpt's own header (or none),
 * then rows from the format's generator.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TableFormatId } from '../workers/api';
import { LineFile } from './line-file';
import { Draw } from './synthetic-ids';
import {
  geneHistoryRows,
  gene2accessionRows,
  gene2ensemblRows,
  geneInfoRows,
} from './synthetic-ncbi';
import {
  biomartRows,
  chebiAccessionRows,
  chebiNamesRows,
  hgncRows,
  sssomRows,
} from './synthetic-others';
import { idmappingRows, selectedRows, uniprotTsvRows } from './synthetic-uniprot';

export const FIXTURES = fileURLToPath(new URL('../tests/fixtures/formats/', import.meta.url));

export interface FormatFile {
  format: TableFormatId;
  /** The excerpts of the format in tests/fixtures/formats; `real` ones were copied verbatim. */
  excerpts: { file: string; real: boolean }[];
  /**
   * What the synthetic file copies from `excerpt` before its rows: its `#` lines and header line
   * (`header`), its `#` lines only (NCBI, whose header is a `#` line), or nothing (headerless).
   */
  head: { excerpt: string; through: 'header' | 'comments' } | null;
  eol?: '\r\n';
  rows: (out: LineFile, draw: Draw, header: string[]) => void;
}

const real = (file: string) => ({ file, real: true });
const written = (file: string) => ({ file, real: false });

export const FORMAT_FILES: FormatFile[] = [
  {
    format: 'uniprot-idmapping',
    excerpts: [real('uniprot_idmapping.dat')],
    head: null,
    rows: idmappingRows,
  },
  {
    format: 'uniprot-selected',
    excerpts: [written('uniprot_idmapping_selected.tab')],
    head: null,
    rows: selectedRows,
  },
  {
    format: 'uniprot-tsv',
    excerpts: [real('uniprot_tsv.tsv'), written('uniprot_rest.tsv')],
    head: { excerpt: 'uniprot_rest.tsv', through: 'header' },
    rows: uniprotTsvRows,
  },
  {
    format: 'ncbi-gene-info',
    excerpts: [real('ncbi_gene_info.tsv'), written('ncbi_gene_info_human.tsv')],
    head: { excerpt: 'ncbi_gene_info_human.tsv', through: 'comments' },
    rows: geneInfoRows,
  },
  {
    format: 'ncbi-gene2ensembl',
    excerpts: [real('ncbi_gene2ensembl.tsv'), written('ncbi_gene2ensembl_current.tsv')],
    head: { excerpt: 'ncbi_gene2ensembl_current.tsv', through: 'comments' },
    rows: gene2ensemblRows,
  },
  {
    format: 'ncbi-gene2accession',
    excerpts: [written('ncbi_gene2accession.tsv')],
    head: { excerpt: 'ncbi_gene2accession.tsv', through: 'comments' },
    rows: gene2accessionRows,
  },
  {
    format: 'ncbi-gene-history',
    excerpts: [real('ncbi_gene_history.tsv')],
    head: { excerpt: 'ncbi_gene_history.tsv', through: 'comments' },
    rows: geneHistoryRows,
  },
  {
    format: 'hgnc-complete-set',
    excerpts: [real('hgnc_complete_set.txt')],
    head: { excerpt: 'hgnc_complete_set.txt', through: 'header' },
    rows: hgncRows,
  },
  {
    format: 'biomart',
    excerpts: [real('biomart.txt'), written('biomart_versions.txt')],
    head: { excerpt: 'biomart.txt', through: 'header' },
    rows: biomartRows,
  },
  {
    format: 'sssom',
    excerpts: [real('sssom.tsv')],
    head: { excerpt: 'sssom.tsv', through: 'header' },
    eol: '\r\n',
    rows: sssomRows,
  },
  {
    format: 'chebi-accession',
    excerpts: [written('chebi_database_accession.tsv')],
    head: { excerpt: 'chebi_database_accession.tsv', through: 'header' },
    rows: chebiAccessionRows,
  },
  {
    format: 'chebi-names',
    excerpts: [written('chebi_names.tsv')],
    head: { excerpt: 'chebi_names.tsv', through: 'header' },
    rows: chebiNamesRows,
  },
];

/** Writes the synthetic file of `spec` with `rows` data rows to `path`; returns its size. */
export function writeSynthetic(spec: FormatFile, path: string, rows: number): number {
  const out = new LineFile(path, rows, spec.eol);
  let header: string[] = [];
  if (spec.head) {
    const { text, lastLine } = excerptHead(spec.head.excerpt, spec.head.through);
    out.head(text);
    header = lastLine.split('\t');
  }
  spec.rows(out, new Draw(0x5eed + rows), header);
  out.close();
  return out.bytes;
}

/** The excerpt's leading `#` lines (and its header line), line ends as in the file. */
function excerptHead(file: string, through: 'header' | 'comments') {
  const text = readFileSync(`${FIXTURES}${file}`, 'utf8');
  let end = 0;
  let lastLine = '';
  for (;;) {
    const next = text.indexOf('\n', end) + 1;
    const line = text.slice(end, next).replace(/\r?\n$/, '');
    const comment = line.startsWith('#');
    if (!comment && through === 'comments') break;
    end = next;
    lastLine = line;
    if (!comment) break;
  }
  return { text: text.slice(0, end), lastLine };
}
