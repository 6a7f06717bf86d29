import { describe, expect, it } from 'vitest';
import { defaultTableName, fileStem, tableNameProblem } from '../../../workers/common/table-name';

describe('fileStem', () => {
  it('drops folders, .gz and the text extension', () => {
    expect(fileStem('panel.csv')).toBe('panel');
    expect(fileStem('panel.csv.gz')).toBe('panel');
    expect(fileStem('C:\\data\\Organs.TSV')).toBe('Organs');
    expect(fileStem('/home/me/hpa.tab.gz')).toBe('hpa');
    expect(fileStem('notes.txt')).toBe('notes');
  });

  it('keeps other dots and extensions', () => {
    expect(fileStem('hpa.v23.csv')).toBe('hpa.v23');
    expect(fileStem('table.json')).toBe('table.json');
  });
});

describe('defaultTableName', () => {
  it('is the file stem when no table has that name', () => {
    expect(defaultTableName('panel.csv', ['genes', 'uniprot'])).toBe('panel');
  });

  it('appends a number when the stem is taken, ignoring case', () => {
    expect(defaultTableName('uniprot.csv', ['genes', 'uniprot'])).toBe('uniprot-2');
    expect(defaultTableName('Panel.csv.gz', ['panel', 'panel-2'])).toBe('Panel-3');
  });

  it('falls back to a generic name for a file named only by its extension', () => {
    expect(defaultTableName('.csv', [])).toBe('my-table');
  });
});

describe('tableNameProblem', () => {
  it('accepts a new, non-empty name', () => {
    expect(tableNameProblem('panel', ['genes'])).toBeNull();
    expect(tableNameProblem('  my organs ', ['genes'])).toBeNull();
  });

  it('rejects an empty name', () => {
    expect(tableNameProblem('', [])).toMatch(/name/);
    expect(tableNameProblem('   ', [])).toMatch(/name/);
  });

  it('rejects the name of a table in the catalog, whatever its case', () => {
    expect(tableNameProblem('Genes', ['genes'])).toMatch(/“Genes” already exists/);
    expect(tableNameProblem(' genes ', ['genes'])).toMatch(/already exists/);
  });

  it('rejects a very long name', () => {
    expect(tableNameProblem('x'.repeat(81), [])).toMatch(/too long/);
  });
});
