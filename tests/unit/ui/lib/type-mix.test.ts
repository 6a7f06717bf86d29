import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../../workers/api';
import { NO_TYPE, STATUS_MAPPED, STATUS_UNMAPPED } from '../../../../workers/common/codes';
import { tallyInputs } from '../../../../src/lib/tally';
import {
  detectionAmbiguityHint,
  detectionMixHint,
  mixWords,
  sourceMixLine,
} from '../../../../src/lib/type-mix';
import { makeResult } from '../make-result';

const LABELS: Record<string, string> = {
  symbol: 'Gene symbol',
  uniprot: 'UniProt accession',
  ensembl_gene: 'Ensembl gene',
  entrez: 'NCBI Gene',
};
const typeLabel = (type: string) => LABELS[type] ?? type;

function detection(fields: Partial<Detection>): Detection {
  return {
    type: 'symbol',
    share: 1,
    counts: {},
    mix: {},
    unrecognised: 0,
    ambiguous: 0,
    sampled: 0,
    ...fields,
  };
}

describe('tallyInputs', () => {
  it('counts inputs, duplicates included, by the code of their key', () => {
    // Inputs 0..4 are keys 0, 1, 0, 2, 2; keys carry codes 3, 0, 3: code 3 → inputs 0, 2, 3, 4.
    const counts = tallyInputs(Int32Array.of(0, 1, 0, 2, 2), Uint8Array.of(3, 0, 3), 4);
    expect(Array.from(counts)).toEqual([1, 0, 0, 4]);
  });

  it('leaves out codes at or past the size', () => {
    const counts = tallyInputs(Int32Array.of(0, 1), Uint16Array.of(1, 7), 2);
    expect(Array.from(counts)).toEqual([0, 1]);
  });
});

describe('mixWords', () => {
  it('puts the most ids first, ties by label, and no-type ids last', () => {
    const words = mixWords(
      [
        { label: 'UniProt accession', count: 12 },
        { label: 'Ensembl gene', count: 3 },
        { label: 'Gene symbol', count: 41 },
        { label: 'RefSeq', count: 3 },
        { label: 'OMIM', count: 0 },
      ],
      50,
    );
    expect(words).toBe(
      '41 Gene symbol, 12 UniProt accession, 3 Ensembl gene, 3 RefSeq, 50 not recognised',
    );
  });

  it('writes large counts with separators and leaves out zero no-type ids', () => {
    expect(mixWords([{ label: 'Gene symbol', count: 12345 }], 0)).toBe('12,345 Gene symbol');
  });
});

describe('detectionMixHint', () => {
  const mixed = detection({
    mix: { uniprot: 12, symbol: 41, ensembl_gene: 3 },
    unrecognised: 2,
    sampled: 58,
  });

  it('lists the mix in words when the ids are of several types', () => {
    expect(detectionMixHint(mixed, 58, typeLabel)).toBe(
      'Mixed types: 41 Gene symbol, 12 UniProt accession, 3 Ensembl gene, 2 not recognised. ' +
        'Each id is mapped as its own type.',
    );
  });

  it('says the mix is of the first ids when only those were read', () => {
    expect(detectionMixHint({ ...mixed, sampled: 1000 }, 250000, typeLabel)).toMatch(
      /^Mixed types among the first 1,000 ids: 41 Gene symbol, /,
    );
  });

  it('names the ids that could be more than one type, and how they are read', () => {
    const hint = detectionMixHint({ ...mixed, type: 'entrez', ambiguous: 5 }, 58, typeLabel);
    expect(hint).toBe(
      'Mixed types: 41 Gene symbol, 12 UniProt accession, 3 Ensembl gene, 2 not recognised. ' +
        'Each id is mapped as its own type. 5 could be more than one type (a bare number: read as ' +
        "the list's commonest type that fits); choose the type under “From” to change that.",
    );
  });

  it('is null for a list of one type, unrecognised ids or not', () => {
    const single = detection({ mix: { symbol: 40, uniprot: 0 }, unrecognised: 3, sampled: 43 });
    expect(detectionMixHint(single, 43, typeLabel)).toBeNull();
    expect(detectionMixHint(detection({}), 0, typeLabel)).toBeNull();
  });
});

describe('detectionAmbiguityHint', () => {
  it('names ambiguous ids of a one-type list, and is null without any', () => {
    const numbers = detection({ type: 'entrez', mix: { entrez: 9 }, ambiguous: 9, sampled: 9 });
    expect(detectionAmbiguityHint(numbers)).toBe(
      "9 could be more than one type (a bare number: read as the list's commonest type that fits); choose the type under “From” to change that.",
    );
    expect(detectionAmbiguityHint({ ...numbers, ambiguous: 0 })).toBeNull();
  });
});

describe('sourceMixLine', () => {
  // Source types: 0 symbol, 1 uniprot. TP53 twice (a duplicate counts as an input too).
  const result = makeResult(
    [
      { id: 'TP53', status: STATUS_MAPPED, type: 0 },
      { id: 'P04637', status: STATUS_MAPPED, type: 1 },
      { id: 'TP53', status: STATUS_MAPPED, type: 0 },
      { id: 'BRCA1', status: STATUS_MAPPED, type: 0 },
      { id: '#@!', status: STATUS_UNMAPPED, type: NO_TYPE },
    ],
    [],
    { sourceTypes: ['symbol', 'uniprot'] },
  );

  it('counts the inputs read as each source type', () => {
    expect(sourceMixLine(result, typeLabel)).toBe(
      'Read as: 3 Gene symbol, 1 UniProt accession, 1 not recognised',
    );
  });

  it('is null for a run of one source type', () => {
    const single = makeResult([{ id: 'P04637', status: STATUS_MAPPED }]);
    expect(sourceMixLine(single, typeLabel)).toBeNull();
  });
});
