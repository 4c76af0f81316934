/**
 * The parser's view of the scanner: tokens with bound parameters substituted, and up to three
 * tokens of push-back (Go's `bufScanner`). Parsing functions take a TokenStream and consume it.
 */
import { errorAt } from "./parse-error.ts";
import type { BoundParams } from "./params.ts";
import { Scanner, type Tok } from "./scanner.ts";

/**
 * Nesting beyond this is refused. Go's parser has no limit (its stack grows), but JavaScript's
 * does not, and every consumer of the AST recurses too; real queries nest a handful of levels.
 */
const MAX_DEPTH = 500;

export class TokenStream {
  private readonly scanner: Scanner;
  private readonly ring: Tok[] = [];
  private i = 0;
  private n = 0;
  private depth = 0;

  constructor(
    text: string,
    readonly params: BoundParams,
  ) {
    this.scanner = new Scanner(text);
    const start: Tok = { tok: "ILLEGAL", pos: { line: 0, char: 0 }, lit: "" };
    this.ring.push(start, start, start);
  }

  scan(): Tok {
    return this.substitute(this.next(false));
  }

  /** Scans a `/regex/` at the raw position (or returns a pushed-back token, as Go does). */
  scanRegex(): Tok {
    return this.substitute(this.next(true));
  }

  /** The next token that is not whitespace or a comment. */
  scanIgnoreWhitespace(): Tok {
    for (;;) {
      const t = this.scan();
      if (t.tok !== "WS" && t.tok !== "COMMENT") return t;
    }
  }

  unscan(): void {
    this.n++;
  }

  consumeWhitespace(): void {
    if (this.scan().tok !== "WS") this.unscan();
  }

  peekRune(): number {
    return this.scanner.peekRune();
  }

  /** Enters one level of expression or subquery nesting. */
  enter(t: Tok): void {
    if (++this.depth > MAX_DEPTH) throw errorAt("expression nests too deeply", t.pos);
  }

  leave(): void {
    this.depth--;
  }

  private next(regex: boolean): Tok {
    if (this.n > 0) {
      this.n--;
    } else {
      this.i = (this.i + 1) % 3;
      this.ring[this.i] = regex ? this.scanner.scanRegex() : this.scanner.scan();
    }
    return this.ring[(((this.i - this.n) % 3) + 3) % 3];
  }

  /** A `$name` with a bound value becomes the value's token; unknown names stay BOUNDPARAM. */
  private substitute(t: Tok): Tok {
    if (t.tok !== "BOUNDPARAM") return t;
    const name = t.lit.slice(1);
    const v = name === "" ? undefined : this.params.get(name);
    return v === undefined ? t : { tok: v.tok, pos: t.pos, lit: v.lit };
  }
}
