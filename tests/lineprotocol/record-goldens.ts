/**
 * Records how a real InfluxDB 1.6.7 decides on tricky line-protocol input, into
 * `tests/lineprotocol/fixtures/influxdb-1.6.7-lines.json`, which `golden.test.ts` replays against
 * our parser without needing influxd.
 *
 * Rerun (influxd 1.6.7 from apt; never use a production server, the script creates and drops
 * one database per case):
 *
 *   mkdir -p /tmp/lp-influx
 *   sed -e 's#/tmp/anchors/influx#/tmp/lp-influx#g' -e 's#127.0.0.1:8086#127.0.0.1:18086#' \
 *       -e 's#^bind-address = "127.0.0.1:8088"#bind-address = "127.0.0.1:18088"#' \
 *       /work/shared/bench/influxdb-1.6.conf > /tmp/lp-influx/influxdb.conf
 *   influxd -config /tmp/lp-influx/influxdb.conf & echo $! > /tmp/lp-influx/influxd.pid
 *   INFLUX_URL=http://127.0.0.1:18086 bun tests/lineprotocol/record-goldens.ts
 *   kill "$(cat /tmp/lp-influx/influxd.pid)"
 *
 * Each case is POSTed alone to `/write?db=<fresh db>&precision=<p>`; the status and error text are
 * kept, then what influxd stored is read back (SHOW SERIES, SHOW FIELD KEYS, SELECT * GROUP BY *,
 * epoch=ns) with numbers kept as their source text so int64 values and times stay exact.
 *
 * `strataDiffers` marks cases where strata deliberately decides otherwise; the case list below is
 * the one place to add cases or change those notes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface GoldenCase {
  name: string;
  /** Request body as UTF-8 text (absent when `bodyHex` or `bodyParts` is used). */
  body?: string;
  /** Request body bytes in hex, for bodies that are not valid UTF-8. */
  bodyHex?: string;
  /** Request body as concatenated (repeated) pieces, so very long lines stay readable here. */
  bodyParts?: { text: string; repeat?: number }[];
  /** The `precision` query parameter; `ns` when absent. */
  precision?: string;
  /** Lines without a timestamp: influxd used its own clock, so times are not comparable. */
  now?: boolean;
  /** Why strata deliberately decides differently from 1.6.7 here. */
  strataDiffers?: string;
}

export interface StoredPoint {
  measurement: string;
  tags: Record<string, string>;
  /** Nanoseconds since the epoch, as decimal text. */
  time: string;
  /** Float and integer values as their JSON source text, strings as strings, booleans as booleans. */
  fields: Record<string, string | boolean>;
}

export interface InfluxOutcome {
  status: number;
  error?: string;
  series: string[];
  fieldKeys: { measurement: string; key: string; type: string }[];
  points: StoredPoint[];
}

export interface RecordedCase extends GoldenCase {
  influx: InfluxOutcome;
}

export interface GoldenFile {
  influxdbVersion: string;
  recordedAt: string;
  cases: RecordedCase[];
}

const UTF8_NOT_REQUIRED =
  "strata rejects invalid UTF-8 (the issue asks for it); 1.6.7 stores U+FFFD or fails with a 500";
const CRLF = "strata accepts CRLF line endings (the issue asks for it); 1.6.7 keeps the CR and fails";
const UNSIGNED = "strata supports unsigned integers (the issue asks for it); 1.6.7 has them disabled";

export const CASES: GoldenCase[] = [
  // --- accepted basics -------------------------------------------------------------------------
  { name: "minimal", body: "cpu v=1 1" },
  { name: "tags and all 1.6.7 field types", body: 'cpu,host=a,region=b f=1.5,i=-3i,s="x",b=t 10' },
  { name: "unsorted tags are sorted by key", body: "cpu,z=1,a=2,m=3 v=1 1" },
  { name: "tags sort by bytes: upper case before lower case", body: "cpu,b=1,B=2,_=3,a=4 v=1 1" },
  { name: "tags sort by UTF-8 bytes", body: "cpu,é=1,z=2,Z=3 v=1 1" },
  { name: "no timestamp uses the server clock", body: "cpu v=1", now: true },
  { name: "negative timestamp", body: "cpu v=1 -1" },
  { name: "timestamp zero", body: "cpu v=1 0" },
  { name: "timestamp with leading zeros", body: "cpu v=1 0000000000000000000000001" },
  { name: "largest valid timestamp", body: "cpu v=1 9223372036854775806" },
  { name: "smallest valid timestamp", body: "cpu v=1 -9223372036854775806" },
  { name: "int64 max timestamp is out of range", body: "cpu v=1 9223372036854775807" },
  { name: "int64 min + 1 timestamp is out of range", body: "cpu v=1 -9223372036854775807" },
  { name: "int64 min timestamp is out of range", body: "cpu v=1 -9223372036854775808" },
  { name: "timestamp beyond int64", body: "cpu v=1 9223372036854775808" },
  { name: "timestamp far beyond int64", body: "cpu v=1 -99999999999999999999" },
  { name: "precision u", body: "cpu v=1 1234567", precision: "u" },
  { name: "precision ms", body: "cpu v=1 1234567", precision: "ms" },
  { name: "precision s", body: "cpu v=1 1234567", precision: "s" },
  { name: "precision m", body: "cpu v=1 1234567", precision: "m" },
  { name: "precision h", body: "cpu v=1 1234567", precision: "h" },
  { name: "precision n", body: "cpu v=1 1234567", precision: "n" },
  { name: "precision s negative", body: "cpu v=1 -1234567", precision: "s" },
  { name: "precision s near the upper limit", body: "cpu v=1 9223372036", precision: "s" },
  { name: "precision s past the upper limit", body: "cpu v=1 9223372037", precision: "s" },
  { name: "precision h at the limit", body: "cpu v=1 2562047", precision: "h" },
  { name: "precision h past the limit", body: "cpu v=1 2562048", precision: "h" },
  { name: "precision h negative limit", body: "cpu v=1 -2562048", precision: "h" },
  { name: "precision ms past the limit", body: "cpu v=1 9223372036855", precision: "ms" },
  { name: "precision u huge", body: "cpu v=1 9223372036854775", precision: "u" },
  {
    name: "precision us (v2 name)",
    body: "cpu v=1 1234567",
    precision: "us",
    strataDiffers: "parsePrecision maps `us` to microseconds; 1.6.7's /write silently treats unknown names as ns",
  },

  // --- whitespace, comments, blank lines, line endings ----------------------------------------
  { name: "extra spaces between sections", body: "cpu,t=a   v=1   1" },
  { name: "trailing spaces after timestamp", body: "cpu v=1 1   " },
  { name: "trailing spaces after fields", body: "cpu v=1   ", now: true },
  { name: "leading spaces and tabs", body: " \t cpu v=1 1" },
  { name: "tab between measurement and fields", body: "cpu\tv=1 1" },
  { name: "tab between fields and timestamp", body: "cpu v=1\t1" },
  { name: "tab after the separating space", body: "cpu \tv=1 \t1" },
  { name: "comment line", body: "# cpu v=1 1" },
  { name: "indented comment line", body: "   #cpu v=1 1" },
  { name: "blank and whitespace-only lines", body: "\n   \n\t\ncpu v=1 1\n\n" },
  { name: "CRLF after timestamp", body: "cpu v=1 1\r\n", strataDiffers: CRLF },
  { name: "CRLF after float", body: "cpu v=1\r\n", now: true, strataDiffers: CRLF },
  { name: "CRLF after string", body: 'cpu v="a"\r\n', now: true, strataDiffers: CRLF },
  { name: "CRLF after boolean", body: "cpu v=true\r\n", now: true, strataDiffers: CRLF },
  { name: "CRLF multi-line body", body: "cpu v=1 1\r\ncpu v=2 2\r\n", strataDiffers: CRLF },
  { name: "trailing junk after timestamp", body: "cpu v=1 1 x" },
  { name: "letter inside timestamp", body: "cpu v=1 1x" },
  { name: "decimal timestamp", body: "cpu v=1 1.5" },
  { name: "plus-signed timestamp", body: "cpu v=1 +1" },
  { name: "lone minus timestamp", body: "cpu v=1 -" },
  { name: "exponent timestamp", body: "cpu v=1 1e9" },
  { name: "two timestamps", body: "cpu v=1 1 2" },

  // --- missing parts ----------------------------------------------------------------------------
  { name: "measurement only", body: "cpu" },
  { name: "measurement and space", body: "cpu " },
  { name: "measurement and tags only", body: "cpu,host=a" },
  { name: "measurement and tags and space", body: "cpu,host=a " },
  { name: "missing measurement", body: ",host=a v=1 1" },
  { name: "missing measurement before space", body: " ,t=a v=1" },
  { name: "missing tag key", body: "cpu,=a v=1 1" },
  { name: "missing tag value", body: "cpu,a v=1 1" },
  { name: "empty tag value", body: "cpu,a= v=1 1" },
  { name: "trailing comma in tags", body: "cpu,a=b, v=1 1" },
  { name: "double comma in tags", body: "cpu,a=b,,c=d v=1 1" },
  { name: "field without value", body: "cpu v" },
  { name: "field with empty value at end", body: "cpu v=" },
  { name: "field with empty value before next", body: "cpu v=,w=1 1" },
  { name: "field without key", body: "cpu =1 1" },
  { name: "second field without key", body: "cpu v=1,=2 1" },
  { name: "trailing comma in fields", body: "cpu v=1, 1" },
  { name: "second field without equals", body: "cpu v=1,w 1" },
  { name: "double comma in fields", body: "cpu v=1,,w=2 1" },
  { name: "double equals in field", body: "cpu v==1 1" },
  { name: "unescaped equals in tag value", body: "cpu,t=a=b v=1 1" },
  { name: "tag value starting with equals", body: "cpu,t==b v=1 1" },

  // --- escaping: measurement ------------------------------------------------------------------
  { name: "escaped comma in measurement", body: "c\\,pu v=1 1" },
  { name: "escaped space in measurement", body: "c\\ pu v=1 1" },
  { name: "escaped equals in measurement", body: "c\\=pu v=1 1" },
  { name: "plain equals in measurement", body: "c=pu v=1 1" },
  { name: "escaped quote in measurement", body: 'c\\"pu v=1 1' },
  { name: "plain quote in measurement", body: 'c"pu v=1 1' },
  { name: "other backslash in measurement stays", body: "c\\pu v=1 1" },
  { name: "double backslash in measurement stays", body: "c\\\\pu v=1 1" },
  { name: "measurement ending in escaped space", body: "cpu\\ ,t=a v=1 1" },
  { name: "measurement that is one escaped space", body: "\\  v=1 1" },
  { name: "measurement starting with escaped hash", body: "\\#cpu v=1 1" },
  { name: "measurement with hash inside", body: "c#pu v=1 1" },
  { name: "measurement ending in backslash at end of line", body: "cpu\\" },
  {
    name: "equivalent measurement escapes intern to one series",
    body: "c\\=p\\\"u v=1 1\nc=p\"u v=2 2\nc\\=p\"u,t=\\=x w=3 3\nc=p\"u,t==x w=4 4",
    strataDiffers:
      "equivalent spellings are one series in strata; 1.6.7 indexes one spelling and loses the points written with the other",
  },
  { name: "measurement starting with an escaped comma", body: "\\,cpu v=1 1" },
  { name: "NUL inside the measurement", body: "cpu\0 v=1 1" },
  { name: "leading NUL before the measurement", body: "\0cpu v=1 1" },

  // --- escaping: tags ----------------------------------------------------------------------------
  { name: "escaped comma in tag key and value", body: "cpu,t\\,k=v\\,1 v=1 1" },
  { name: "escaped space in tag key and value", body: "cpu,t\\ k=v\\ 1 v=1 1" },
  { name: "escaped equals in tag key and value", body: "cpu,t\\=k=v\\=1 v=1 1" },
  { name: "quotes in tag value stay", body: 'cpu,t="x" v=1 1' },
  { name: "escaped quote in tag key stays escaped", body: 'cpu,t\\"=x v=1 1' },
  { name: "other backslash in tag value stays", body: "cpu,t=a\\b v=1 1" },
  { name: "double backslash in tag value stays", body: "cpu,t=a\\\\b v=1 1" },
  { name: "double backslash then comma in tag value", body: "cpu,t=a\\\\,u=b v=1 1" },
  { name: "tag value ending in backslash escapes the space", body: "cpu,t=a\\ v=1 1" },
  { name: "unicode tag key and value", body: "cpu,ключ=значение,🔑=🎉 v=1 1" },
  { name: "hash in tag value", body: "cpu,t=#x v=1 1" },
  { name: "tags sort by escaped bytes", body: "cpu,a\\ b=1,a!=2 v=1 1" },

  // --- escaping: field keys and strings ---------------------------------------------------------
  { name: "escaped space in field key", body: "cpu a\\ b=1 1" },
  { name: "escaped comma in field key", body: "cpu a\\,b=1 1" },
  { name: "escaped equals in field key", body: "cpu a\\=b=1 1" },
  { name: "escaped quote in field key", body: 'cpu a\\"b=1 1' },
  { name: "plain quote in field key", body: 'cpu a"b=1 1' },
  { name: "double backslash in field key stays", body: "cpu a\\\\b=1 1" },
  { name: "field key ending in escaped space", body: "cpu \\ =1 1" },
  {
    name: "field key with two backslashes before the equals sign",
    body: "cpu a\\\\=1 1",
    strataDiffers: "rejected by both; strata says `invalid field format`, 1.6.7 `invalid value: field-key=...`",
  },
  { name: "field key with two backslashes before a comma", body: "cpu a\\\\,b=1 1" },
  { name: "field key with two backslashes before a space", body: "cpu a\\\\ b=1 1" },
  { name: "field key with three backslashes before an equals sign", body: "cpu a\\\\\\=b=1 1" },
  {
    name: "empty field key after a tab",
    body: "cpu \t=1 1",
    strataDiffers: "strata refuses an empty field key however it is reached; 1.6.7 stores one after a tab",
  },
  { name: "key without value before a later error", body: "cpu v=1,a,=2 1" },
  { name: "key without value then a quoted string with a space", body: 'cpu a,b="x y" 1' },
  { name: "empty string", body: 'cpu s="" 1' },
  { name: "escaped quote in string", body: 'cpu s="a\\"b" 1' },
  { name: "escaped backslash in string", body: 'cpu s="a\\\\b" 1' },
  { name: "other backslash in string stays", body: 'cpu s="a\\nb" 1' },
  { name: "three backslashes and a quote in string", body: 'cpu s="a\\\\\\"b" 1' },
  { name: "string with comma, space, equals", body: 'cpu s="a,b c=d",v=1 1' },
  { name: "string with a real newline", body: 'cpu s="a\nb" 1\ncpu v=2 2' },
  { name: "string with unicode", body: 'cpu s="ünïcødé 🎉" 1' },
  { name: "unterminated string", body: 'cpu s="abc 1' },
  { name: "string ending in an escaped quote", body: 'cpu s="abc\\" 1' },
  {
    name: "text after the closing quote",
    body: 'cpu s="a"b 1',
    strataDiffers: "strata rejects text after a closing quote; 1.6.7 stores a mangled value (`a\"`)",
  },
  {
    name: "two quoted strings glued",
    body: 'cpu s="a""b" 1',
    strataDiffers: "strata rejects text after a closing quote; 1.6.7 stores `a\"\"b`",
  },
  { name: "single-quoted string", body: "cpu s='a' 1" },
  { name: "string field key named like a tag", body: 'cpu,s=t s="f" 1' },

  // --- floats -----------------------------------------------------------------------------------
  { name: "float trailing dot", body: "cpu v=1. 1" },
  { name: "float leading dot", body: "cpu v=.5 1" },
  { name: "float negative leading dot", body: "cpu v=-.5 1" },
  { name: "float leading zeros", body: "cpu v=00.5 1" },
  { name: "float dot before exponent", body: "cpu v=1.e5 1" },
  { name: "float negative exponent", body: "cpu v=-0.5e-3 1" },
  { name: "float exponent forms", body: "cpu a=1e10,b=1E10,c=1e+10,d=-1.5E-10 1" },
  { name: "float negative zero", body: "cpu v=-0 1" },
  { name: "float max", body: "cpu v=1.7976931348623157e308 1" },
  { name: "float just rounds to max", body: "cpu v=1.7976931348623158e308 1" },
  { name: "float overflow", body: "cpu v=1.8e308 1" },
  { name: "float huge exponent", body: "cpu v=1e500 1" },
  { name: "float underflow to zero", body: "cpu v=1e-500 1" },
  { name: "float smallest subnormal", body: "cpu v=5e-324 1" },
  { name: "float rounds up to smallest subnormal", body: "cpu v=2.4703282292062328e-324 1" },
  { name: "float rounds down to zero", body: "cpu v=2.4703282292062327e-324 1" },
  { name: "float 2^53 + 1", body: "cpu v=9007199254740993 1" },
  { name: "float many digits", body: "cpu v=0.12345678901234567890123456789 1" },
  { name: "float 30 integer digits", body: "cpu v=123456789012345678901234567890 1" },
  { name: "float 400 digits", bodyParts: [{ text: "cpu v=" }, { text: "9", repeat: 400 }, { text: " 1" }] },
  { name: "float halfway case", body: "cpu v=9007199254740993.0 1" },
  { name: "float 0.1 + many zeros", body: "cpu v=0.1000000000000000055511151231257827 1" },
  { name: "float lone dot", body: "cpu v=. 1" },
  { name: "float lone minus", body: "cpu v=- 1" },
  { name: "float minus dot", body: "cpu v=-. 1" },
  { name: "float two dots", body: "cpu v=1.2.3 1" },
  { name: "float exponent without digits", body: "cpu v=1e 1" },
  { name: "float exponent sign without digits", body: "cpu v=1e+ 1" },
  { name: "float two exponents", body: "cpu v=1e5e5 1" },
  { name: "float hex", body: "cpu v=0x10 1" },
  { name: "float underscore", body: "cpu v=1_000 1" },
  { name: "float plus sign", body: "cpu v=+1 1" },
  { name: "float inner minus", body: "cpu v=1-5 1" },
  { name: "NaN", body: "cpu v=NaN 1" },
  { name: "nan lower case", body: "cpu v=nan 1" },
  { name: "Inf", body: "cpu v=Inf 1" },
  { name: "minus Inf", body: "cpu v=-Inf 1" },
  { name: "plus Inf", body: "cpu v=+Inf 1" },
  { name: "Infinity", body: "cpu v=Infinity 1" },

  // --- integers -------------------------------------------------------------------------------
  { name: "integers", body: "cpu a=1i,b=-1i,c=0i,d=-0i 1" },
  { name: "int64 max", body: "cpu v=9223372036854775807i 1" },
  { name: "int64 max + 1", body: "cpu v=9223372036854775808i 1" },
  { name: "int64 min", body: "cpu v=-9223372036854775808i 1" },
  { name: "int64 min - 1", body: "cpu v=-9223372036854775809i 1" },
  { name: "int64 with leading zeros", body: "cpu v=00009223372036854775807i 1" },
  { name: "integer 16 digits", body: "cpu v=1234567890123456i 1" },
  { name: "integer 2^53 + 1", body: "cpu v=9007199254740993i 1" },
  { name: "integer plus sign", body: "cpu v=+1i 1" },
  { name: "integer lone i", body: "cpu v=i 1" },
  { name: "integer minus i", body: "cpu v=-i 1" },
  { name: "integer with exponent", body: "cpu v=1e5i 1" },
  { name: "integer with decimal", body: "cpu v=1.0i 1" },
  { name: "integer suffix in the middle", body: "cpu v=9i10 1" },
  { name: "integer double suffix", body: "cpu v=1ii 1" },
  { name: "integer upper-case suffix", body: "cpu v=1I 1" },
  { name: "unsigned", body: "cpu v=1u 1", strataDiffers: UNSIGNED },
  { name: "unsigned max", body: "cpu v=18446744073709551615u 1", strataDiffers: UNSIGNED },
  {
    name: "unsigned max + 1",
    body: "cpu v=18446744073709551616u 1",
    strataDiffers: "strata rejects it as out of range (1.6.7 rejects every unsigned value)",
  },
  { name: "negative unsigned", body: "cpu v=-1u 1" },
  { name: "unsigned with decimal", body: "cpu v=1.5u 1" },

  // --- booleans -------------------------------------------------------------------------------
  { name: "all boolean spellings", body: "cpu a=t,b=T,c=true,d=True,e=TRUE,f=f,g=F,h=false,i=False,j=FALSE 1" },
  { name: "boolean tRUE", body: "cpu v=tRUE 1" },
  { name: "boolean tru", body: "cpu v=tru 1" },
  { name: "boolean yes", body: "cpu v=yes 1" },
  { name: "boolean True1", body: "cpu v=True1 1" },
  { name: "boolean fALSE", body: "cpu v=fALSE 1" },

  // --- duplicates, reserved names, key length ---------------------------------------------------
  { name: "duplicate tag keys", body: "cpu,a=1,a=2 v=1 1" },
  { name: "duplicate tag keys, unsorted", body: "cpu,a=1,b=2,a=3 v=1 1" },
  { name: "duplicate escaped tag keys", body: "cpu,a\\ b=1,a\\ b=2 v=1 1" },
  { name: "duplicate fields, same type: last wins", body: "cpu v=1,w=5,v=2 1" },
  { name: "duplicate integer fields", body: "cpu v=1i,v=2i 1" },
  {
    name: "duplicate fields, different types",
    body: 'cpu v=1,v="a" 1',
    strataDiffers: "refused by both; strata's message names the field and both types",
  },
  { name: "duplicate tags with the same value", body: "cpu,a=1,a=1 v=1 1" },
  { name: "string field named time with another field", body: 'cpu time="a",v=1 1' },
  { name: "field named time alone", body: "cpu time=1 1" },
  { name: "field named time with another field", body: "cpu time=1,v=2 1" },
  { name: "tag named time", body: "cpu,time=a v=1 1" },
  { name: "measurement named time", body: "time v=1 1" },
  { name: "key at the length limit", bodyParts: [{ text: "m", repeat: 65530 }, { text: " v=1 1" }] },
  { name: "key one byte over the limit", bodyParts: [{ text: "m", repeat: 65531 }, { text: " v=1 1" }] },
  { name: "long field key over the limit", bodyParts: [{ text: "m v=1," }, { text: "k", repeat: 65531 }, { text: "=1 1" }] },

  // --- invalid UTF-8 --------------------------------------------------------------------------
  { name: "invalid UTF-8 in measurement", bodyHex: hex("m\xff v=1 1"), strataDiffers: UTF8_NOT_REQUIRED },
  { name: "invalid UTF-8 in tag value", bodyHex: hex("m,t=\xc3 v=1 1"), strataDiffers: UTF8_NOT_REQUIRED },
  { name: "invalid UTF-8 in field key", bodyHex: hex("m \xe2\x82=1 1"), strataDiffers: UTF8_NOT_REQUIRED },
  { name: "invalid UTF-8 in string value", bodyHex: hex('m s="\xc3" 1'), strataDiffers: UTF8_NOT_REQUIRED },
  { name: "overlong UTF-8 in string value", bodyHex: hex('m s="\xc0\x80" 1'), strataDiffers: UTF8_NOT_REQUIRED },
  { name: "UTF-8 surrogate in string value", bodyHex: hex('m s="\xed\xa0\x80" 1'), strataDiffers: UTF8_NOT_REQUIRED },

  // --- several lines in one request -----------------------------------------------------------
  { name: "good, bad, good, bad lines", body: "cpu v=1 1\nbad\ncpu v=3 3\nbad2 x\n" },
  { name: "empty body", body: "" },
  { name: "only comments and blank lines", body: "# a\n\n  # b\n" },
  { name: "trailing tab after a string and timestamp", body: 'cpu v="x" 1 \t' },
  { name: "same series and time: later field wins", body: "cpu v=1,w=1 1\ncpu v=2 1" },
  { name: "multiline with comments and blanks", body: "# head\n\ncpu v=1 1\n  # c\ncpu v=2 2\n" },
  {
    name: "comment ending in backslash",
    body: "cpu v=1 1\n#c\\\ncpu v=2 2",
    strataDiffers: "a newline always ends a comment; 1.6.7 treats `\\` + newline as escaped and drops the next line",
  },
  {
    name: "backslash before newline in tag value",
    body: "cpu,t=a\\\ncpu v=2 2",
    strataDiffers: "a newline outside a string always ends a line; 1.6.7 joins the two lines into one tag value",
  },
  {
    name: "stray quote after timestamp",
    body: 'cpu v=1 1 "\ncpu v=2 2',
    strataDiffers: "a quote outside a field value does not open a string, so the next line stands alone",
  },
];

function hex(latin1: string): string {
  return Buffer.from(latin1, "latin1").toString("hex");
}

export function caseBody(c: GoldenCase): Uint8Array {
  if (c.bodyHex !== undefined) return new Uint8Array(Buffer.from(c.bodyHex, "hex"));
  if (c.bodyParts !== undefined) {
    return new TextEncoder().encode(c.bodyParts.map((p) => p.text.repeat(p.repeat ?? 1)).join(""));
  }
  return new TextEncoder().encode(c.body ?? "");
}

type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;
const parseJsonExact = JSON.parse as (text: string, reviver: Reviver) => unknown;

/** JSON.parse that keeps every number as its source text (int64 values and ns times stay exact). */
function parseKeepingNumbers(text: string): any {
  return parseJsonExact(text, (_k, v, ctx) => (typeof v === "number" && ctx?.source !== undefined ? ctx.source : v));
}

async function query(base: string, db: string, q: string): Promise<any> {
  const url = `${base}/query?db=${encodeURIComponent(db)}&epoch=ns&q=${encodeURIComponent(q)}`;
  const res = await fetch(url, { method: "POST" });
  return parseKeepingNumbers(await res.text());
}

async function record(base: string, c: GoldenCase, db: string): Promise<InfluxOutcome> {
  await query(base, "", `CREATE DATABASE "${db}"`);
  const res = await fetch(`${base}/write?db=${db}&precision=${c.precision ?? "ns"}`, {
    method: "POST",
    body: caseBody(c),
  });
  const text = await res.text();
  const outcome: InfluxOutcome = { status: res.status, series: [], fieldKeys: [], points: [] };
  if (text.length > 0) outcome.error = JSON.parse(text).error;

  const [series, fieldKeys, points] = (await query(base, db, "SHOW SERIES; SHOW FIELD KEYS; SELECT * FROM /.*/ GROUP BY *"))
    .results;
  for (const s of series.series ?? []) for (const [key] of s.values) outcome.series.push(key);
  for (const s of fieldKeys.series ?? []) {
    for (const [key, type] of s.values) outcome.fieldKeys.push({ measurement: s.name, key, type });
  }
  for (const s of points.series ?? []) {
    for (const row of s.values) {
      const p: StoredPoint = { measurement: s.name, tags: s.tags ?? {}, time: row[0], fields: {} };
      for (let i = 1; i < s.columns.length; i++) if (row[i] !== null) p.fields[s.columns[i]] = row[i];
      outcome.points.push(p);
    }
  }
  await query(base, "", `DROP DATABASE "${db}"`);
  return outcome;
}

async function main(): Promise<void> {
  const base = process.env.INFLUX_URL ?? "http://127.0.0.1:18086";
  const ping = await fetch(`${base}/ping`);
  const version = ping.headers.get("x-influxdb-version") ?? "unknown";
  if (!version.startsWith("1.6.7")) throw new Error(`expected influxd 1.6.7 at ${base}, found ${version}`);
  const cases: RecordedCase[] = [];
  for (let i = 0; i < CASES.length; i++) {
    cases.push({ ...CASES[i], influx: await record(base, CASES[i], `golden_${i}`) });
  }
  const out: GoldenFile = { influxdbVersion: version, recordedAt: new Date().toISOString(), cases };
  const path = join(import.meta.dir, "fixtures", "influxdb-1.6.7-lines.json");
  writeFileSync(path, JSON.stringify(out, null, 1) + "\n");
  console.log(`recorded ${cases.length} cases into ${path}`);
}

if (import.meta.main) await main();
