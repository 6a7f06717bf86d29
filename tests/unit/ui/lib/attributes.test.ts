import { describe, expect, it } from 'vitest';
import { STATUS_AMBIGUOUS, STATUS_MAPPED, STATUS_UNMAPPED } from '../../../../workers/common/codes';
import {
  attributeKey,
  attributeLabel,
  chosenAttributes,
  keepAvailable,
} from '../../../../src/lib/attributes';
import { rowCells, rowLabelsOf } from '../../../../src/lib/row-model';
import { makeResult } from '../make-result';

const organ = { table: 'panel', column: 'organ' };
const name = { table: 'genes', column: 'name' };
const geneType = { table: 'genes', column: 'gene_type' };

describe('attribute choices', () => {
  it('keys an attribute by table.column and labels it column — table', () => {
    expect(attributeKey(organ)).toBe('panel.organ');
    expect(attributeLabel(organ)).toBe('organ — panel');
  });

  it('drops ticks of attributes no longer offered, keeping the order of the rest', () => {
    expect(
      keepAvailable(['panel.organ', 'genes.name', 'genes.gene_type'], [geneType, organ]),
    ).toEqual(['panel.organ', 'genes.gene_type']);
    expect(keepAvailable(['panel.organ'], [])).toEqual([]);
  });

  it('asks for the ticked attributes in the engine’s order, as fresh plain objects', () => {
    const available = [name, geneType, organ];
    const chosen = chosenAttributes(['panel.organ', 'genes.name', 'other.x'], available);
    expect(chosen).toEqual([name, organ]);
    expect(chosen[0]).not.toBe(name);
    expect(chosenAttributes([], available)).toEqual([]);
  });
});

describe('row cells with attribute columns', () => {
  const result = makeResult(
    [
      { id: 'TP53', status: STATUS_MAPPED, pairs: [{ target: 'P04637' }] },
      {
        id: 'CKMT1A',
        status: STATUS_AMBIGUOUS,
        pairs: [{ target: 'P12532' }, { target: 'Q00000' }],
      },
      { id: 'NOPE', status: STATUS_UNMAPPED },
    ],
    [
      { ...organ, values: ['breast, lung', 'heart; brain', ''] },
      { ...geneType, label: 'gene type', values: ['protein-coding', 'protein-coding', 'ncRNA'] },
    ],
  );
  const labels = rowLabelsOf(result, (type) => type);

  it('decodes one value per attribute at the row’s pair', () => {
    expect(rowCells(result, 0, labels).attributes).toEqual(['breast, lung', 'protein-coding']);
    expect(rowCells(result, 1, labels).attributes).toEqual(['heart; brain', 'protein-coding']);
    expect(rowCells(result, 2, labels).attributes).toEqual(['', 'ncRNA']);
  });

  it('leaves attribute cells blank for an input without pairs', () => {
    expect(result.rows.pair[3]).toBe(-1);
    expect(rowCells(result, 3, labels).attributes).toEqual(['', '']);
  });

  it('has no attribute cells when none were asked for', () => {
    const plain = makeResult([{ id: 'TP53', status: STATUS_MAPPED, pairs: [{ target: '7157' }] }]);
    expect(plain.attributes).toEqual({ refs: [], labels: [], values: [] });
    expect(
      rowCells(
        plain,
        0,
        rowLabelsOf(plain, (type) => type),
      ).attributes,
    ).toEqual([]);
  });
});
