/**
 * The bundled org.Hs.eg.db tables: which files ship, their column types and provenance. Shared by
 * `build-data.ts` (public/data) and `make-fixtures.ts` (tests/fixtures), so both catalogs agree.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { CatalogColumn, CatalogTable } from '../workers/engine/tables/catalog';

export const CATALOG_VERSION = 'org.Hs.eg.db-3.16.0';

/** `../shared/data/org-hs-eg` relative to the repository, unless `CROSSWALK_SOURCE_DATA` says otherwise. */
export function sourceDir(repoRoot: string): string {
  return resolve(repoRoot, process.env.CROSSWALK_SOURCE_DATA ?? '../shared/data/org-hs-eg');
}

interface Provenance {
  source: string;
  date: string;
  licence: string;
}

const PACKAGE = 'Bioconductor org.Hs.eg.db 3.16.0';
const NCBI: Provenance = {
  source: `${PACKAGE} (NCBI Entrez Gene)`,
  date: '2022-09-12',
  licence: 'Artistic-2.0 package; NCBI Gene public domain',
};
const UNIPROT: Provenance = {
  source: `${PACKAGE} (UniProt)`,
  date: '2022-09-23',
  licence: 'Artistic-2.0 package; UniProt CC BY 4.0',
};
const ENSEMBL: Provenance = {
  source: `${PACKAGE} (Ensembl)`,
  date: '2022-06-28',
  licence: 'Artistic-2.0 package; Ensembl CC BY 4.0',
};
const GO: Provenance = {
  source: `${PACKAGE} (Gene Ontology)`,
  date: '2022-07-01',
  licence: 'Artistic-2.0 package; GO CC BY 4.0',
};
/** GO.db's own tables (terms, secondary ids), as opposed to org.Hs.eg.db's annotations. */
export const GO_DB: Provenance = { ...GO, source: 'Bioconductor GO.db 3.16.0 (Gene Ontology)' };

/** A catalog entry before the file-dependent fields (file, hash, bytes, rows) are known. */
export type TableSpec = Omit<CatalogTable, 'file' | 'hash' | 'bytes' | 'rows'>;

const col = (name: string, type?: string): CatalogColumn => (type ? { name, type } : { name });
const toEntrez = (name: string, type: string): CatalogColumn[] => [
  col(name, type),
  col('entrez_id', 'entrez'),
];

export const TABLES: TableSpec[] = [
  {
    name: 'genes',
    organism: 'human',
    label: 'Genes (NCBI Entrez Gene)',
    columns: [col('entrez_id', 'entrez'), col('symbol', 'symbol'), col('name'), col('gene_type')],
    ...NCBI,
  },
  {
    name: 'alias',
    organism: 'human',
    label: 'Gene symbol aliases',
    columns: [col('alias', 'symbol'), col('entrez_id', 'entrez')],
    priority: 1,
    matchLabel: 'alias',
    ...NCBI,
  },
  {
    name: 'uniprot',
    organism: 'human',
    label: 'UniProt accessions',
    columns: toEntrez('uniprot', 'uniprot'),
    ...UNIPROT,
  },
  {
    name: 'ensembl_gene',
    organism: 'human',
    label: 'Ensembl genes',
    columns: toEntrez('ensembl_gene', 'ensembl_gene'),
    ...ENSEMBL,
  },
  {
    name: 'ensembl_protein',
    organism: 'human',
    label: 'Ensembl proteins',
    columns: toEntrez('ensembl_protein', 'ensembl_protein'),
    ...ENSEMBL,
  },
  {
    name: 'ensembl_transcript',
    organism: 'human',
    label: 'Ensembl transcripts',
    columns: toEntrez('ensembl_transcript', 'ensembl_transcript'),
    ...ENSEMBL,
  },
  {
    name: 'refseq',
    organism: 'human',
    label: 'RefSeq accessions',
    columns: toEntrez('refseq', 'refseq'),
    ...NCBI,
  },
  {
    name: 'omim',
    organism: 'human',
    label: 'OMIM entries',
    columns: toEntrez('omim', 'omim'),
    ...NCBI,
  },
  {
    name: 'go',
    organism: 'human',
    label: 'Gene Ontology annotations',
    // Many-valued by nature (#16): a gene's GO terms, and a term's genes, are all meant.
    columns: [
      { ...col('entrez_id', 'entrez'), manyValued: true },
      { ...col('go_id', 'go'), manyValued: true },
      col('evidence'),
      col('ontology'),
    ],
    ...GO,
  },
  {
    name: 'go_terms',
    organism: 'human',
    label: 'Gene Ontology terms',
    columns: [col('go_id', 'go'), col('term', 'go_term'), col('ontology')],
    ...GO_DB,
  },
];

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Number of CSV records after the header (newlines inside quoted fields do not count). */
export function countDataRows(text: string): number {
  let records = 0;
  let quoted = false;
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    if (c === 10 /* \n */ && !quoted) {
      if (pending) records++;
      pending = false;
    } else if (c !== 13 /* \r */) {
      pending = true;
    }
  }
  if (pending) records++;
  return Math.max(0, records - 1);
}

/** Builds a full catalog entry for `spec` from the bytes of the file as shipped. */
export function catalogEntry(
  spec: TableSpec,
  file: string,
  bytes: Uint8Array,
  text: string,
): CatalogTable {
  const { name, label, columns, priority, matchLabel, delimiter, source, date, licence } = spec;
  const { pack, organism, enabled, history } = spec;
  return {
    name,
    label,
    file,
    hash: sha256Hex(bytes),
    bytes: bytes.byteLength,
    rows: countDataRows(text),
    columns,
    ...(priority !== undefined && { priority }),
    ...(matchLabel !== undefined && { matchLabel }),
    ...(delimiter !== undefined && { delimiter }),
    source,
    date,
    licence,
    ...(pack !== undefined && { pack }),
    ...(organism !== undefined && { organism }),
    ...(enabled !== undefined && { enabled }),
    ...(history !== undefined && { history }),
  };
}
