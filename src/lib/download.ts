import type { ExportFormat, IdTypeId } from '../../workers/api';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['tsv', 'csv', 'json'];

function fileNamePart(typeId: IdTypeId): string {
  return typeId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'ids';
}

/** `crosswalk-uniprot-to-entrez.tsv`; several targets: `crosswalk-symbol-to-entrez+uniprot.tsv`. */
export function exportFileName(
  source: IdTypeId,
  target: IdTypeId | readonly IdTypeId[],
  format: ExportFormat,
): string {
  const targets = typeof target === 'string' ? [target] : target;
  return `crosswalk-${fileNamePart(source)}-to-${targets.map(fileNamePart).join('+')}.${format}`;
}

/** `crosswalk-manifest-symbol-to-entrez+uniprot.json` */
export function manifestFileName(source: IdTypeId, targets: readonly IdTypeId[]): string {
  return exportFileName(source, targets, 'json').replace('crosswalk-', 'crosswalk-manifest-');
}

/**
 * Saves a file through a temporary `<a download>`. The page never reads or copies the file's
 * bytes (an export is a Blob the worker built, of hundreds of MB for a million ids): it only
 * names a URL for it, which the browser's download reads.
 */
export function downloadBlob(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can abort the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
