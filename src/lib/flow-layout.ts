/**
 * Where the flow picture draws its nodes and bands: three columns of bars, each as tall as its
 * count, and bands as wide as theirs between them (a Sankey diagram of three columns, in plain
 * SVG: d3-sankey's general layout is not needed for a fixed left-to-right 3-column flow).
 */
import type { Flow, FlowBand, FlowNode } from './flow';

export interface PlacedNode extends FlowNode {
  x: number;
  y: number;
  height: number;
}

export interface PlacedBand extends FlowBand {
  /** An SVG path of the band's centre line, drawn with `width` as its stroke width. */
  d: string;
  width: number;
}

export const NODE_WIDTH = 12;
const GAP = 8;
/** A band of one input stays visible, however long the list. */
const MIN_BAND = 1.5;

export function layoutFlow(
  flow: Flow,
  width: number,
  height: number,
): { nodes: PlacedNode[]; bands: PlacedBand[] } {
  const columnX = [0, (width - NODE_WIDTH) / 2, width - NODE_WIDTH];
  const columns = [0, 1, 2].map((c) => flow.nodes.filter((n) => n.column === c));
  const scale = Math.min(
    ...columns.map((nodes) => {
      const total = nodes.reduce((sum, n) => sum + n.count, 0);
      return total === 0 ? Infinity : (height - GAP * (nodes.length - 1)) / total;
    }),
  );
  const placed = new Map<string, PlacedNode>();
  for (const [c, nodes] of columns.entries()) {
    let y = 0;
    for (const node of nodes) {
      const nodeHeight = Math.max(MIN_BAND, node.count * scale);
      placed.set(node.id, { ...node, x: columnX[c], y, height: nodeHeight });
      y += nodeHeight + GAP;
    }
  }
  // Each node's bands leave and arrive stacked, in the order the flow lists them.
  const outAt = new Map<string, number>();
  const inAt = new Map<string, number>();
  const bands = flow.bands.map((band): PlacedBand => {
    const from = placed.get(band.from)!;
    const to = placed.get(band.to)!;
    const bandWidth = Math.max(MIN_BAND, band.count * scale);
    const y0 = from.y + (outAt.get(from.id) ?? 0) + bandWidth / 2;
    const y1 = to.y + (inAt.get(to.id) ?? 0) + bandWidth / 2;
    outAt.set(from.id, (outAt.get(from.id) ?? 0) + bandWidth);
    inAt.set(to.id, (inAt.get(to.id) ?? 0) + bandWidth);
    const x0 = from.x + NODE_WIDTH;
    const x1 = to.x;
    const mid = (x0 + x1) / 2;
    const d = `M${x0},${y0.toFixed(1)} C${mid},${y0.toFixed(1)} ${mid},${y1.toFixed(1)} ${x1},${y1.toFixed(1)}`;
    return { ...band, d, width: bandWidth };
  });
  return { nodes: [...placed.values()], bands };
}
