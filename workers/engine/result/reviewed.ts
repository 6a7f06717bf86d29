/**
 * Which targets are reviewed UniProt entries (Swiss-Prot), as a table says: the bundled
 * `uniprot_reviewed`, or a `Reviewed` or `Status` column (`reviewed` / `unreviewed`) of a UniProt
 * download you add. Read like an attribute column, per distinct target.
 */
import type { AttributeRef, PackedStrings } from '../../api';
import { REVIEWED, REVIEW_UNKNOWN, UNREVIEWED } from '../../common/codes';
import type { RegisteredTable } from '../plan/type-graph';
import { attributesFor, attributeValues, type AttributeSource } from './attributes';

/** The names UniProt gives the column in its downloads (older ones say `Status`). */
const REVIEW_COLUMN = /^(reviewed|status)$/i;
const decoder = new TextDecoder();

/** The enabled tables' columns that say whether a target of this type is reviewed. */
export function reviewRefs(tables: RegisteredTable[], target: string): AttributeRef[] {
  return attributesFor(tables, target).filter((ref) => REVIEW_COLUMN.test(ref.column));
}

/** Per distinct target: REVIEWED or UNREVIEWED as the first source that knows it says, else unknown. */
export function reviewFlags(sources: AttributeSource[], targets: PackedStrings): Uint8Array {
  const flags = new Uint8Array(targets.offsets.length - 1);
  for (const source of sources) {
    const values = attributeValues(source, targets);
    for (let t = 0; t < flags.length; t++) {
      if (flags[t] !== REVIEW_UNKNOWN) continue;
      const start = values.offsets[t];
      const end = values.offsets[t + 1];
      if (start === end) continue;
      // Several rows for one entry are joined by "; ": any `reviewed` one makes it reviewed.
      const said = decoder.decode(values.bytes.subarray(start, end)).toLowerCase().split('; ');
      if (said.includes('reviewed')) flags[t] = REVIEWED;
      else if (said.includes('unreviewed')) flags[t] = UNREVIEWED;
    }
  }
  return flags;
}
