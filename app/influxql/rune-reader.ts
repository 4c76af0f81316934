/**
 * The character reader under InfluxQL's scanner, with Go's exact behaviour: a three-slot ring that
 * can be unread, CR and CRLF read as LF, code point 0 doubling as end of input, and positions that
 * count the end of input once only. Error positions depend on all of it, so it is reproduced as is
 * rather than simplified.
 */

/** Code point that stands for end of input (a NUL in the text reads the same, as in Go). */
export const EOF_RUNE = 0;

/** Zero-based line and character (code point) offsets; messages print them one-based. */
export interface Pos {
  line: number;
  char: number;
}

const LF = 10;
const CR = 13;

export class RuneReader {
  private readonly text: string;
  /** UTF-16 offset of the next unread code point. */
  private offset = 0;
  private readonly ringCh = [0, 0, 0];
  private readonly ringLine = [0, 0, 0];
  private readonly ringChar = [0, 0, 0];
  private i = 0;
  private n = 0;
  private line = 0;
  private char = 0;
  private sawEof = false;

  constructor(text: string) {
    this.text = text;
  }

  /** Reads the next code point (unread ones first) and makes it current. */
  read(): number {
    if (this.n > 0) {
      this.n--;
      return this.curr();
    }
    let ch = EOF_RUNE;
    if (this.offset < this.text.length) {
      ch = this.text.codePointAt(this.offset) as number;
      this.offset += ch > 0xffff ? 2 : 1;
      if (ch === CR) {
        if (this.text.charCodeAt(this.offset) === LF) this.offset++;
        ch = LF;
      }
    }
    this.i = (this.i + 1) % 3;
    this.ringCh[this.i] = ch;
    this.ringLine[this.i] = this.line;
    this.ringChar[this.i] = this.char;
    if (ch === LF) {
      this.line++;
      this.char = 0;
    } else if (!this.sawEof) {
      this.char++;
    }
    if (ch === EOF_RUNE) this.sawEof = true;
    return ch;
  }

  /**
   * Reads code points while `accept` holds and returns them as text, leaving the first refused one
   * (or the end of input) unread: the same state as `read()` one at a time, for runs of ASCII other
   * than CR/LF and NUL (what `accept` may take), without building the text a character at a time.
   */
  readRun(accept: (ch: number) => boolean): string {
    if (this.n > 0 || this.sawEof) {
      let run = "";
      for (;;) {
        const ch = this.read();
        if (ch === EOF_RUNE || !accept(ch)) {
          this.unread();
          return run;
        }
        run += String.fromCharCode(ch);
      }
    }
    const text = this.text;
    const start = this.offset;
    let end = start;
    while (end < text.length && accept(text.charCodeAt(end))) end++;
    for (let j = Math.max(start, end - 3); j < end; j++) {
      this.i = (this.i + 1) % 3;
      this.ringCh[this.i] = text.charCodeAt(j);
      this.ringLine[this.i] = this.line;
      this.ringChar[this.i] = this.char + (j - start);
    }
    this.char += end - start;
    this.offset = end;
    return text.slice(start, end);
  }

  unread(): void {
    this.n++;
  }

  /** The last code point read (stepping back over unread ones). */
  curr(): number {
    return this.ringCh[this.slot()];
  }

  currPos(): Pos {
    const s = this.slot();
    return { line: this.ringLine[s], char: this.ringChar[s] };
  }

  private slot(): number {
    return (((this.i - this.n) % 3) + 3) % 3;
  }
}
