/** Names a pair's match: the path's fallback tables (e.g. `alias`) plus each relaxation applied. */
import {
  MATCH_CASE,
  MATCH_COMPOSITE,
  MATCH_CONTAMINANT,
  MATCH_FASTA,
  MATCH_GROUP,
  MATCH_ISOFORM,
  MATCH_PAR_Y,
  MATCH_PREFIX,
  MATCH_RETIRED,
  MATCH_SECONDARY,
  MATCH_TRIMMED,
  MATCH_VERSION,
} from '../ids/id-types';

const BIT_NAMES: [number, string][] = [
  [MATCH_GROUP, 'group'],
  [MATCH_RETIRED, 'retired'],
  [MATCH_SECONDARY, 'secondary'],
  [MATCH_TRIMMED, 'trimmed'],
  [MATCH_CONTAMINANT, 'contaminant'],
  [MATCH_FASTA, 'fasta-header'],
  [MATCH_PAR_Y, 'par-y'],
  [MATCH_PREFIX, 'prefix-stripped'],
  [MATCH_CASE, 'case-insensitive'],
  [MATCH_VERSION, 'version-stripped'],
  [MATCH_ISOFORM, 'isoform-stripped'],
  [MATCH_COMPOSITE, 'composite'],
];

export class MatchTypes {
  readonly names: string[] = [];
  readonly #index = new Map<string, number>();

  /** Index of the match type for these path labels and bits, e.g. `alias+case-insensitive`. */
  of(labels: string[], bits: number): number {
    const parts = [...labels];
    for (const [bit, name] of BIT_NAMES) if (bits & bit) parts.push(name);
    const name = parts.length === 0 ? 'exact' : parts.join('+');
    let index = this.#index.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.#index.set(name, index);
    }
    return index;
  }
}
