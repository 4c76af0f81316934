/**
 * InfluxQL's technical analysis functions, as InfluxDB 1.6.7 computes them with its copy of the
 * `gota` package: exponential, double and triple exponential moving averages, the triple
 * exponential derivative (TRIX), the relative strength index, Kaufman's efficiency ratio and
 * adaptive moving average, and the Chande momentum oscillator. Each indicator takes one value at a
 * time; the reducer around it holds back the first values until the indicator is warm (or as many
 * as the query's hold period says) and emits one point per input after that.
 */
import { goPow } from "./math-functions.ts";
import { type Point, point } from "./point.ts";
import type { Reducer } from "./stream-ops.ts";
import { NO_TAGS } from "./tags.ts";

/** How an indicator's averages start: `exponential` (gota's WarmEMA) or `simple` (WarmSMA). */
export type Warmup = "exponential" | "simple";

interface Indicator {
  add(v: number): number;
  /** Values it takes before its output means anything (the default hold period). */
  warmCount(): number;
}

class Ema implements Indicator {
  last = 0;
  private count = 0;
  alpha: number;

  constructor(
    private readonly period: number,
    readonly warmup: Warmup,
  ) {
    this.alpha = 2 / (period + 1);
  }

  warmCount(): number {
    return this.period - 1;
  }

  warmed(): boolean {
    return this.count === this.period;
  }

  add(v: number): number {
    let avg: number;
    if (this.count === 0) avg = v;
    else if (!this.warmed()) {
      avg = this.warmup === "simple" ? (this.last * this.count + v) / (this.count + 1) : (v - this.last) * (2 / (this.count + 2)) + this.last;
    } else avg = (v - this.last) * this.alpha + this.last;
    this.last = avg;
    if (this.count < this.period) this.count++;
    return avg;
  }
}

/** The next average of a chain gets a value once the one before is warm (at once with exponential warm-up). */
function feeds(ema: Ema): boolean {
  return ema.warmed() || ema.warmup === "exponential";
}

class Dema implements Indicator {
  private readonly ema1: Ema;
  private readonly ema2: Ema;

  constructor(period: number, warmup: Warmup) {
    this.ema1 = new Ema(period, warmup);
    this.ema2 = new Ema(period, warmup);
  }

  warmCount(): number {
    return this.ema1.warmup === "exponential" ? this.ema1.warmCount() : this.ema1.warmCount() + this.ema2.warmCount();
  }

  add(v: number): number {
    const avg1 = this.ema1.add(v);
    const avg2 = feeds(this.ema1) ? this.ema2.add(avg1) : avg1;
    return 2 * avg1 - avg2;
  }
}

class Tema implements Indicator {
  private readonly emas: [Ema, Ema, Ema];

  constructor(period: number, warmup: Warmup) {
    this.emas = [new Ema(period, warmup), new Ema(period, warmup), new Ema(period, warmup)];
  }

  warmCount(): number {
    const [e1, e2, e3] = this.emas;
    return e1.warmup === "exponential" ? e1.warmCount() : e1.warmCount() + e2.warmCount() + e3.warmCount();
  }

  add(v: number): number {
    const [e1, e2, e3] = this.emas;
    const avg1 = e1.add(v);
    const avg2 = feeds(e1) ? e2.add(avg1) : avg1;
    const avg3 = feeds(e2) ? e3.add(avg2) : avg2;
    return 3 * avg1 - 3 * avg2 + avg3;
  }
}

/** Percent rate of change of a triple exponential average (its first output divides by zero). */
class Trix implements Indicator {
  private readonly emas: [Ema, Ema, Ema];
  private last = 0;

  constructor(period: number, warmup: Warmup) {
    this.emas = [new Ema(period, warmup), new Ema(period, warmup), new Ema(period, warmup)];
  }

  warmCount(): number {
    const e1 = this.emas[0];
    return e1.warmup === "exponential" ? e1.warmCount() + 1 : e1.warmCount() * 3 + 1;
  }

  add(v: number): number {
    const [e1, e2, e3] = this.emas;
    let cur = e1.add(v);
    if (feeds(e1)) {
      cur = e2.add(cur);
      if (feeds(e2)) cur = e3.add(cur);
    }
    const rate = (cur / this.last - 1) * 100;
    this.last = cur;
    return rate;
  }
}

/** Averages of rises and of falls, over `period + 1` values with a weight of 1/period (RSI, and CMO with a warm-up). */
class UpDown {
  readonly up: Ema;
  readonly down: Ema;
  private lastV = 0;

  constructor(period: number, warmup: Warmup) {
    this.up = new Ema(period + 1, warmup);
    this.down = new Ema(period + 1, warmup);
    this.up.alpha = this.down.alpha = 1 / period;
  }

  add(v: number): void {
    let up = 0;
    let down = 0;
    if (v > this.lastV) up = v - this.lastV;
    else if (v < this.lastV) down = this.lastV - v;
    this.up.add(up);
    this.down.add(down);
    this.lastV = v;
  }
}

/** A ratio of the rise and fall averages: the RSI, or the Chande oscillator with a warm-up. */
class MomentumRatio implements Indicator {
  private readonly moves: UpDown;

  constructor(
    period: number,
    warmup: Warmup,
    private readonly ratio: (up: number, down: number) => number,
  ) {
    this.moves = new UpDown(period, warmup);
  }

  warmCount(): number {
    return this.moves.up.warmCount();
  }

  add(v: number): number {
    this.moves.add(v);
    return this.ratio(this.moves.up.last, this.moves.down.last);
  }
}

const relativeStrength = (up: number, down: number) => 100 - 100 / (1 + up / down);
const chandeMomentum = (up: number, down: number) => 100.0 * ((up - down) / (up + down));

/**
 * A ring of `size` numbers that start at zero, allocated as it fills: a period can be as large as
 * a query asks, while the values a series brings are as few as its points.
 */
class ZeroRing {
  private values = new Float64Array(16);

  constructor(readonly size: number) {}

  get(i: number): number {
    return i < this.values.length ? this.values[i] : 0;
  }

  set(i: number, v: number): void {
    if (i >= this.values.length) {
      const grown = new Float64Array(Math.min(this.size, Math.max(2 * this.values.length, i + 1)));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[i] = v;
  }
}

/** The last `size` prices and the move to each, oldest overwritten first (gota's ring of points). */
class MoveRing {
  private readonly prices: ZeroRing;
  private readonly moves: ZeroRing;
  /** Slot of the newest price. */
  private newest = 0;

  constructor(readonly size: number) {
    this.prices = new ZeroRing(size);
    this.moves = new ZeroRing(size);
  }

  /** The slot the next price takes, holding the oldest. */
  oldest(): number {
    return this.newest + 1 >= this.size ? 0 : this.newest + 1;
  }

  newestPrice(): number {
    return this.prices.get(this.newest);
  }

  oldestPrice(): number {
    return this.prices.get(this.oldest());
  }

  oldestMove(): number {
    return this.moves.get(this.oldest());
  }

  push(price: number, move: number): void {
    const slot = this.oldest();
    this.prices.set(slot, price);
    this.moves.set(slot, move);
    this.newest = slot;
  }
}

/** Kaufman's efficiency ratio: net move over the sum of moves across `period` values (zeros at first). */
class Ker implements Indicator {
  private readonly ring: MoveRing;
  private noise = 0;
  private count = 0;

  constructor(period: number) {
    this.ring = new MoveRing(period);
  }

  warmCount(): number {
    return this.ring.size;
  }

  warmed(): boolean {
    return this.count === this.ring.size + 1;
  }

  /** The newest price: what KAMA starts from until the ratio is warm. */
  newestPrice(): number {
    return this.ring.newestPrice();
  }

  add(v: number): number {
    const signal = Math.abs(v - this.ring.oldestPrice());
    const move = Math.abs(v - this.ring.newestPrice());
    this.noise -= this.ring.oldestMove();
    this.noise += move;
    const noise = this.noise;
    this.ring.push(v, move);
    if (!this.warmed()) this.count++;
    if (signal === 0 || noise === 0) return 0;
    return signal / noise;
  }
}

/** 2/(30+1): the smoothing constant of a 30-period average, KAMA's slowest. */
const SLOWEST_SMOOTHING = 2 / 31;
/** 2/(2+1) − 2/(30+1) = 56/93, rounded once: Go folds the constant expression exactly. */
const SMOOTHING_SPAN = 56 / 93;

class Kama implements Indicator {
  private readonly ker: Ker;
  private last = 0;

  constructor(period: number) {
    this.ker = new Ker(period);
  }

  warmCount(): number {
    return this.ker.warmCount();
  }

  add(v: number): number {
    if (!this.ker.warmed()) this.last = this.ker.newestPrice();
    const er = this.ker.add(v);
    const sc = goPow(er * SMOOTHING_SPAN + SLOWEST_SMOOTHING, 2);
    this.last = this.last + sc * (v - this.last);
    return this.last;
  }
}

/** The Chande momentum oscillator without a warm-up: sums of rises and falls over a ring of `period - 1` moves. */
class Cmo implements Indicator {
  private readonly ring: MoveRing;
  private sumUp = 0;
  private sumDown = 0;
  private count = 0;

  constructor(period: number) {
    this.ring = new MoveRing(period - 1);
  }

  warmCount(): number {
    return this.ring.size;
  }

  add(v: number): number {
    let move = 0;
    if (this.count !== 0) {
      move = v - this.ring.newestPrice();
      if (move > 0) this.sumUp += move;
      else if (move < 0) this.sumDown -= move;
    }
    let out = 0;
    if (this.sumUp !== 0 || this.sumDown !== 0) out = 100.0 * ((this.sumUp - this.sumDown) / (this.sumUp + this.sumDown));
    const dropped = this.ring.oldestMove();
    if (dropped > 0) this.sumUp -= dropped;
    else if (dropped < 0) this.sumDown += dropped;
    this.ring.push(v, move);
    if (this.count !== this.ring.size + 2) this.count++;
    return out;
  }
}

export const TECHNICAL_ANALYSIS_FUNCTIONS: ReadonlySet<string> = new Set([
  "exponential_moving_average",
  "double_exponential_moving_average",
  "triple_exponential_moving_average",
  "relative_strength_index",
  "triple_exponential_derivative",
  "kaufmans_efficiency_ratio",
  "kaufmans_adaptive_moving_average",
  "chande_momentum_oscillator",
]);

/** What a call's arguments ask for: `hold` -1 is the indicator's own warm count; `warmup` null is the oscillator's plain form. */
export interface AnalysisArgs {
  period: number;
  hold: number;
  warmup: Warmup | null;
}

function indicatorFor(fn: string, { period, warmup }: AnalysisArgs): Indicator {
  const w = warmup ?? "exponential";
  switch (fn) {
    case "exponential_moving_average":
      return new Ema(period, w);
    case "double_exponential_moving_average":
      return new Dema(period, w);
    case "triple_exponential_moving_average":
      return new Tema(period, w);
    case "relative_strength_index":
      return new MomentumRatio(period, w, relativeStrength);
    case "triple_exponential_derivative":
      return new Trix(period, w);
    case "kaufmans_efficiency_ratio":
      return new Ker(period);
    case "kaufmans_adaptive_moving_average":
      return new Kama(period);
    default:
      return warmup === null ? new Cmo(period) : new MomentumRatio(period, warmup, chandeMomentum);
  }
}

/** Functions whose reducer drops an infinite value rather than emit it. */
const DROPS_INFINITE = new Set(["triple_exponential_derivative", "kaufmans_efficiency_ratio", "kaufmans_adaptive_moving_average"]);

/** A stream reducer: each input value through the indicator, a point once past the hold period. */
export class IndicatorReducer implements Reducer {
  private readonly indicator: Indicator;
  private readonly hold: number;
  private readonly dropsInfinite: boolean;
  private count = 0;
  private value = 0;
  private time = 0n;

  constructor(fn: string, args: AnalysisArgs) {
    this.indicator = indicatorFor(fn, args);
    this.hold = args.hold === -1 ? this.indicator.warmCount() : args.hold;
    this.dropsInfinite = DROPS_INFINITE.has(fn);
  }

  aggregate(p: Point): void {
    this.value = this.indicator.add(typeof p.value === "bigint" ? Number(p.value) : (p.value as number));
    this.time = p.time;
    this.count++;
  }

  emit(): Point[] {
    if (this.count <= this.hold) return [];
    if (this.dropsInfinite && (this.value === Infinity || this.value === -Infinity)) return [];
    return [point("", NO_TAGS, this.time, this.value, null, this.count)];
  }
}
