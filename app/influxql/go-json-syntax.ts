/**
 * The message Go's encoding/json gives for the first syntax error in a document, or undefined
 * when the text is valid JSON. InfluxDB answers malformed `params` with that message, so clients
 * see the same text from strata.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  const s = new GoJsonScan(text);
  try {
    s.space();
    s.value("looking for beginning of value");
    s.space();
    if (s.pos < text.length) s.fail("after top-level value");
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFault) return e.message;
    throw e;
  }
}

class SyntaxFault extends Error {}

/** Go's quoteChar: the offending character as Go prints it. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class GoJsonScan {
  pos = 0;

  constructor(private readonly text: string) {}

  fail(context: string): never {
    if (this.pos >= this.text.length) throw new SyntaxFault("unexpected end of JSON input");
    const c = String.fromCodePoint(this.text.codePointAt(this.pos)!);
    throw new SyntaxFault(`invalid character ${quoteChar(c)} ${context}`);
  }

  space(): void {
    while (this.pos < this.text.length && " \t\r\n".includes(this.text[this.pos])) this.pos++;
  }

  value(context: string): void {
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (c === word[0]) {
        for (let i = 1; i < word.length; i++) {
          this.pos++;
          if (this.text[this.pos] !== word[i]) this.fail(`in literal ${word} (expecting '${word[i]}')`);
        }
        this.pos++;
        return;
      }
    }
    this.fail(context);
  }

  object(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail("looking for beginning of object key string");
      this.string();
      this.space();
      if (this.text[this.pos] !== ":") this.fail("after object key");
      this.pos++;
      this.space();
      this.value("looking for beginning of value");
      this.space();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return;
      }
      if (this.text[this.pos] !== ",") this.fail("after object key:value pair");
      this.pos++;
      this.space();
    }
  }

  array(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.value("looking for beginning of value");
      this.space();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return;
      }
      if (this.text[this.pos] !== ",") this.fail("after array element");
      this.pos++;
      this.space();
    }
  }

  string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail("in string literal");
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c < " ") this.fail("in string literal");
      if (c === "\\") {
        this.pos++;
        const e = this.text[this.pos];
        if (e === "u") {
          for (let i = 0; i < 4; i++) {
            this.pos++;
            if (!/[0-9a-fA-F]/.test(this.text[this.pos] ?? "")) this.fail("in \\u hexadecimal character escape");
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail("in string escape code");
      }
      this.pos++;
    }
  }

  number(): void {
    const digits = () => {
      const start = this.pos;
      while (this.text[this.pos] >= "0" && this.text[this.pos] <= "9") this.pos++;
      return this.pos > start;
    };
    if (this.text[this.pos] === "-") {
      this.pos++;
      if (!(this.text[this.pos] >= "0" && this.text[this.pos] <= "9")) this.fail("in numeric literal");
    }
    if (this.text[this.pos] === "0") this.pos++;
    else digits();
    if (this.text[this.pos] === ".") {
      this.pos++;
      if (!digits()) this.fail("after decimal point in numeric literal");
    }
    if (this.text[this.pos] === "e" || this.text[this.pos] === "E") {
      this.pos++;
      if (this.text[this.pos] === "+" || this.text[this.pos] === "-") this.pos++;
      if (!digits()) this.fail("in exponent of numeric literal");
    }
  }
}
