/**
 * Rows of NCBI Gene's files for the formats bench, shaped after the human rows of gene_info,
 * gene2ensembl and gene2accession (`-` for nothing, `|` lists) and the all-taxa gene_history.
 */
import type { LineFile } from './line-file';
import type { Draw } from './synthetic-ids';
import { embl, emblCds, ensembl, geneId, mim, refseq, symbol, words } from './synthetic-ids';

const KINDS = ['protein-coding', 'ncRNA', 'pseudo', 'snoRNA', 'unknown'];
const chromosome = (draw: Draw) => String(draw.int(1, 22));
const date = (draw: Draw, from: number) =>
  `${draw.int(from, 2024)}${String(draw.int(1, 12)).padStart(2, '0')}${String(draw.int(1, 28)).padStart(2, '0')}`;

/** gene_info: 16 columns; protein-coding genes with full dbXrefs, the others sparser. */
export function geneInfoRows(out: LineFile, draw: Draw): void {
  for (let g = 0; !out.full; g++) {
    const kind = g % 10 < 4 ? KINDS[0] : draw.pick(KINDS);
    const gene = symbol(g);
    const named = kind !== 'unknown';
    const xrefs = [
      ...(kind === KINDS[0] ? [`MIM:${mim(g)}`] : []),
      ...(named ? [`HGNC:HGNC:${g + 5}`] : []),
      ...(kind !== 'pseudo' || draw.chance(0.5) ? [`Ensembl:${ensembl('G', g)}`] : []),
      ...(kind === 'ncRNA' && draw.chance(0.2) ? [`miRBase:MI${String(g).padStart(7, '0')}`] : []),
      ...(named ? [`AllianceGenome:HGNC:${g + 5}`] : []),
    ];
    const synonyms = draw.times(draw.int(0, 4), (k) => `${gene}P${k + 1}`);
    const chr = chromosome(draw);
    const name = words(draw, 2, 6);
    const designations = draw.times(draw.int(0, 3), () => words(draw, 2, 5));
    out.row(
      [
        '9606',
        geneId(g),
        gene,
        '-',
        synonyms.join('|') || '-',
        xrefs.join('|') || '-',
        chr,
        `${chr}q${draw.int(11, 36)}.${draw.int(1, 3)}`,
        name,
        kind,
        named ? gene : '-',
        named ? name : '-',
        named ? 'O' : '-',
        designations.join('|') || '-',
        date(draw, 2015),
        '-',
      ].join('\t'),
    );
  }
}

/** gene2ensembl (current header): one row per transcript and its protein. */
export function gene2ensemblRows(out: LineFile, draw: Draw): void {
  for (let g = 0; !out.full; g++) {
    const coding = g % 10 < 7;
    for (let k = draw.int(1, 4); k > 0 && !out.full; k--) {
      const t = g * 4 + k;
      const predicted = draw.chance(0.3);
      out.row(
        [
          '9606',
          geneId(g),
          ensembl('G', g),
          refseq(coding ? (predicted ? 'XM' : 'NM') : 'NR', t, draw.int(1, 9)),
          `${ensembl('T', t)}.${draw.int(1, 12)}`,
          coding ? refseq(predicted ? 'XP' : 'NP', t, draw.int(1, 4)) : '-',
          coding ? `${ensembl('P', t)}.${draw.int(1, 6)}` : '-',
        ].join('\t'),
      );
    }
  }
}

const STATUSES = ['REVIEWED', 'VALIDATED', 'PROVISIONAL', 'PREDICTED', 'INFERRED', '-'];

/** gene2accession: RefSeq rows on the reference assembly, and GenBank rows with no position. */
export function gene2accessionRows(out: LineFile, draw: Draw): void {
  for (let g = 0; !out.full; g++) {
    const gene = symbol(g);
    const start = draw.int(10_000, 240_000_000);
    const contig = `NC_0000${String(draw.int(1, 24)).padStart(2, '0')}.${draw.int(9, 12)}`;
    for (let k = draw.int(1, 6); k > 0 && !out.full; k--) {
      const t = g * 6 + k;
      const refSeqRow = draw.chance(0.6);
      const status = refSeqRow ? draw.pick(STATUSES.slice(0, 5)) : '-';
      const predicted = status === 'PREDICTED';
      const placed = refSeqRow
        ? [
            contig,
            '-',
            String(start),
            String(start + draw.int(500, 200_000)),
            draw.pick(['+', '-']),
          ]
        : ['-', '-', '-', '-', '?'];
      out.row(
        [
          '9606',
          geneId(g),
          status,
          refSeqRow ? refseq(predicted ? 'XM' : 'NM', t, draw.int(1, 9)) : `${embl(t)}.1`,
          '-',
          refSeqRow ? refseq(predicted ? 'XP' : 'NP', t, draw.int(1, 4)) : emblCds(t),
          '-',
          ...placed,
          refSeqRow ? 'Reference GRCh38.p14 Primary Assembly' : '-',
          '-',
          '-',
          gene,
        ].join('\t'),
      );
    }
  }
}

const TAXA = ['9606', '10090', '10116', '7955', '7227', '3702', '208964', '559292'];

/** gene_history (all taxa): mostly withdrawn ids (`-`), some replaced by a current GeneID. */
export function geneHistoryRows(out: LineFile, draw: Draw): void {
  for (let g = 0; !out.full; g++) {
    const current = draw.chance(0.15) ? geneId(1_000_000 + draw.int(0, 999_999)) : '-';
    out.row(
      [
        draw.pick(TAXA),
        current,
        String(2 + g * 37),
        draw.chance(0.7) ? `LOC${100_000_000 + g}` : symbol(g),
        date(draw, 2003),
      ].join('\t'),
    );
  }
}
