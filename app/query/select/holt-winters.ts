/**
 * holt_winters() and holt_winters_with_fit(): InfluxDB 1.6.7's `FloatHoltWintersReducer`, the
 * damped Holt-Winters method. The series (one aggregate per GROUP BY interval) is laid on a grid
 * of intervals, NaN where a window is missing; initial level, trend and seasonal values come
 * from the first season; alpha, beta, gamma and phi are fitted by Nelder-Mead from 16 starting
 * guesses; then the series is forecast `h` intervals past its last point. Every step follows Go's
 * order of floating-point operations, mutations of the parameter vector included, so the
 * forecasts carry InfluxDB's last digits.
 */
import { goPowers } from "./math-functions.ts";
import { nelderMead } from "./nelder-mead.ts";
import { type Point, point } from "./point.ts";
import type { Reducer } from "./stream-ops.ts";
import { NO_TAGS } from "./tags.ts";

/** Weight of the first values in the non-seasonal initial level and trend. */
const INITIAL_WEIGHT = 0.5;
const EPSILON = 1.0e-4;
/** The grid of starting guesses for alpha, beta, gamma and phi: 0.3 and 0.7 each. */
const GUESS_LOWER = 0.3;
const GUESS_UPPER = 1.0;
const GUESS_STEP = 0.4;

/** Forecasts one call may ask for: InfluxDB allocates them all at once and fails past its memory. */
export const MAX_FORECASTS = 1_000_000;

export class HoltWintersReducer implements Reducer {
  private readonly seasonal: boolean;
  private readonly half: bigint;
  private readonly times: bigint[] = [];
  private readonly values: number[] = [];
  private y = new Float64Array(0);

  /** `h` forecasts, season `m` (below 2: none), `interval` the GROUP BY interval in ns. */
  constructor(
    private readonly h: number,
    private readonly m: number,
    private readonly withFit: boolean,
    private readonly interval: bigint,
  ) {
    this.seasonal = m >= 2;
    this.half = interval / 2n;
  }

  aggregate(p: Point): void {
    this.times.push(p.time);
    this.values.push(typeof p.value === "bigint" ? Number(p.value) : (p.value as number));
  }

  emit(): Point[] {
    const n = this.times.length;
    if (n < 2 || (this.seasonal && n < this.m) || this.h <= 0) return [];
    const interval = this.interval;
    const start = this.round(this.times[0]);
    const stop = this.round(this.times[n - 1]);
    if ((stop - start) / interval <= 0n) return [];
    const y = [this.values[0]];
    let t = start;
    for (let i = 1; i < n; i++) {
      const rounded = this.round(this.times[i]);
      // A second value in one interval is dropped; a missing interval is a NaN the fit skips.
      if (rounded <= t) continue;
      t += interval;
      while (rounded !== t) {
        y.push(NaN);
        t += interval;
      }
      y.push(this.values[i]);
    }
    this.y = Float64Array.from(y);

    const best = this.fit(this.initialParameters());
    const forecast = this.forecast(this.h, best);
    const out: Point[] = [];
    if (this.withFit) {
      const first = this.times[0];
      forecast.forEach((v, i) => {
        if (!Number.isNaN(v)) out.push(point("", NO_TAGS, first + interval * BigInt(i), v));
      });
    } else {
      const last = this.times[n - 1];
      for (let i = y.length; i < forecast.length; i++) {
        const v = forecast[i];
        if (!Number.isNaN(v)) out.push(point("", NO_TAGS, last + interval * BigInt(i - y.length + 1), v));
      }
    }
    this.y = new Float64Array(0);
    return out;
  }

  /** Go's overflow-safe rounding of a time to the nearest interval (halves round down). */
  private round(t: bigint): bigint {
    const q = t / this.interval;
    return t % this.interval > this.half ? (q + 1n) * this.interval : q * this.interval;
  }

  /** [alpha, beta, gamma, phi, level, trend, ...seasonals]; the first four set per guess. */
  private initialParameters(): Float64Array {
    const { y, m } = this;
    let l0 = 0.0;
    if (this.seasonal) {
      for (let i = 0; i < m; i++) if (!Number.isNaN(y[i])) l0 += (1 / m) * y[i];
    } else {
      l0 += INITIAL_WEIGHT * y[0];
    }
    let b0 = 0.0;
    if (this.seasonal) {
      for (let i = 0; i < m && m + i < y.length; i++) {
        if (!Number.isNaN(y[i]) && !Number.isNaN(y[m + i])) b0 += (1 / (m * m)) * (y[m + i] - y[i]);
      }
    } else if (!Number.isNaN(y[1])) {
      b0 = INITIAL_WEIGHT * (y[1] - y[0]);
    }
    const seasons = this.seasonal ? m : 0;
    const params = new Float64Array(6 + seasons);
    params[4] = l0;
    params[5] = b0;
    for (let i = 0; i < seasons; i++) params[6 + i] = Number.isNaN(y[i]) ? 0 : y[i] / l0;
    return params;
  }

  /** The parameters of the smallest squared error over Nelder-Mead runs from each guess (the first on ties). */
  private fit(params: Float64Array): Float64Array {
    let minSse = Infinity;
    let best: Float64Array | undefined;
    const sse = (x: Float64Array) => this.sse(x);
    for (let alpha = GUESS_LOWER; alpha < GUESS_UPPER; alpha += GUESS_STEP) {
      for (let beta = GUESS_LOWER; beta < GUESS_UPPER; beta += GUESS_STEP) {
        for (let gamma = GUESS_LOWER; gamma < GUESS_UPPER; gamma += GUESS_STEP) {
          for (let phi = GUESS_LOWER; phi < GUESS_UPPER; phi += GUESS_STEP) {
            params[0] = alpha;
            params[1] = beta;
            params[2] = gamma;
            params[3] = phi;
            const found = nelderMead(sse, params, EPSILON, 1);
            if (found.value < minSse || best === undefined) {
              minSse = found.value;
              best = found.at;
            }
          }
        }
      }
    }
    return best!;
  }

  /** The series refitted and `h` values past it; clamps alpha..phi and rewrites the seasonals in `params`, as Go does. */
  private forecast(h: number, params: Float64Array): Float64Array {
    for (let i = 0; i < 4; i++) {
      if (params[i] > 1) params[i] = 1;
      if (params[i] < 0) params[i] = 0;
    }
    const y = this.y;
    const alpha = params[0];
    const beta = params[1];
    const gamma = params[2];
    const phi = params[3];
    let yT = y[0];
    let phiH = phi;
    let lT = params[4];
    let bT = params[5];
    const seasonal = this.seasonal;
    const seasonals = params.subarray(6);
    const m = seasonal ? seasonals.length : 0;
    // The season's offset into the ring of seasonal values.
    let so = seasonal ? m - 1 : 0;
    const l = y.length;
    const powers = goPowers(phi, l + h);
    const forecasted = new Float64Array(l + h);
    forecasted[0] = yT;
    let stm = 1.0;
    let stmh = 1.0;
    for (let t = 1; t < l + h; t++) {
      if (seasonal) {
        stm = seasonals[(t - m + so) % m];
        stmh = seasonals[(t - m + (t % m) + so) % m];
      }
      const lTp = lT;
      const bTp = bT;
      lT = alpha * (yT / stm) + (1 - alpha) * (lTp + phi * bTp);
      bT = beta * (lT - lTp) + (1 - beta) * phi * bTp;
      const sT = gamma * (yT / (lTp + phi * bTp)) + (1 - gamma) * stm;
      yT = (lT + phiH * bT) * stmh;
      phiH += powers[t];
      if (seasonal) {
        seasonals[(t + so) % m] = sT;
        so++;
      }
      forecasted[t] = yT;
    }
    return forecasted;
  }

  /** Squared error of the refit over the known values; a NaN refit where a value is known scores Infinity. */
  private sse(params: Float64Array): number {
    let sse = 0.0;
    const forecasted = this.forecast(0, params);
    const y = this.y;
    for (let i = 0; i < forecasted.length; i++) {
      if (Number.isNaN(y[i])) continue;
      if (Number.isNaN(forecasted[i])) return Infinity;
      const diff = forecasted[i] - y[i];
      sse += diff * diff;
    }
    return sse;
  }
}
