/**
 * Recognises the field's standard mapping files (UniProt, NCBI Gene, HGNC, Ensembl BioMart,
 * SSSOM, ChEBI; issue #14) from the start of the file alone — its header and first rows, never a
 * file name — and proposes the table spec that reads each as its publisher means it.
 */
import type { FormatProposal } from '../../api';
import { recogniseBiomart } from './biomart';
import { recogniseChebi } from './chebi';
import { readHead, type FileHead } from './head';
import { recogniseHgnc } from './hgnc';
import { recogniseNcbi } from './ncbi';
import { recogniseSssom } from './sssom';
import { recogniseIdmapping } from './uniprot-idmapping';
import { recogniseIdmappingSelected } from './uniprot-selected';
import { recogniseUniprotTsv } from './uniprot-tsv';

/** Files with a header of their own first; the headerless UniProt files, known by their ids, last. */
const RECOGNISERS: ((head: FileHead) => FormatProposal | undefined)[] = [
  recogniseNcbi,
  recogniseSssom,
  recogniseHgnc,
  recogniseChebi,
  recogniseUniprotTsv,
  recogniseBiomart,
  recogniseIdmapping,
  recogniseIdmappingSelected,
];

/**
 * The format of a file from `head`, its decoded start cut at a complete line (up to 256 KB, or the
 * whole file), and `fileBytes`, the file's size (the head is the whole file when it is as long).
 * Undefined: a generic table.
 */
export function recogniseFormat(head: string, fileBytes: number): FormatProposal | undefined {
  const file = readHead(head, fileBytes);
  if (file.lines.length === 0) return undefined;
  for (const recognise of RECOGNISERS) {
    const proposal = recognise(file);
    if (proposal) return proposal;
  }
  return undefined;
}
