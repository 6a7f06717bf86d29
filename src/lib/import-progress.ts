/**
 * A big file's streamed import (#19) in words: how much is read, how many rows are read and kept,
 * what the kept rows take against the limit, and the time left at the rate so far.
 */
import type { ImportProgress } from '../../workers/api';
import { formatCount, formatStorageSize } from './format';

export interface ImportProgressView {
  /** 0–1 of the file read. */
  fraction: number;
  read: string;
  rows: string;
  packed: string;
  /** "about 20 s left"; empty until the rate means something. */
  left: string;
}

export function importProgressView(p: ImportProgress): ImportProgressView {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  return {
    fraction,
    read:
      p.step === 'pack'
        ? 'Read; packing the kept rows for storage…'
        : `${formatStorageSize(p.bytesRead)} of ${formatStorageSize(p.bytesTotal)} read`,
    rows: `${formatCount(p.rowsRead)} rows read, ${formatCount(p.rowsKept)} kept`,
    packed: `${formatStorageSize(p.packedBytes)} packed (limit ${formatStorageSize(p.maxPackedBytes)})`,
    left: p.step === 'read' ? timeLeft(p.elapsedMs, fraction) : '',
  };
}

/** From the rate so far, once a second and a fraction of a percent are behind us. */
function timeLeft(elapsedMs: number, fraction: number): string {
  if (elapsedMs < 1000 || fraction < 0.005) return '';
  const seconds = Math.max(1, Math.round(((1 - fraction) * elapsedMs) / fraction / 1000));
  if (seconds < 90) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
