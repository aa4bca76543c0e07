// Small helpers for benchmarks: time a function many times and report the median and p99.

export interface Timing {
  median: number;
  p99: number;
  runs: number;
}

/** Times `fn` `runs` times after `warmup` untimed calls; results in microseconds. */
export const timeMicros = (fn: (i: number) => void, runs: number, warmup = Math.min(1000, runs)): Timing => {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  samples.sort();
  return { median: samples[Math.floor(runs / 2)] ?? 0, p99: samples[Math.floor(runs * 0.99)] ?? 0, runs };
};

export const formatTiming = (name: string, t: Timing): string =>
  `${name.padEnd(52)} median ${t.median.toFixed(1).padStart(8)} µs   p99 ${t.p99.toFixed(1).padStart(8)} µs   (${t.runs} runs)`;
