/**
 * Response compression: zlib at its default level against libdeflate at levels 1, 4 and 6 on
 * /query answers shaped like TSBS rows (ns times, float values) from 60 to 100,000 rows. Prints the
 * time per answer and the compressed size.
 *
 *   bun run bench:compression
 */
import { tsbsAnswer } from "./tsbs-answer.mjs";

const OPTIONS = [{}, { library: "libdeflate", level: 1 }, { library: "libdeflate", level: 4 }, { library: "libdeflate", level: 6 }] as const;

function answer(rows: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(tsbsAnswer(rows, 13));
}

console.log("| answer bytes | " + OPTIONS.map((o) => ("library" in o ? `libdeflate ${o.level}` : "zlib 6")).join(" | ") + " |");
console.log("|---|" + OPTIONS.map(() => "---").join("|") + "|");
for (const rows of [60, 720, 13_000, 100_000]) {
  const body = answer(rows);
  const reps = Math.max(20, Math.floor(4e6 / body.length));
  const cells = OPTIONS.map((opts) => {
    let out = Bun.gzipSync(body, opts);
    for (let i = 0; i < reps / 4; i++) out = Bun.gzipSync(body, opts);
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) out = Bun.gzipSync(body, opts);
    return `${(((performance.now() - t0) / reps) * 1000).toFixed(1)} µs, ${out.length.toLocaleString("en-US")} B`;
  });
  console.log(`| ${body.length.toLocaleString("en-US")} | ${cells.join(" | ")} |`);
}
