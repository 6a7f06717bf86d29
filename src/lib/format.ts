const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "0.4 ms", "12.5 ms", "1,234 ms": a decimal only where it carries information. */
export function formatMs(ms: number): string {
  return `${ms < 100 ? oneDecimal.format(ms) : integer.format(ms)} ms`;
}

export function formatMegabytes(bytes: number): string {
  return `${oneDecimal.format(bytes / (1024 * 1024))} MB`;
}

export function formatPercent(share: number): string {
  return `${integer.format(share * 100)}%`;
}

/** "512.0 MB", "10.2 GB": megabytes up to a gigabyte, then gigabytes (storage quotas). */
export function formatStorageSize(bytes: number): string {
  const gigabyte = 1024 * 1024 * 1024;
  return bytes < gigabyte ? formatMegabytes(bytes) : `${oneDecimal.format(bytes / gigabyte)} GB`;
}

/** "840 B", "12.3 kB", "4.5 MB", "1.2 GB": a download's size in the unit that reads best. */
export function formatSize(bytes: number): string {
  const kilobyte = 1024;
  if (bytes < kilobyte) return `${integer.format(bytes)} B`;
  if (bytes < kilobyte * kilobyte) return `${oneDecimal.format(bytes / kilobyte)} kB`;
  return formatStorageSize(bytes);
}
