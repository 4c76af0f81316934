/**
 * RuneReader.readRun is a shortcut for reading one code point at a time: after it, every later
 * read, unread, current code point and position must be what the one-at-a-time reads give.
 */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { EOF_RUNE, RuneReader } from "../../../app/influxql/rune-reader.ts";

const isWord = (ch: number) => (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95;

/** readRun's contract spelled out with read(): the run, then the refused code point unread. */
function runByReads(r: RuneReader): string {
  let run = "";
  for (;;) {
    const ch = r.read();
    if (ch === EOF_RUNE || !isWord(ch)) {
      r.unread();
      return run;
    }
    run += String.fromCharCode(ch);
  }
}

/**
 * What a scanner sees next: optionally one step back first (what it may do right after a run),
 * then reads to the end of input, each followed by up to two unreads (all the ring holds) and the
 * reads that come back.
 */
function trace(r: RuneReader, stepBack: boolean, unreads: number[]): unknown[] {
  const out: unknown[] = [];
  if (stepBack) {
    r.unread();
    out.push([r.curr(), r.currPos()]);
  }
  for (let step = 0; step < 60; step++) {
    const ch = r.read();
    out.push([ch, r.currPos()]);
    // A step back before the first read used one slot of the ring already.
    const back = Math.min(unreads[step % unreads.length], stepBack && step === 0 ? 1 : 2);
    for (let k = 0; k < back; k++) {
      r.unread();
      out.push([r.curr(), r.currPos()]);
    }
    for (let k = 0; k < back; k++) r.read();
    if (ch === EOF_RUNE) break;
  }
  return out;
}

const text = fc.array(fc.constantFrom("a", "z", "_", "7", " ", "'", "\n", "\r", "\r\n", "\u0000", "é", "😀", "\ud800"), { maxLength: 30 }).map((a) => a.join(""));

test("readRun leaves the reader as reading one code point at a time does", () => {
  fc.assert(
    fc.property(text, fc.nat(5), fc.boolean(), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }), (s, before, stepBack, unreads) => {
      const fast = new RuneReader(s);
      const slow = new RuneReader(s);
      for (let k = 0; k < before; k++) {
        fast.read();
        slow.read();
      }
      if (before > 0 && stepBack) {
        fast.unread();
        slow.unread();
      }
      expect(fast.readRun(isWord)).toBe(runByReads(slow));
      expect(trace(fast, stepBack, unreads)).toEqual(trace(slow, stepBack, unreads));
    }),
    { numRuns: 3000 },
  );
});
