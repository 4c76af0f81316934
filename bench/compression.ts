/**
 * Response compression: zlib at its default level and at level 1 against libdeflate at levels 1,
 * 4 and 6 on /query answers shaped like TSBS rows (ns times, float values) from 60 rows of one
 * column (single-groupby-1-1-1's answer) to 100,000 rows. Prints the time per answer back to back,
 * the median time of one answer after a 1 ms idle pause (how a server answering queries one at a
 * time meets it), and the compressed size.
 *
 *   bun run bench:compression
 */
import { tsbsAnswer } from "./tsbs-answer.mjs";

const OPTIONS = [{}, { level: 1 }, { library: "libdeflate", level: 1 }, { library: "libdeflate", level: 4 }, { library: "libdeflate", level: 6 }] as const;
const ANSWERS: [rows: number, columns: number][] = [
  [60, 2],
  [60, 13],
  [300, 2],
  [720, 13],
  [13_000, 13],
  [100_000, 13],
];
const AFTER_IDLE_SAMPLES = 200;

function answer(rows: number, columns: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(tsbsAnswer(rows, columns));
}

function label(o: (typeof OPTIONS)[number]): string {
  if ("library" in o) return `libdeflate ${o.level}`;
  return "level" in o ? `zlib ${o.level}` : "zlib 6";
}

function afterIdleMicros(body: Uint8Array<ArrayBuffer>, opts: (typeof OPTIONS)[number]): number {
  const times: number[] = [];
  for (let i = 0; i < AFTER_IDLE_SAMPLES; i++) {
    Bun.sleepSync(1);
    const t0 = performance.now();
    Bun.gzipSync(body, opts);
    times.push((performance.now() - t0) * 1000);
  }
  return times.sort((a, b) => a - b)[AFTER_IDLE_SAMPLES >> 1];
}

console.log("Each cell: µs back to back / µs after a 1 ms pause, compressed bytes.\n");
console.log("| answer bytes | " + OPTIONS.map(label).join(" | ") + " |");
console.log("|---|" + OPTIONS.map(() => "---").join("|") + "|");
for (const [rows, columns] of ANSWERS) {
  const body = answer(rows, columns);
  const reps = Math.max(20, Math.floor(4e6 / body.length));
  const cells = OPTIONS.map((opts) => {
    let out = Bun.gzipSync(body, opts);
    for (let i = 0; i < reps / 4; i++) out = Bun.gzipSync(body, opts);
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) out = Bun.gzipSync(body, opts);
    const backToBack = ((performance.now() - t0) / reps) * 1000;
    const idle = body.length < 100_000 ? ` / ${afterIdleMicros(body, opts).toFixed(1)}` : "";
    return `${backToBack.toFixed(1)}${idle} µs, ${out.length.toLocaleString("en-US")} B`;
  });
  console.log(`| ${body.length.toLocaleString("en-US")} (${rows}×${columns}) | ${cells.join(" | ")} |`);
}
