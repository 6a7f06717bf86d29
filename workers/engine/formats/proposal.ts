/** What every recogniser returns: a proposal whose spec lists every column of the file. */
import type { FormatProposal, TableFormatId, UserColumnSpec } from '../../api';

export type ColumnRule = Omit<UserColumnSpec, 'name'>;

/** Every header column, in file order: typed by `rules` (by name), the others attributes. */
export function columnsOf(header: string[], rules: Map<string, ColumnRule>): UserColumnSpec[] {
  return header.map((name) => ({ name, ...rules.get(name) }));
}

export interface ProposalParts {
  spec: Omit<FormatProposal['spec'], 'format'>;
  organism?: string;
  idTypes?: FormatProposal['idTypes'];
  notes: string[];
}

/** The proposal of format `id`: its spec names the format, and notes are left out when none. */
export function proposal(id: TableFormatId, label: string, parts: ProposalParts): FormatProposal {
  const { spec, organism, idTypes, notes } = parts;
  return {
    id,
    label,
    spec: { format: id, ...spec },
    ...(organism !== undefined && { organism }),
    ...(idTypes !== undefined && { idTypes }),
    ...(notes.length > 0 && { notes }),
  };
}
