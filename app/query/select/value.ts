/**
 * Values as the SELECT executor carries them: a float is a number, an int64 (or uint64) a bigint,
 * then strings, booleans and null, the same representation as result rows. Regexes only appear
 * while evaluating `=~` / `!~`.
 */
export type Value = number | bigint | string | boolean | null;
export type EvalValue = Value | RegExp;
