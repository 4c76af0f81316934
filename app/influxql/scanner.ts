/**
 * InfluxQL's lexical scanner: text in, one token at a time out. It follows Go's `influxql`
 * scanner step by step (including where it reads ahead and steps back), because the positions in
 * InfluxDB's error messages are whatever that sequence leaves behind.
 */
import { EOF_RUNE, type Pos, RuneReader } from "./rune-reader.ts";
import { lookupKeyword, type Token } from "./tokens.ts";

export interface Tok {
  tok: Token;
  pos: Pos;
  /** Literal text for identifiers, strings, numbers, durations, regexes and unknown characters. */
  lit: string;
}

/** Code points the scanner dispatches on. */
const C = {
  TAB: 9, NL: 10, SPACE: 32, BANG: 33, DQUOTE: 34, DOLLAR: 36, PERCENT: 37, AMP: 38, QUOTE: 39,
  LPAREN: 40, RPAREN: 41, STAR: 42, PLUS: 43, COMMA: 44, MINUS: 45, DOT: 46, SLASH: 47, COLON: 58,
  SEMICOLON: 59, LT: 60, EQ: 61, GT: 62, BACKSLASH: 92, CARET: 94, UNDERSCORE: 95, N: 110, PIPE: 124,
  TILDE: 126,
  /** µ, accepted as the microsecond unit. */
  MICRO: 0xb5,
} as const;

const isWhitespace = (ch: number) => ch === C.SPACE || ch === C.TAB || ch === C.NL;
const isLetter = (ch: number) => (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90);
const isDigit = (ch: number) => ch >= 48 && ch <= 57;
const isIdentChar = (ch: number) => isLetter(ch) || isDigit(ch) || ch === C.UNDERSCORE;
const chr = (ch: number) => String.fromCodePoint(ch);
/** Printable ASCII that a quoted string takes as is, by closing quote. */
const plainIn = (ending: number) => (ch: number) => ch >= 32 && ch < 127 && ch !== ending && ch !== C.BACKSLASH;
const plainInString = plainIn(C.QUOTE);
const plainInIdent = plainIn(C.DQUOTE);

type StringError = "" | "bad string" | "bad escape";

export class Scanner {
  private readonly r: RuneReader;

  constructor(text: string) {
    this.r = new RuneReader(text);
  }

  /** Go's `peekRune`: the next raw character, ignoring any tokens the parser has pushed back. */
  peekRune(): number {
    const ch = this.r.read();
    if (ch !== EOF_RUNE) this.r.unread();
    return ch;
  }

  scan(): Tok {
    const ch0 = this.r.read();
    const pos = this.r.currPos();
    if (isWhitespace(ch0)) return this.scanWhitespace();
    if (isLetter(ch0) || ch0 === C.UNDERSCORE) {
      this.r.unread();
      return this.scanIdent(true);
    }
    if (isDigit(ch0)) return this.scanNumber();

    switch (ch0) {
      case EOF_RUNE:
        return { tok: "EOF", pos, lit: "" };
      case C.DQUOTE:
        this.r.unread();
        return this.scanIdent(true);
      case C.QUOTE:
        return this.scanString();
      case C.DOT: {
        const ch1 = this.r.read();
        this.r.unread();
        if (isDigit(ch1)) return this.scanNumber();
        return { tok: "DOT", pos, lit: "" };
      }
      case C.DOLLAR: {
        const t = this.scanIdent(false);
        return { tok: t.tok === "IDENT" ? "BOUNDPARAM" : t.tok, pos, lit: "$" + t.lit };
      }
      case C.PLUS:
        return { tok: "ADD", pos, lit: "" };
      case C.MINUS: {
        if (this.r.read() === C.MINUS) {
          this.skipUntilNewline();
          return { tok: "COMMENT", pos, lit: "" };
        }
        this.r.unread();
        return { tok: "SUB", pos, lit: "" };
      }
      case C.STAR:
        return { tok: "MUL", pos, lit: "" };
      case C.SLASH: {
        if (this.r.read() === C.STAR) {
          return { tok: this.skipUntilEndComment() ? "COMMENT" : "ILLEGAL", pos, lit: "" };
        }
        this.r.unread();
        return { tok: "DIV", pos, lit: "" };
      }
      case C.PERCENT:
        return { tok: "MOD", pos, lit: "" };
      case C.AMP:
        return { tok: "BITWISE_AND", pos, lit: "" };
      case C.PIPE:
        return { tok: "BITWISE_OR", pos, lit: "" };
      case C.CARET:
        return { tok: "BITWISE_XOR", pos, lit: "" };
      case C.EQ: {
        if (this.r.read() === C.TILDE) return { tok: "EQREGEX", pos, lit: "" };
        this.r.unread();
        return { tok: "EQ", pos, lit: "" };
      }
      case C.BANG: {
        // A lone `!` falls through to ILLEGAL.
        const ch1 = this.r.read();
        if (ch1 === C.EQ) return { tok: "NEQ", pos, lit: "" };
        if (ch1 === C.TILDE) return { tok: "NEQREGEX", pos, lit: "" };
        this.r.unread();
        break;
      }
      case C.GT: {
        if (this.r.read() === C.EQ) return { tok: "GTE", pos, lit: "" };
        this.r.unread();
        return { tok: "GT", pos, lit: "" };
      }
      case C.LT: {
        const ch1 = this.r.read();
        if (ch1 === C.EQ) return { tok: "LTE", pos, lit: "" };
        if (ch1 === C.GT) return { tok: "NEQ", pos, lit: "" };
        this.r.unread();
        return { tok: "LT", pos, lit: "" };
      }
      case C.LPAREN:
        return { tok: "LPAREN", pos, lit: "" };
      case C.RPAREN:
        return { tok: "RPAREN", pos, lit: "" };
      case C.COMMA:
        return { tok: "COMMA", pos, lit: "" };
      case C.SEMICOLON:
        return { tok: "SEMICOLON", pos, lit: "" };
      case C.COLON: {
        if (this.r.read() === C.COLON) return { tok: "DOUBLECOLON", pos, lit: "" };
        this.r.unread();
        return { tok: "COLON", pos, lit: "" };
      }
    }
    return { tok: "ILLEGAL", pos, lit: chr(ch0) };
  }

  /**
   * Reads a `/.../` regex. Only `\/` is an escape; other backslashes pass through to the regex
   * engine. The position is that of the character before the opening slash, as in Go.
   */
  scanRegex(): Tok {
    const pos = this.r.currPos();
    if (this.r.read() !== C.SLASH) return { tok: "BADREGEX", pos, lit: "" };
    let buf = "";
    for (;;) {
      const ch0 = this.r.read();
      if (ch0 === C.SLASH) return { tok: "REGEX", pos, lit: buf };
      if (ch0 === EOF_RUNE || ch0 === C.NL) return { tok: "BADREGEX", pos, lit: "" };
      if (ch0 === C.BACKSLASH) {
        const ch1 = this.r.read();
        if (ch1 === EOF_RUNE) return { tok: "BADREGEX", pos, lit: "" };
        if (ch1 === C.SLASH) {
          buf += "/";
          continue;
        }
        this.r.unread();
      }
      buf += chr(ch0);
    }
  }

  private scanWhitespace(): Tok {
    const pos = this.r.currPos();
    let buf = chr(this.r.curr());
    for (;;) {
      const ch = this.r.read();
      if (ch === EOF_RUNE) break;
      if (!isWhitespace(ch)) {
        this.r.unread();
        break;
      }
      buf += chr(ch);
    }
    return { tok: "WS", pos, lit: buf };
  }

  private skipUntilNewline(): void {
    for (;;) {
      const ch = this.r.read();
      if (ch === C.NL || ch === EOF_RUNE) return;
    }
  }

  /** False when the input ends inside the comment. */
  private skipUntilEndComment(): boolean {
    for (;;) {
      let ch = this.r.read();
      if (ch === EOF_RUNE) return false;
      while (ch === C.STAR) {
        ch = this.r.read();
        if (ch === C.SLASH) return true;
        if (ch === EOF_RUNE) return false;
      }
    }
  }

  private scanIdent(lookup: boolean): Tok {
    this.r.read();
    const pos = this.r.currPos();
    this.r.unread();

    let buf = "";
    for (;;) {
      const ch = this.r.read();
      if (ch === EOF_RUNE) break;
      if (ch === C.DQUOTE) {
        // A quote anywhere restarts the identifier as a quoted one, dropping what came before.
        const t = this.scanString();
        if (t.tok === "BADSTRING" || t.tok === "BADESCAPE") return t;
        return { tok: "IDENT", pos, lit: t.lit };
      }
      if (isIdentChar(ch)) {
        this.r.unread();
        buf += this.scanBareIdent();
      } else {
        this.r.unread();
        break;
      }
    }
    if (lookup) {
      const tok = lookupKeyword(buf);
      if (tok !== "IDENT") return { tok, pos, lit: "" };
    }
    return { tok: "IDENT", pos, lit: buf };
  }

  private scanBareIdent(): string {
    const run = this.r.readRun(isIdentChar);
    // Go's scanBareIdent consumes the end of input (or a NUL) that stops it instead of unreading it.
    if (this.r.read() !== EOF_RUNE) this.r.unread();
    return run;
  }

  /** Reads a string quoted by the character just read (`'` for strings, `"` for identifiers). */
  private scanString(): Tok {
    this.r.unread();
    let pos = this.r.currPos();
    const [lit, err] = this.readQuoted();
    if (err === "bad string") return { tok: "BADSTRING", pos, lit };
    if (err === "bad escape") {
      pos = this.r.currPos();
      return { tok: "BADESCAPE", pos, lit };
    }
    return { tok: "STRING", pos, lit };
  }

  private readQuoted(): [string, StringError] {
    const ending = this.r.read();
    if (ending === EOF_RUNE) return ["", "bad string"];
    const plain = ending === C.QUOTE ? plainInString : ending === C.DQUOTE ? plainInIdent : plainIn(ending);
    let buf = "";
    for (;;) {
      buf += this.r.readRun(plain);
      const ch0 = this.r.read();
      if (ch0 === ending) return [buf, ""];
      if (ch0 === EOF_RUNE || ch0 === C.NL) return [buf, "bad string"];
      if (ch0 === C.BACKSLASH) {
        const ch1 = this.r.read();
        if (ch1 === C.N) buf += "\n";
        else if (ch1 === C.BACKSLASH) buf += "\\";
        else if (ch1 === C.DQUOTE) buf += '"';
        else if (ch1 === C.QUOTE) buf += "'";
        else return ["\\" + chr(ch1), "bad escape"];
      } else {
        buf += chr(ch0);
      }
    }
  }

  /** Numbers, integers and durations (`10`, `1.5`, `.5`, `1h30m`, `10µs`). */
  private scanNumber(): Tok {
    const pos = this.r.currPos();
    if (this.r.curr() === C.DOT) {
      // Called on `.` only when a digit follows; step back over both to read from the dot.
      this.r.read();
      this.r.unread();
      this.r.unread();
    } else {
      this.r.unread();
    }

    let buf = this.scanDigits();
    let isDecimal = false;
    const ch0 = this.r.read();
    if (ch0 === C.DOT) {
      isDecimal = true;
      const ch1 = this.r.read();
      if (isDigit(ch1)) buf += "." + chr(ch1) + this.scanDigits();
      else this.r.unread();
    } else {
      this.r.unread();
    }
    if (isDecimal) return { tok: "NUMBER", pos, lit: buf };

    const unit = this.r.read();
    if (!isLetter(unit) && unit !== C.MICRO) {
      this.r.unread();
      return { tok: "INTEGER", pos, lit: buf };
    }
    buf += chr(unit);
    for (;;) {
      const ch = this.r.read();
      if (!isLetter(ch) && ch !== C.MICRO) {
        this.r.unread();
        break;
      }
      buf += chr(ch);
    }
    // Further digits and units belong to the same token (`1h30m`).
    for (;;) {
      const ch = this.r.read();
      if (!isLetter(ch) && ch !== C.MICRO && !isDigit(ch)) {
        this.r.unread();
        break;
      }
      buf += chr(ch);
    }
    return { tok: "DURATIONVAL", pos, lit: buf };
  }

  private scanDigits(): string {
    return this.r.readRun(isDigit);
  }
}
