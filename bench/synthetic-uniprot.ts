/**
 * Rows of UniProt's files for the formats bench, shaped after its human downloads: one entry in
 * ten reviewed (rich cross-references), the others unreviewed (sparse), as in UniProt's human
 * files (some 20,000 Swiss-Prot entries among about 200,000).
 */
import type { LineFile } from './line-file';
import type { Draw } from './synthetic-ids';
import {
  accession,
  embl,
  emblCds,
  ensembl,
  geneId,
  goTerm,
  letters,
  mim,
  pad,
  pdb,
  refseq,
  symbol,
  tremblAccession,
  uniparc,
  words,
} from './synthetic-ids';

const isReviewed = (e: number) => e % 10 === 0;
/** Reviewed entries have 6-character accessions; unreviewed ones nearly all `A0A…` ones. */
const entryAccession = (e: number) => (isReviewed(e) ? accession(e) : tremblAccession(e));
const entryName = (e: number) => `${isReviewed(e) ? symbol(e) : entryAccession(e)}_HUMAN`;

/** idmapping.dat: (accession, ID_type, ID) rows, each entry's in UniProt's order of types. */
export function idmappingRows(out: LineFile, draw: Draw): void {
  for (let e = 0; !out.full; e++) {
    const ac = entryAccession(e);
    const add = (type: string, ids: string[]) => {
      for (const id of ids) out.row(`${ac}\t${type}\t${id}`);
    };
    const n = (min: number, max: number) => draw.int(min, max);
    const reviewed = isReviewed(e);
    const transcripts = reviewed ? n(1, 4) : n(0, 1);
    add('UniProtKB-ID', [entryName(e)]);
    if (reviewed || draw.chance(0.6)) add('Gene_Name', [symbol(e)]);
    if (reviewed)
      add(
        'Gene_Synonym',
        draw.times(n(0, 3), (k) => `${symbol(e)}L${k}`),
      );
    add(
      'GI',
      draw.times(n(1, 4), () => String(n(1e6, 2e9))),
    );
    add('UniRef100', [`UniRef100_${ac}`]);
    add('UniRef90', [`UniRef90_${ac}`]);
    add('UniRef50', [`UniRef50_${accession(e - (e % 8))}`]);
    add('UniParc', [uniparc(e)]);
    const cds = n(1, reviewed ? 5 : 2);
    add(
      'EMBL',
      draw.times(cds, (k) => embl(e * 5 + k)),
    );
    add(
      'EMBL-CDS',
      draw.times(cds, (k) => emblCds(e * 5 + k)),
    );
    add('NCBI_TaxID', ['9606']);
    if (reviewed) {
      add(
        'RefSeq',
        draw.times(transcripts, (k) => refseq('NP', e * 4 + k, n(1, 4))),
      );
      add(
        'RefSeq_NT',
        draw.times(transcripts, (k) => refseq('NM', e * 4 + k, n(1, 9))),
      );
      add('GeneID', [geneId(e)]);
      add('HGNC', [`HGNC:${e + 5}`]);
      add(
        'MIM',
        draw.times(n(0, 2), (k) => mim(e * 2 + k)),
      );
    }
    if (transcripts > 0) {
      add('Ensembl', [ensembl('G', e)]);
      add(
        'Ensembl_TRS',
        draw.times(transcripts, (k) => `${ensembl('T', e * 4 + k)}.${n(1, 9)}`),
      );
      add(
        'Ensembl_PRO',
        draw.times(transcripts, (k) => `${ensembl('P', e * 4 + k)}.${n(1, 5)}`),
      );
    }
    add(
      'GO',
      draw.times(reviewed ? n(3, 25) : n(0, 4), () => goTerm(draw)),
    );
    if (reviewed) {
      add(
        'PDB',
        draw.times(draw.chance(0.3) ? n(1, 8) : 0, () => pdb(draw)),
      );
      add('BioGRID', [String(100_000 + e)]);
      add('STRING', [`9606.${ensembl('P', e * 4)}`]);
      add('KEGG', [`hsa:${geneId(e)}`]);
      if (draw.chance(0.2)) add('ChEMBL', [`CHEMBL${1_000_000 + e}`]);
      add(
        'Reactome',
        draw.times(n(0, 3), () => `R-HSA-${n(100_000, 9_999_999)}`),
      );
      add('eggNOG', [`KOG${pad(e % 9999, 4)}`]);
      add('GeneTree', [`ENSGT${pad(e % 99_999, 11)}`]);
      add('OrthoDB', [`${n(1, 999_999)}at2759`]);
      add('OMA', [letters(e * 7919, 7)]);
    }
    add('CRC64', [(e * 2_654_435_761).toString(16).toUpperCase().padStart(16, '0').slice(-16)]);
  }
}

/** idmapping_selected.tab: 22 columns, no header, lists joined by `; `. */
export function selectedRows(out: LineFile, draw: Draw): void {
  const list = (items: string[]) => items.join('; ');
  for (let e = 0; !out.full; e++) {
    const ac = accession(e);
    const reviewed = isReviewed(e);
    const n = (min: number, max: number) => draw.int(min, max);
    const transcripts = reviewed ? n(1, 4) : draw.chance(0.3) ? 1 : 0;
    const cds = n(1, reviewed ? 4 : 2);
    const cells = [
      ac,
      entryName(e),
      reviewed || draw.chance(0.5) ? geneId(e) : '',
      reviewed ? list(draw.times(transcripts, (k) => refseq('NP', e * 4 + k, n(1, 4)))) : '',
      list(draw.times(n(1, 3), () => String(n(1e6, 2e9)))),
      reviewed && draw.chance(0.3) ? list(draw.times(n(1, 6), () => pdb(draw))) : '',
      list(draw.times(reviewed ? n(3, 25) : n(0, 4), () => goTerm(draw))),
      `UniRef100_${ac}`,
      `UniRef90_${ac}`,
      `UniRef50_${accession(e - (e % 8))}`,
      uniparc(e),
      reviewed && draw.chance(0.2) ? `A${n(10_000, 99_999)}` : '',
      '9606',
      reviewed ? list(draw.times(n(0, 2), (k) => mim(e * 2 + k))) : '',
      '',
      list(draw.times(reviewed ? n(1, 6) : n(0, 1), () => String(n(1e6, 3.9e7)))),
      list(draw.times(cds, (k) => embl(e * 5 + k))),
      list(draw.times(cds, (k) => emblCds(e * 5 + k))),
      transcripts > 0 ? ensembl('G', e) : '',
      list(draw.times(transcripts, (k) => ensembl('T', e * 4 + k))),
      list(draw.times(transcripts, (k) => ensembl('P', e * 4 + k))),
      '',
    ];
    out.row(cells.join('\t'));
  }
}

/** A REST TSV download: Entry … HGNC, cross-references as `;`-terminated lists with isoforms. */
export function uniprotTsvRows(out: LineFile, draw: Draw): void {
  const list = (items: string[]) => items.map((id) => `${id};`).join('');
  for (let e = 0; !out.full; e++) {
    const ac = accession(e);
    const reviewed = isReviewed(e);
    const n = (min: number, max: number) => draw.int(min, max);
    const transcripts = reviewed ? n(1, 4) : n(0, 1);
    const isoform = (k: number) => (transcripts > 1 ? ` [${ac}-${k + 1}]` : '');
    const gene = symbol(e);
    const synonyms = draw.times(n(0, 3), (k) => `${gene}L${k}`);
    const name = words(draw, 2, 6);
    out.row(
      [
        ac,
        reviewed ? 'reviewed' : 'unreviewed',
        entryName(e),
        draw.chance(0.4) ? `${name} (${words(draw, 1, 4)}) (${gene})` : name,
        [gene, ...synonyms].join(' '),
        gene,
        'Homo sapiens (Human)',
        '9606',
        String(n(50, 3000)),
        reviewed || draw.chance(0.5) ? `${geneId(e)};` : '',
        list(draw.times(transcripts, (k) => `${ensembl('T', e * 4 + k)}.${n(1, 9)}${isoform(k)}`)),
        list(draw.times(transcripts, (k) => `${refseq('NP', e * 4 + k, n(1, 4))}${isoform(k)}`)),
        reviewed ? `HGNC:${e + 5};` : '',
      ].join('\t'),
    );
  }
}
