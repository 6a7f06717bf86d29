import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../../src/lib/format';

describe('formatSize', () => {
  it('gives bytes under a kilobyte whole', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(840)).toBe('840 B');
    expect(formatSize(1023)).toBe('1,023 B');
  });

  it('gives kilobytes and megabytes (of 1024) to one decimal', () => {
    expect(formatSize(1024)).toBe('1.0 kB');
    // 12,595 / 1024 = 12.29… → 12.3
    expect(formatSize(12_595)).toBe('12.3 kB');
    expect(formatSize(1024 * 1024)).toBe('1.0 MB');
    // 4,718,592 = 4.5 × 1024²
    expect(formatSize(4_718_592)).toBe('4.5 MB');
  });

  it('gives gigabytes from a gigabyte on', () => {
    expect(formatSize(1024 ** 3)).toBe('1.0 GB');
  });
});
