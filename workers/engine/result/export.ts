/**
 * A finished run as TSV, CSV or JSON, built in the worker: one row per input–target pair, in
 * input order, with inputs that found nothing kept as a row with an empty target.
 */
import type { ExportFormat, MapResult } from '../../api';
import {
  INPUT_DUPLICATE,
  INPUT_EXCEL_DATE,
  PAIR_CONFIRMED,
  PAIR_CONVERGENT,
  PAIR_ROUND_TRIP,
  STATUS_NAMES,
} from '../../common/codes';

export const EXPORT_COLUMNS = [
  'input_index',
  'input',
  'status',
  'target',
  'path',
  'via',
  'match',
  'confidence',
  'duplicate',
  'convergent',
  'round_trip',
  'excel_date',
] as const;

/** The standard columns, then one per requested attribute column (named by its label). */
type Row = Record<string, string | number>;

const decoder = new TextDecoder();

/** Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection). */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function exportRows(result: MapResult, format: ExportFormat): Uint8Array {
  const parts: string[] = [];
  if (format === 'json') {
    const head = {
      source: result.source,
      target: result.target,
      summary: result.summary,
      paths: result.paths,
      notes: result.notes,
    };
    parts.push(JSON.stringify(head).slice(0, -1), ',"rows":[');
    let first = true;
    eachRow(result, (row) => {
      parts.push(first ? '\n' : ',\n', JSON.stringify(row));
      first = false;
    });
    parts.push('\n]}\n');
  } else {
    const separator = format === 'tsv' ? '\t' : ',';
    const cell = format === 'tsv' ? tsvCell : csvCell;
    const columns = [...EXPORT_COLUMNS, ...result.attributes.labels];
    parts.push(columns.map(cell).join(separator), '\n');
    eachRow(result, (row) => {
      parts.push(columns.map((c) => cell(String(row[c]))).join(separator), '\n');
    });
  }
  return new TextEncoder().encode(parts.join(''));
}

function eachRow(result: MapResult, visit: (row: Row) => void): void {
  const { inputs, pairs } = result;
  for (let i = 0; i < inputs.count; i++) {
    const base = {
      input_index: i + 1,
      input: text(inputs.text, i),
      status: STATUS_NAMES[inputs.status[i]],
      duplicate: inputs.flags[i] & INPUT_DUPLICATE ? 'yes' : '',
      excel_date: inputs.flags[i] & INPUT_EXCEL_DATE ? 'yes' : '',
    };
    const { labels, values } = result.attributes;
    const start = inputs.pairStart[i];
    const end = inputs.pairStart[i + 1];
    if (start === end) {
      visit({
        ...base,
        target: '',
        path: '',
        via: '',
        match: '',
        confidence: '',
        convergent: '',
        round_trip: '',
        ...Object.fromEntries(labels.map((label) => [label, ''])),
      });
    }
    for (let p = start; p < end; p++) {
      const flags = pairs.flags[p];
      visit({
        ...base,
        target: text(pairs.target, p),
        path: result.paths[pairs.path[p]].label,
        via: text(pairs.via, p),
        match: result.matchTypes[pairs.match[p]],
        confidence: Number(pairs.confidence[p].toFixed(3)),
        convergent: flags & PAIR_CONVERGENT ? 'yes' : '',
        round_trip:
          flags & PAIR_ROUND_TRIP ? (flags & PAIR_CONFIRMED ? 'confirmed' : 'not confirmed') : '',
        ...Object.fromEntries(labels.map((label, a) => [label, text(values[a], p)])),
      });
    }
  }
}

function text(packed: { bytes: Uint8Array; offsets: Int32Array }, i: number): string {
  return decoder.decode(packed.bytes.subarray(packed.offsets[i], packed.offsets[i + 1]));
}

function tsvCell(value: string): string {
  return neutralise(value).replace(/[\t\r\n]/g, ' ');
}

function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
