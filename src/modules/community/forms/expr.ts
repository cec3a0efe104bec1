/**
 * The expressions of `relevant` and `constraint`: the subset of ODK's XPath that XLSForm forms use.
 * Pure TypeScript (no Node APIs): the phone's browser script evaluates the same code as the server.
 *
 * Grammar, lowest precedence first:
 *   or  →  and  →  = !=  →  < <= > >=  →  + -  →  * div mod  →  unary -  →  primary
 *   primary: number | 'string' | "string" | ${name} | . | ( expr ) | fn(args)
 */

export type Expr =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; name: string; pos: number }
  | { t: "dot" }
  | { t: "neg"; e: Expr }
  | { t: "bin"; op: BinOp; l: Expr; r: Expr }
  | { t: "call"; fn: string; args: Expr[]; pos: number };

type BinOp = "or" | "and" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "div" | "mod";

/** Function name → [fewest, most] arguments. */
const FUNCTIONS: Record<string, [number, number]> = {
  not: [1, 1],
  selected: [2, 2],
  "count-selected": [1, 1],
  "string-length": [1, 1],
  today: [0, 0],
  int: [1, 1],
  number: [1, 1],
  if: [3, 3],
  regex: [2, 2],
  count: [1, 1],
  coalesce: [2, 2],
  true: [0, 0],
  false: [0, 0],
};

/** Why an expression was refused; `pos` counts characters from 0. */
export interface ExprError {
  key:
    | "expr.empty"
    | "expr.expected"
    | "expr.unexpected"
    | "expr.unclosedString"
    | "expr.badRef"
    | "expr.unknownFunction"
    | "expr.arity"
    | "expr.badRegex"
    | "expr.countNeedsRef";
  pos: number;
  vars: Record<string, string | number>;
}

export type ParseResult = { ok: true; value: Expr } | { ok: false; error: ExprError };

interface Token {
  k: "num" | "str" | "ref" | "dot" | "op" | "name" | "(" | ")" | "," | "end";
  v: string;
  pos: number;
}

class Fail {
  constructor(readonly error: ExprError) {}
}

const fail = (key: ExprError["key"], pos: number, vars: ExprError["vars"] = {}): never => {
  throw new Fail({ key, pos, vars: { pos: pos + 1, ...vars } });
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === "$") {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/.exec(src.slice(i));
      if (!m) fail("expr.badRef", i);
      out.push({ k: "ref", v: m![1]!, pos: start });
      i += m![0].length;
    } else if (ch === "'" || ch === '"') {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) fail("expr.unclosedString", i);
      out.push({ k: "str", v: src.slice(i + 1, end), pos: start });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^[0-9]*\.?[0-9]+|^[0-9]+\.?/.exec(src.slice(i))!;
      out.push({ k: "num", v: m[0], pos: start });
      i += m[0].length;
    } else if (ch === ".") {
      out.push({ k: "dot", v: ".", pos: start });
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      out.push({ k: "name", v: m[0], pos: start });
      i += m[0].length;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ k: ch, v: ch, pos: start });
      i++;
    } else {
      const two = src.slice(i, i + 2);
      if (two === "!=" || two === "<=" || two === ">=") {
        out.push({ k: "op", v: two, pos: start });
        i += 2;
      } else if ("=<>+-*".includes(ch)) {
        out.push({ k: "op", v: ch, pos: start });
        i++;
      } else {
        fail("expr.unexpected", i, { found: ch });
      }
    }
  }
  out.push({ k: "end", v: "", pos: src.length });
  return out;
}

const LEVELS: BinOp[][] = [
  ["or"],
  ["and"],
  ["=", "!="],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*", "div", "mod"],
];

/** Parses an expression, or says where and what was expected. */
export function parseExpression(src: string): ParseResult {
  try {
    if (src.trim() === "") fail("expr.empty", 0);
    const toks = tokenize(src);
    let p = 0;
    const peek = (): Token => toks[p]!;
    const found = (t: Token): string =>
      t.k === "end" ? "(end)" : src.slice(t.pos, t.pos + Math.max(1, t.v.length));
    const isOp = (t: Token, ops: BinOp[]): BinOp | undefined =>
      (t.k === "op" || t.k === "name") && (ops as string[]).includes(t.v)
        ? (t.v as BinOp)
        : undefined;

    const level = (n: number): Expr => {
      if (n === LEVELS.length) return unary();
      let l = level(n + 1);
      for (let op = isOp(peek(), LEVELS[n]!); op; op = isOp(peek(), LEVELS[n]!)) {
        p++;
        l = { t: "bin", op, l, r: level(n + 1) };
      }
      return l;
    };
    const unary = (): Expr => {
      const t = peek();
      if (t.k === "op" && t.v === "-") {
        p++;
        return { t: "neg", e: unary() };
      }
      return primary();
    };
    const expect = (k: Token["k"], what: string): void => {
      const t = peek();
      if (t.k !== k) fail("expr.expected", t.pos, { expected: what, found: found(t) });
      p++;
    };
    const primary = (): Expr => {
      const t = peek();
      p++;
      switch (t.k) {
        case "num":
          return { t: "num", v: Number(t.v) };
        case "str":
          return { t: "str", v: t.v };
        case "ref":
          return { t: "ref", name: t.v, pos: t.pos };
        case "dot":
          return { t: "dot" };
        case "(": {
          const e = level(0);
          expect(")", ")");
          return e;
        }
        case "name": {
          const arity = FUNCTIONS[t.v];
          if (peek().k !== "(")
            fail("expr.expected", peek().pos, { expected: "(", found: found(peek()) });
          if (!arity) fail("expr.unknownFunction", t.pos, { name: t.v });
          p++;
          const args: Expr[] = [];
          if (peek().k !== ")") {
            args.push(level(0));
            while (peek().k === ",") {
              p++;
              args.push(level(0));
            }
          }
          expect(")", ") ,");
          if (args.length < arity![0] || args.length > arity![1])
            fail("expr.arity", t.pos, { name: t.v, count: arity![0] });
          if (
            (t.v === "count" || t.v === "count-selected" || t.v === "selected") &&
            args[0]!.t !== "ref"
          )
            fail("expr.countNeedsRef", t.pos, { name: t.v });
          const re = t.v === "regex" ? args[1]! : undefined;
          if (re?.t === "str") {
            try {
              new RegExp(re.v, "u");
            } catch {
              fail("expr.badRegex", t.pos, { pattern: re.v });
            }
          }
          return { t: "call", fn: t.v, args, pos: t.pos };
        }
        default:
          p--;
          return fail("expr.expected", t.pos, {
            expected: "${…} ' \" 0-9 . ( fn()",
            found: found(t),
          });
      }
    };
    const e = level(0);
    if (peek().k !== "end") fail("expr.unexpected", peek().pos, { found: found(peek()) });
    return { ok: true, value: e };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

/** The names an expression reads (`${name}`). */
export function references(e: Expr, into: Set<string> = new Set()): Set<string> {
  if (e.t === "ref") into.add(e.name);
  else if (e.t === "neg") references(e.e, into);
  else if (e.t === "bin") {
    references(e.l, into);
    references(e.r, into);
  } else if (e.t === "call") for (const a of e.args) references(a, into);
  return into;
}

/** A value while evaluating: answers become strings/numbers, a repeat stays a list. */
export type Value = string | number | boolean | readonly unknown[];

export interface EvalContext {
  /** Finds `${name}` (the caller resolves repeat siblings first); unanswered → undefined. */
  lookup(name: string): unknown;
  /** The answer `.` refers to (in a constraint). */
  dot?: unknown;
  /** Today's date, YYYY-MM-DD. */
  today: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An answer as an expression sees it: a select_multiple is its names joined by spaces. */
function fromAnswer(v: unknown): Value {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? v.join(" ") : v;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return "";
}

/** A date counts as days since 1970-01-01, as in ODK. */
export function toNumber(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") return NaN;
  const s = v.trim();
  if (s === "") return NaN;
  const d = ISO_DATE.exec(s);
  if (d) return Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!) / 86_400_000;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

export function toStr(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

export function toBool(v: Value): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0 && !Number.isNaN(v);
  if (typeof v === "string") return v.length > 0;
  return v.length > 0;
}

function compare(op: BinOp, a: Value, b: Value): boolean {
  if (op === "=" || op === "!=") {
    let eq: boolean;
    if (typeof a === "boolean" || typeof b === "boolean") eq = toBool(a) === toBool(b);
    else if (typeof a === "number" || typeof b === "number") eq = toNumber(a) === toNumber(b);
    else eq = toStr(a) === toStr(b);
    return op === "=" ? eq : !eq;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  let c: number;
  if (!Number.isNaN(x) && !Number.isNaN(y)) c = x - y;
  else if (typeof a === "string" && typeof b === "string" && a !== "" && b !== "")
    c = a < b ? -1 : a > b ? 1 : 0;
  else return false;
  return op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
}

/** Evaluates a parsed expression. */
export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.t) {
    case "num":
      return e.v;
    case "str":
      return e.v;
    case "ref":
      return fromAnswer(ctx.lookup(e.name));
    case "dot":
      return fromAnswer(ctx.dot);
    case "neg":
      return -toNumber(evaluate(e.e, ctx));
    case "bin": {
      if (e.op === "or") return toBool(evaluate(e.l, ctx)) || toBool(evaluate(e.r, ctx));
      if (e.op === "and") return toBool(evaluate(e.l, ctx)) && toBool(evaluate(e.r, ctx));
      const a = evaluate(e.l, ctx);
      const b = evaluate(e.r, ctx);
      switch (e.op) {
        case "+":
          return toNumber(a) + toNumber(b);
        case "-":
          return toNumber(a) - toNumber(b);
        case "*":
          return toNumber(a) * toNumber(b);
        case "div":
          return toNumber(a) / toNumber(b);
        case "mod":
          return toNumber(a) % toNumber(b);
        default:
          return compare(e.op, a, b);
      }
    }
    case "call":
      return call(e, ctx);
  }
}

function call(e: Extract<Expr, { t: "call" }>, ctx: EvalContext): Value {
  const arg = (i: number): Value => evaluate(e.args[i]!, ctx);
  switch (e.fn) {
    case "not":
      return !toBool(arg(0));
    case "true":
      return true;
    case "false":
      return false;
    case "selected":
      return toStr(arg(0))
        .split(/\s+/)
        .includes(toStr(arg(1)).trim());
    case "count-selected":
      return toStr(arg(0))
        .split(/\s+/)
        .filter((s) => s !== "").length;
    case "string-length":
      return [...toStr(arg(0))].length;
    case "today":
      return ctx.today;
    case "int":
      return Math.trunc(toNumber(arg(0)));
    case "number":
      return toNumber(arg(0));
    case "if":
      return toBool(arg(0)) ? arg(1) : arg(2);
    case "regex":
      try {
        return new RegExp(toStr(arg(1)), "u").test(toStr(arg(0)));
      } catch {
        return false;
      }
    case "count": {
      const v = arg(0);
      return Array.isArray(v) ? v.length : 0;
    }
    case "coalesce": {
      const a = arg(0);
      return toStr(a) !== "" ? a : arg(1);
    }
    default:
      return "";
  }
}

/** Today as YYYY-MM-DD in the device's own time zone. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
