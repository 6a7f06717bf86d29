/**
 * SSSOM mapping sets (TSV): a `#` YAML block whose `curie_map` names each prefix's URI, then a
 * table of CURIE pairs (`subject_id`, `predicate_id`, `object_id` …). Only exact matches form
 * the table; other predicates become fallback tiers (see UserTableSpec.matchBy).
 */
import type { FormatProposal, IdTypeId } from '../../api';
import { columnValues, headTable, isBlank, type FileHead } from './head';
import { typeOfPrefix } from './curie-prefixes';
import { columnsOf, proposal, type ColumnRule } from './proposal';

const REQUIRED = ['subject_id', 'predicate_id', 'object_id'];
const CURIE_COLUMNS = ['subject_id', 'object_id'];
const EXACT = 'skos:exactMatch';
/** A `curie_map` entry, indented under it: `#  CHEBI: http://purl.obolibrary.org/obo/CHEBI_`. */
const CURIE_MAP_ENTRY = /^#\s+([A-Za-z_][\w.-]*)\s*:\s*['"]?([^'"\s]+)['"]?\s*$/;

export function recogniseSssom(head: FileHead): FormatProposal | undefined {
  const table = headTable(head);
  if (!table || !REQUIRED.every((name) => table.header.includes(name))) return undefined;
  const curieMap = readCurieMap(table.comments);
  const notes: string[] = [];
  if (curieMap.size === 0) {
    notes.push(
      'The file has no curie_map in its head: CURIE prefixes were read by their names only.',
    );
  }
  const rules = new Map<string, ColumnRule>();
  for (const column of CURIE_COLUMNS) {
    const prefixes = prefixesOf(columnValues(table, column), curieMap);
    rules.set(column, { prefixes });
  }
  return proposal('sssom', 'SSSOM', {
    spec: {
      delimiter: '\t',
      columns: columnsOf(table.header, rules),
      matchBy: { column: 'predicate_id', primary: [EXACT] },
    },
    notes,
  });
}

/** The `curie_map` of the YAML block: prefix → URI, from the lines indented under it. */
function readCurieMap(comments: string[]): Map<string, string> {
  const map = new Map<string, string>();
  const start = comments.findIndex((line) => /^#\s*curie_map\s*:\s*$/.test(line));
  if (start < 0) return map;
  const indent = indentOf(comments[start]);
  for (const line of comments.slice(start + 1)) {
    const entry = CURIE_MAP_ENTRY.exec(line);
    if (!entry || indentOf(line) <= indent) break;
    map.set(entry[1], entry[2]);
  }
  return map;
}

/** Spaces between a YAML line's `#` and its text. */
function indentOf(line: string): number {
  return /^#(\s*)/.exec(line)![1].length;
}

/** Each prefix the column's CURIEs use in the head, as written, → its type. */
function prefixesOf(cells: string[], curieMap: Map<string, string>): Record<string, IdTypeId> {
  const idsByPrefix = new Map<string, string[]>();
  for (const cell of cells) {
    const colon = cell.indexOf(':');
    if (isBlank(cell) || colon <= 0) continue;
    const prefix = cell.slice(0, colon);
    const ids = idsByPrefix.get(prefix) ?? [];
    ids.push(cell.slice(colon + 1));
    idsByPrefix.set(prefix, ids);
  }
  return Object.fromEntries(
    [...idsByPrefix].map(([prefix, ids]) => [
      prefix,
      typeOfPrefix(prefix, curieMap.get(prefix), ids),
    ]),
  );
}
