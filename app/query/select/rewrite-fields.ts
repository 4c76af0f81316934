/**
 * Go's `SelectStatement.RewriteFields`: gives every variable its type from the sources, expands
 * `*`, `/regex/` and `fn(*)` in the field list (tags become fields unless grouped by), and `*` or
 * `/regex/` in GROUP BY. Subqueries are rewritten first.
 */
import { StatementError } from "../statement-error.ts";
import { DT } from "./data-type.ts";
import { type CallQ, cloneExpr, compareVarRefs, exprString, type QExpr, rewrite, varRef, type VarRefQ, walk } from "./expr.ts";
import { compareBytes } from "../byte-order.ts";
import { type FieldQ, fieldName, type SelectQ } from "./select-statement.ts";
import { type BoundSource, evalType, fieldDimensions } from "./type-eval.ts";

function hasFieldWildcard(s: SelectQ): boolean {
  let found = false;
  for (const f of s.fields) walk(f.expr, (n) => (found ||= n.kind === "wildcard" || n.kind === "regex"));
  return found;
}

const hasDimensionWildcard = (s: SelectQ) => s.dimensions.some((d) => d.kind === "wildcard" || d.kind === "regex");

function typeVarRefs(e: QExpr, sources: BoundSource[]): QExpr {
  return rewrite(e, (n) => {
    if (n.kind !== "varref" || (n.type !== DT.Unknown && n.type !== DT.AnyField)) return n;
    const typ = evalType(n, sources);
    if (typ === DT.Tag && n.type === DT.AnyField) return n;
    return { ...n, type: typ };
  });
}

const SUPPORTED: Record<string, DT[]> = {
  count: [DT.String, DT.Boolean],
  first: [DT.String, DT.Boolean],
  last: [DT.String, DT.Boolean],
  distinct: [DT.String, DT.Boolean],
  elapsed: [DT.String, DT.Boolean],
  mode: [DT.String, DT.Boolean],
  sample: [DT.String, DT.Boolean],
  min: [DT.Boolean],
  max: [DT.Boolean],
};

export function rewriteFields(stmt: SelectQ, sources: BoundSource[]): SelectQ {
  const out: SelectQ = { ...stmt };
  out.fields = stmt.fields.map((f) => ({ ...f, expr: typeVarRefs(f.expr, sources) }));
  out.condition = stmt.condition === null ? null : typeVarRefs(stmt.condition, sources);

  const fieldWildcard = hasFieldWildcard(out);
  const dimensionWildcard = hasDimensionWildcard(out);
  if (!fieldWildcard && !dimensionWildcard) return out;

  const { fields: fieldSet, dimensions: dimensionSet } = fieldDimensions(sources);
  if (!dimensionWildcard) for (const d of out.dimensions) if (d.kind === "varref") dimensionSet.delete(d.name);

  const refs: VarRefQ[] = [];
  let dimensions = [...dimensionSet];
  if (fieldSet.size > 0) {
    for (const [name, typ] of fieldSet) refs.push(varRef(name, typ));
    if (!dimensionWildcard) {
      for (const name of dimensions) refs.push(varRef(name, DT.Tag));
      dimensions = [];
    }
    refs.sort(compareVarRefs);
  }
  dimensions.sort(compareBytes);

  if (fieldWildcard) {
    const fields: FieldQ[] = [];
    for (const f of out.fields) {
      const e = f.expr;
      if (e.kind === "wildcard") {
        for (const ref of refs) {
          if (e.type === "field" && ref.type === DT.Tag) continue;
          if (e.type === "tag" && ref.type !== DT.Tag) continue;
          fields.push({ expr: varRef(ref.name, ref.type), alias: "" });
        }
      } else if (e.kind === "regex") {
        for (const ref of refs) if (e.re.test(ref.name)) fields.push({ expr: varRef(ref.name, ref.type), alias: "" });
      } else if (e.kind === "call") {
        expandCall(f, e, refs, fields);
      } else if (e.kind === "binary") {
        let regex = false;
        let wildcard = false;
        walk(e, (n) => {
          if (n.kind === "regex") regex = true;
          else if (n.kind === "wildcard") wildcard = true;
        });
        if (wildcard) throw new StatementError(`unsupported expression with wildcard: ${exprString(e)}`);
        if (regex) throw new StatementError(`unsupported expression with regex field: ${exprString(e)}`);
        fields.push(f);
      } else fields.push(f);
    }
    out.fields = fields;
  }

  if (dimensionWildcard) {
    const dims: QExpr[] = [];
    for (const d of out.dimensions) {
      if (d.kind === "wildcard") for (const name of dimensions) dims.push(varRef(name));
      else if (d.kind === "regex") {
        for (const name of dimensions) if (d.re.test(name)) dims.push(varRef(name));
      } else dims.push(d);
    }
    out.dimensions = dims;
  }
  return out;
}

/** `fn(*)` / `fn(/re/)`: one field per matching field of a type the function accepts, aliased `fn_field`. */
function expandCall(f: FieldQ, e: CallQ, refs: VarRefQ[], out: FieldQ[]): void {
  const template = cloneExpr(e);
  let call = template;
  while (call.args.length > 0 && call.args[0].kind === "call") call = call.args[0];
  if (call.args.length === 0) {
    out.push(f);
    return;
  }
  const arg0 = call.args[0];
  let re: RegExp | null = null;
  if (arg0.kind === "wildcard") {
    if (arg0.type === "tag") throw new StatementError(`unable to use tag wildcard in ${call.name}()`);
  } else if (arg0.kind === "regex") re = arg0.re;
  else {
    out.push(f);
    return;
  }
  const supported = new Set<DT>([DT.Float, DT.Integer, DT.Unsigned, ...(SUPPORTED[call.name] ?? [])]);
  const name = fieldName(f);
  for (const ref of refs) {
    if (ref.type === DT.Tag || !supported.has(ref.type)) continue;
    if (re !== null && !re.test(ref.name)) continue;
    call.args[0] = varRef(ref.name, ref.type);
    out.push({ expr: cloneExpr(template), alias: `${name}_${ref.name}` });
  }
}
