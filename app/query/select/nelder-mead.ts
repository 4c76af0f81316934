/**
 * The Nelder-Mead simplex minimiser exactly as InfluxDB 1.6.7's `query/neldermead` runs it (after
 * Michael F. Hutt's C version): the same initial simplex, the same order of reflection, expansion
 * and contraction, and the same convergence test, so that holt_winters() fits the same parameters
 * to the last bit. The objective may change the vertex it is given (holt_winters clamps its
 * parameters in place), as Go's slices let it.
 */
import { goPow } from "./math-functions.ts";

const MAX_ITERATIONS = 1000;
const REFLECTION = 1.0;
const CONTRACTION = 0.5;
const EXPANSION = 2.0;

export interface Minimum {
  value: number;
  at: Float64Array;
}

export function nelderMead(objective: (x: Float64Array) => number, start: Float64Array, epsilon: number, scale: number): Minimum {
  const n = start.length;
  const v = Array.from({ length: n + 1 }, () => new Float64Array(n));
  const f = new Float64Array(n + 1);
  const vr = new Float64Array(n);
  const ve = new Float64Array(n);
  const vc = new Float64Array(n);
  const vm = new Float64Array(n);

  // The initial simplex: the start and n vertices offset from it.
  const pn = (scale * (Math.sqrt(n + 1) - 1 + n)) / (n * Math.SQRT2);
  const qn = (scale * (Math.sqrt(n + 1) - 1)) / (n * Math.SQRT2);
  v[0].set(start);
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j < n; j++) v[i][j] = (i - 1 === j ? pn : qn) + start[j];
  }
  for (let j = 0; j <= n; j++) f[j] = objective(v[j]);

  for (let itr = 1; itr <= MAX_ITERATIONS; itr++) {
    // The largest, smallest and second largest values.
    let vg = 0;
    let vs = 0;
    for (let i = 0; i <= n; i++) {
      if (f[i] > f[vg]) vg = i;
      if (f[i] < f[vs]) vs = i;
    }
    let vh = vs;
    for (let i = 0; i <= n; i++) {
      if (f[i] > f[vh] && f[i] < f[vg]) vh = i;
    }

    for (let i = 0; i < n; i++) {
      let cent = 0.0;
      for (let m = 0; m <= n; m++) if (m !== vg) cent += v[m][i];
      vm[i] = cent / n;
    }

    for (let i = 0; i < n; i++) vr[i] = vm[i] + REFLECTION * (vm[i] - v[vg][i]);
    const fr = objective(vr);
    if (fr < f[vh] && fr >= f[vs]) {
      v[vg].set(vr);
      f[vg] = fr;
    }

    if (fr < f[vs]) {
      for (let i = 0; i < n; i++) ve[i] = vm[i] + EXPANSION * (vr[i] - vm[i]);
      const fe = objective(ve);
      if (fe < fr) {
        v[vg].set(ve);
        f[vg] = fe;
      } else {
        v[vg].set(vr);
        f[vg] = fr;
      }
    }

    if (fr >= f[vh]) {
      if (fr < f[vg] && fr >= f[vh]) {
        for (let i = 0; i < n; i++) vc[i] = vm[i] + CONTRACTION * (vr[i] - vm[i]);
      } else {
        for (let i = 0; i < n; i++) vc[i] = vm[i] - CONTRACTION * (vm[i] - v[vg][i]);
      }
      const fc = objective(vc);
      if (fc < f[vg]) {
        v[vg].set(vc);
        f[vg] = fc;
      } else {
        // The contraction failed: halve every vertex's distance to the smallest.
        for (let row = 0; row <= n; row++) {
          if (row === vs) continue;
          for (let i = 0; i < n; i++) v[row][i] = v[vs][i] + (v[row][i] - v[vs][i]) / 2.0;
        }
        f[vg] = objective(v[vg]);
        f[vh] = objective(v[vh]);
      }
    }

    let fsum = 0.0;
    for (let i = 0; i <= n; i++) fsum += f[i];
    const favg = fsum / (n + 1);
    let s = 0.0;
    for (let i = 0; i <= n; i++) s += goPow(f[i] - favg, 2.0) / n;
    if (Math.sqrt(s) < epsilon) break;
  }

  let vs = 0;
  for (let i = 0; i <= n; i++) if (f[i] < f[vs]) vs = i;
  const at = v[vs].slice();
  return { value: objective(v[vs]), at };
}
