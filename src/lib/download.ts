import type { ExportFormat, IdTypeId } from '../../workers/api';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['tsv', 'csv', 'json'];

const MIME_TYPES: Record<ExportFormat, string> = {
  tsv: 'text/tab-separated-values;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

function fileNamePart(typeId: IdTypeId): string {
  return typeId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'ids';
}

/** `crosswalk-uniprot-to-entrez.tsv` */
export function exportFileName(source: IdTypeId, target: IdTypeId, format: ExportFormat): string {
  return `crosswalk-${fileNamePart(source)}-to-${fileNamePart(target)}.${format}`;
}

export function mimeTypeOf(format: ExportFormat): string {
  return MIME_TYPES[format];
}

/** Saves bytes as a file through a temporary `<a download>`. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string): void {
  // The bytes were transferred from the worker, so they sit on a plain ArrayBuffer, never a shared one.
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
  const url = URL.createObjectURL(blob);
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
