/**
 * How a run's inputs flowed (#17 item 2): from the inputs, through the path that first answered
 * each one — or the reason it was not answered — to its status. Counted from the result's typed
 * arrays in one pass over the inputs (duplicates counted, as the summary counts them), so the
 * status column equals the summary's counts.
 */
import type { MapResult } from '../../workers/api';
import { STATUS_NAMES, type StatusName } from '../../workers/common/codes';
import { reasonPhrase } from './reason-filter';
import type { RowSelection } from './row-model';

/** The middle column lists at most this many ways; the rest are one `other` node. */
const MAX_WAYS = 8;

/** What clicking a band shows: the rows of those inputs. */
export interface FlowFilter {
  status?: StatusName;
  /** Inputs first answered through this path (`PathInfo.index`). */
  path?: number;
  /** Inputs not answered, with this reason phrase. */
  reason?: string;
}

export interface FlowNode {
  id: string;
  column: 0 | 1 | 2;
  label: string;
  count: number;
  status?: StatusName;
}

export interface FlowBand {
  from: string;
  to: string;
  count: number;
  /** Null for the `other` node's bands (several ways at once). */
  filter: FlowFilter | null;
}

export interface Flow {
  nodes: FlowNode[];
  bands: FlowBand[];
}

interface Way {
  label: string;
  filter: FlowFilter | null;
  byStatus: Int32Array;
}

export function flowOf(result: MapResult, pathLabel: (index: number) => string): Flow {
  const { inputs, pairs, keys, reasons } = result;
  const statusCount = STATUS_NAMES.length;
  // Ways: a path (by index) or a reason phrase; counts per way and status.
  const ways = new Map<string, Way>();
  const phraseOf = reasons.map(reasonPhrase);
  for (let i = 0; i < inputs.count; i++) {
    const start = inputs.pairStart[i];
    let id: string;
    let label: string;
    let filter: FlowFilter;
    if (start < inputs.pairStart[i + 1]) {
      const path = pairs.path[start];
      id = `path:${path}`;
      label = pathLabel(path);
      filter = { path };
    } else {
      // No reason: an input the `drop` policy left with no target keeps its own reason; none
      // left is rare, and filtered by status alone.
      const phrase = phraseOf[keys.reason[inputs.key[i]]];
      id = `reason:${phrase || 'no target'}`;
      label = phrase || 'no target';
      filter = phrase ? { reason: phrase } : {};
    }
    let way = ways.get(id);
    if (!way) {
      way = { label, filter, byStatus: new Int32Array(statusCount) };
      ways.set(id, way);
    }
    way.byStatus[inputs.status[i]]++;
  }

  const total = (byStatus: Int32Array) => byStatus.reduce((a, b) => a + b, 0);
  const ranked = [...ways].sort((a, b) => total(b[1].byStatus) - total(a[1].byStatus));
  const shown = ranked.slice(0, MAX_WAYS);
  const rest = ranked.slice(MAX_WAYS);
  if (rest.length > 0) {
    const byStatus = new Int32Array(statusCount);
    for (const [, way] of rest)
      for (let s = 0; s < statusCount; s++) byStatus[s] += way.byStatus[s];
    shown.push(['other', { label: `${rest.length} other ways`, filter: null, byStatus }]);
  }

  const nodes: FlowNode[] = [{ id: 'inputs', column: 0, label: 'inputs', count: inputs.count }];
  const bands: FlowBand[] = [];
  for (const [id, way] of shown) {
    const count = total(way.byStatus);
    nodes.push({ id, column: 1, label: way.label, count });
    bands.push({ from: 'inputs', to: id, count, filter: way.filter });
    way.byStatus.forEach((n, s) => {
      if (n === 0) return;
      const status = STATUS_NAMES[s];
      bands.push({
        from: id,
        to: `status:${status}`,
        count: n,
        filter: way.filter && { ...way.filter, status },
      });
    });
  }
  const statusTotals = new Int32Array(statusCount);
  for (const [, way] of shown)
    for (let s = 0; s < statusCount; s++) statusTotals[s] += way.byStatus[s];
  STATUS_NAMES.forEach((status, s) => {
    if (statusTotals[s] > 0)
      nodes.push({
        id: `status:${status}`,
        column: 2,
        label: status,
        count: statusTotals[s],
        status,
      });
  });
  return { nodes, bands };
}

/** The rows of `selection` whose input was first answered through path `path`, in order. */
export function selectByFirstPath(
  result: MapResult,
  selection: RowSelection,
  path: number,
): RowSelection {
  const { pairStart } = result.inputs;
  const rowInput = result.rows.input;
  const picked = new Int32Array(selection.length);
  let length = 0;
  for (let index = 0; index < selection.length; index++) {
    const row = selection.rowAt(index);
    const start = pairStart[rowInput[row]];
    if (start < pairStart[rowInput[row] + 1] && result.pairs.path[start] === path)
      picked[length++] = row;
  }
  const rows = picked.subarray(0, length);
  return { length, rowAt: (index) => rows[index] };
}
