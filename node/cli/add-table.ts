/**
 * A user's table added the way the app adds one: its head previewed (a standard file — UniProt's
 * idmapping, NCBI's gene_info, HGNC, SSSOM … — is recognised and fully typed), the spec checked
 * against the whole file, then registered. Columns are typed by `--types col=type,…` when given,
 * else by the recognised format, else by the app's suggestions (each printed on standard error).
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { CrosswalkEngine } from '../../workers/engine/engine';
import type { ImportProgressFn, UserTableSpec, ValidationReport } from '../../workers/api';
import { defaultTableName, tableNameProblem } from '../../workers/common/table-name';
import { CliError, EXIT, usage } from './cli-error';

export interface TableToAdd {
  file: string;
  /** Column name → type id (`--types`); absent: recognised or suggested. */
  types?: Record<string, string>;
  name?: string;
}

/** Parses `--types uniprot=uniprot,GeneID=entrez` (a column named with `=` cannot be given). */
export function parseTypes(text: string): Record<string, string> {
  const types: Record<string, string> = {};
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    if (at <= 0 || at === part.length - 1)
      throw usage(`--types takes column=type pairs separated by commas; "${part}" is not one.`);
    types[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return types;
}

/** Adds the table to the engine; returns its name and the check's report. */
export async function addTable(
  engine: CrosswalkEngine,
  table: TableToAdd,
  say: (line: string) => void,
): Promise<{ name: string; report: ValidationReport }> {
  // A Blob backed by the file: a big one (#19) is read in a stream, never held whole.
  const file = new File([await openAsBlob(table.file)], basename(table.file));
  const taken = engine.catalog().tables.map((t) => t.name);
  const name = table.name ?? defaultTableName(table.file, taken);
  const problem = tableNameProblem(name, taken);
  if (problem) throw usage(`${problem.replace(/;.*$/, '')} (give --name).`);
  const preview = await engine.previewTable(file, table.file);
  const spec = specFor(preview.header, table, preview, name, say);
  const report = await engine.checkTable(file, spec, streamedProgress(table.file, say));
  await engine.addTable(name);
  return { name, report };
}

/** A big file's streamed read, a line at each tenth of the file. */
function streamedProgress(file: string, say: (line: string) => void): ImportProgressFn {
  let next = 0.1;
  return (p) => {
    const done = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 0;
    if (p.step === 'read' && done < next) return;
    next = Math.floor(done * 10) / 10 + 0.1;
    const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en')} MB`;
    say(
      p.step === 'pack'
        ? `"${file}": read; packing ${p.rowsKept.toLocaleString('en')} rows kept (${mb(p.packedBytes)}).`
        : `"${file}": ${mb(p.bytesRead)} of ${mb(p.bytesTotal)} read, ${p.rowsRead.toLocaleString('en')} rows, ${p.rowsKept.toLocaleString('en')} kept.`,
    );
  };
}

function specFor(
  header: string[],
  table: TableToAdd,
  preview: Awaited<ReturnType<CrosswalkEngine['previewTable']>>,
  name: string,
  say: (line: string) => void,
): UserTableSpec {
  if (table.types) {
    const unknown = Object.keys(table.types).filter((column) => !header.includes(column));
    if (unknown.length > 0)
      throw usage(
        `"${table.file}" has no column ${unknown.map((c) => `"${c}"`).join(', ')}; its columns are ${header.map((c) => `"${c}"`).join(', ')}.`,
      );
    return {
      name,
      delimiter: preview.delimiter,
      columns: header.map((column) => ({ name: column, type: table.types?.[column] })),
    };
  }
  if (preview.format) {
    say(`"${table.file}" read as ${preview.format.label}.`);
    return { ...preview.format.spec, name };
  }
  const typed = preview.suggestions.filter((s) => s.type);
  if (typed.length === 0)
    throw new CliError(
      `No column of "${table.file}" looks like a known id type; name them with --types column=type,…`,
      EXIT.input,
    );
  say(
    `"${table.file}" columns typed as suggested: ${typed.map((s) => `${s.column}=${s.type}`).join(', ')} (set them with --types).`,
  );
  return {
    name,
    delimiter: preview.delimiter,
    columns: preview.suggestions.map((s) => ({ name: s.column, type: s.type })),
  };
}
