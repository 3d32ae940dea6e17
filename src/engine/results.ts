/**
 * Preallocated results: a fixed list of metric names × a fixed number of rows, in one Float64Array.
 * Recording writes into the buffer; nothing grows during a run.
 */

/** A rows × metrics table of numbers, preallocated. Row-major. */
export class MetricTable<M extends string> {
  readonly data: Float64Array;
  private readonly index: Map<M, number>;
  constructor(readonly metrics: readonly M[], readonly rows: number) {
    this.data = new Float64Array(rows * metrics.length);
    this.index = new Map(metrics.map((m, i) => [m, i]));
  }
  /** Column index of a metric (look it up once, outside loops). */
  col(metric: M): number {
    const i = this.index.get(metric);
    if (i === undefined) throw new Error(`MetricTable: unknown metric "${metric}"`);
    return i;
  }
  set(row: number, col: number, value: number): void {
    this.data[row * this.metrics.length + col] = value;
  }
  get(row: number, col: number): number {
    return this.data[row * this.metrics.length + col];
  }
  /** Value by metric name (convenience for reports and tests, not for hot loops). */
  value(row: number, metric: M): number {
    return this.get(row, this.col(metric));
  }
  /** One metric as an array over rows. */
  series(metric: M): number[] {
    const c = this.col(metric);
    const out: number[] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.get(r, c));
    return out;
  }
}
