/**
 * Round tick values for a chart axis that always includes zero: -£25m, -£20m … £0, not -£5.8m.
 * Steps are 1, 2, 2.5 or 5 times a power of ten, at most `most` intervals.
 */
export function niceScale(values: readonly number[], most = 5): number[] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (lo === hi) return [0];
  const intervals = (step: number) => Math.ceil(hi / step) - Math.floor(lo / step);
  let power = 10 ** Math.floor(Math.log10((hi - lo) / most));
  let step = 0;
  while (!step) {
    step = [1, 2, 2.5, 5].map((m) => m * power).find((s) => intervals(s) <= most) ?? 0;
    power *= 10;
  }
  const ticks: number[] = [];
  // + 0 turns -0 into 0, so the axis never shows "-£0".
  for (let i = Math.floor(lo / step); i <= Math.ceil(hi / step); i++) ticks.push(i * step + 0);
  return ticks;
}
