import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { loadWords, peek } from "../../../storage/tsdb/codec/bit-reader.ts";
import { BitWriter } from "../../../storage/tsdb/codec/bit-writer.ts";
import { ByteBuffer } from "../../../storage/tsdb/codec/byte-buffer.ts";
import { ByteCursor } from "../../../storage/tsdb/codec/byte-cursor.ts";

describe("bit stream", () => {
  test("fields of 0..32 bits round-trip at every alignment", () => {
    const field = fc.integer({ min: 0, max: 32 }).chain((width) =>
      fc.tuple(fc.constant(width), fc.integer({ min: 0, max: width === 32 ? 0xffffffff : 2 ** width - 1 })),
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 200 }), fc.integer({ min: 0, max: 7 }), (fields, offset) => {
        const w = new BitWriter().reset();
        for (const [width, value] of fields) w.write(value, width);
        const out = new ByteBuffer();
        for (let i = 0; i < offset; i++) out.u8(0xff);
        w.appendTo(out);
        const bytes = out.finish();
        expect(bytes.length).toBe(offset + Math.ceil(fields.reduce((a, [width]) => a + width, 0) / 8));
        const words = loadWords(bytes, offset, bytes.length - offset);
        let p = 0;
        for (const [width, value] of fields) {
          const x = peek(words, p);
          expect(width === 32 ? x >>> 0 : x & ((1 << width) - 1)).toBe(value);
          p += width;
        }
      }),
    );
  });

  test("a stream written after a longer one carries none of its bits", () => {
    const w = new BitWriter();
    for (let i = 0; i < 100; i++) w.write(0xffffffff, 32);
    w.reset();
    w.write(0, 32);
    w.write(1, 1);
    const out = new ByteBuffer();
    w.appendTo(out);
    expect([...out.finish()]).toEqual([0, 0, 0, 0, 1]);
  });
});

describe("varints", () => {
  test("unsigned and zigzag varints round-trip up to 2^53 / 2^52", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 50 }),
        fc.array(fc.integer({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1 }), { maxLength: 50 }),
        (us, zs) => {
          const b = new ByteBuffer();
          for (const u of us) b.varint(u);
          for (const z of zs) b.zigzag(z);
          const c = new ByteCursor(b.finish());
          for (const u of us) expect(c.varint()).toBe(u);
          for (const z of zs) expect(c.zigzag()).toBe(z);
          expect(c.remaining).toBe(0);
        },
      ),
    );
  });

  test("a truncated varint throws", () => {
    expect(() => new ByteCursor(new Uint8Array([0x80, 0x80])).varint()).toThrow(/codec: truncated/);
  });
});
