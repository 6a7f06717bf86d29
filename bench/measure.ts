/** Small helpers for the benchmarks: medians over repeated runs, and memory readings. */

export interface Measured {
  medianMs: number;
  runsMs: number[];
}

export async function measure(
  runs: number,
  work: () => Promise<unknown> | unknown,
): Promise<Measured> {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    runsMs.push(performance.now() - start);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], runsMs };
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Resident set size now, sampled while work runs so the peak is caught. */
export function rssMonitor(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export function row(label: string, m: Measured, extra: string): void {
  const runs = m.runsMs.map((r) => r.toFixed(0)).join(', ');
  console.log(
    `${label.padEnd(44)} ${m.medianMs.toFixed(0).padStart(6)} ms  ${extra}  [runs: ${runs}]`,
  );
}
