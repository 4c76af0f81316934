import { expect, test } from "bun:test";
import { goJsonSyntaxError } from "../../../app/influxql/go-json-syntax.ts";

test.each([
  ["{not json", "invalid character 'n' looking for beginning of object key string"],
  ["", "unexpected end of JSON input"],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
  ["[1 2]", "invalid character '2' after array element"],
  ["tru", "unexpected end of JSON input"],
  ["trux", "invalid character 'x' in literal true (expecting 'e')"],
  ['{"a":1} x', "invalid character 'x' after top-level value"],
  ["01", "invalid character '1' after top-level value"],
  ["1.", "unexpected end of JSON input"],
  ["'a'", "invalid character '\\'' looking for beginning of value"],
])("%j → Go's message", (text, message) => {
  expect(goJsonSyntaxError(text)).toBe(message);
});

test("valid documents have no error", () => {
  for (const t of ['{"a":{"integer":1}}', " [1, -2.5e3, true, null, \"\\u00e9\"] ", "{}"]) expect(goJsonSyntaxError(t)).toBeUndefined();
});
