import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { allDictionaries, defineMessages } from "../src/core/i18n/index.ts";
import "../src/core/i18n/messages.ts";
// The core's pieces with dictionaries of their own that no module imports.
import "../src/core/pwa/messages.ts";
import "../src/modules/index.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Finds every key lacking a translation or whose placeholders differ between languages. */
function problems(): string[] {
  const out: string[] = [];
  for (const dict of allDictionaries()) {
    // A dictionary a unit test makes (named "test:…") is no text of the product; the unit lane
    // may run that test in this test's process.
    if (dict.name.startsWith("test:")) continue;
    for (const [key, msg] of Object.entries(dict.messages)) {
      if (!msg.th?.trim()) out.push(`${dict.name}:${key} has no Thai`);
      if (!msg.en?.trim()) out.push(`${dict.name}:${key} has no English`);
      if (msg.th && msg.en && placeholders(msg.th).join() !== placeholders(msg.en).join()) {
        out.push(`${dict.name}:${key} placeholders differ`);
      }
    }
  }
  return out;
}

test("every UI string of the core and of every module has Thai and English", () => {
  const names = allDictionaries().map((d) => d.name);
  assert.ok(names.includes("core") && names.includes("areas"), `dictionaries: ${names}`);
  assert.deepEqual(problems(), []);
});

test("the completeness check catches a missing translation and mismatched placeholders", () => {
  defineMessages("broken-for-test", {
    a: { th: "มี", en: "" },
    b: { th: "สวัสดี {name}", en: "Hello {nmae}" },
  });
  const found = problems().filter((p) => p.startsWith("broken-for-test"));
  assert.deepEqual(found, [
    "broken-for-test:a has no English",
    "broken-for-test:b placeholders differ",
  ]);
});

/** A UI key written in code: where, and the keys it may stand for (or a pattern when open). */
interface KeyUse {
  where: string;
  keys?: string[];
  pattern?: RegExp;
  text: string;
}

const TRANSLATORS = new Set(["t", "tt", "ct", "mt"]);
const KEY_SHAPE = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;

function unwrap(node: ts.Expression): ts.Expression {
  while (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  return node;
}

/** The strings of an array literal made only of string literals, else null. */
function stringArray(node: ts.Expression): string[] | null {
  const arr = unwrap(node);
  if (!ts.isArrayLiteralExpression(arr) || !arr.elements.length) return null;
  const out: string[] = [];
  for (const e of arr.elements) {
    if (!ts.isStringLiteralLike(e)) return null;
    // An empty value stands for "none" or "all" in lists of choices and is never part of a key.
    if (e.text) out.push(e.text);
  }
  return out;
}

/** Constant lists of strings declared anywhere in the code (`const STATUSES = ["a", "b"] as const`). */
function valueLists(
  files: { path: string; source: ts.SourceFile }[],
): Map<string, string[] | null> {
  const lists = new Map<string, string[] | null>();
  for (const { source } of files) {
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const values = stringArray(node.initializer);
        if (values) {
          const name = node.name.text;
          const known = lists.get(name);
          // The same name for different lists in two files: too ambiguous to check by name.
          lists.set(name, known === undefined || known?.join() === values.join() ? values : null);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return lists;
}

/** The values an interpolated expression takes when it walks a known list, else null. */
function valuesOf(expr: ts.Expression, lists: Map<string, string[] | null>): string[] | null {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return [e.text];
  if (!ts.isIdentifier(e)) return null;
  const listOf = (node: ts.Expression) => {
    const n = unwrap(node);
    return ts.isIdentifier(n) ? (lists.get(n.text) ?? null) : stringArray(n);
  };
  for (let p: ts.Node | undefined = e.parent; p; p = p.parent) {
    // LIST.map((s) => … t(`x.${s}`) …), and forEach, filter, flatMap, some, every.
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && p.parameters[0]) {
      const param = p.parameters[0].name;
      if (ts.isIdentifier(param) && param.text === e.text) {
        const call = p.parent;
        if (
          ts.isCallExpression(call) &&
          ts.isPropertyAccessExpression(call.expression) &&
          ["map", "forEach", "filter", "flatMap", "some", "every"].includes(
            call.expression.name.text,
          )
        )
          return listOf(call.expression.expression);
        return null;
      }
    }
    // for (const s of LIST) … t(`x.${s}`)
    if (ts.isForOfStatement(p) && ts.isVariableDeclarationList(p.initializer)) {
      const decl = p.initializer.declarations[0];
      if (decl && ts.isIdentifier(decl.name) && decl.name.text === e.text)
        return listOf(p.expression);
    }
  }
  return null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every UI key the code passes to a translate function, read from the syntax alone. */
function keyUses(
  files: { path: string; source: ts.SourceFile }[],
  lists: Map<string, string[] | null>,
): (KeyUse & { path: string })[] {
  const uses: (KeyUse & { path: string })[] = [];
  for (const { path: file, source } of files) {
    const add = (node: ts.Node, use: Omit<KeyUse, "where" | "text">) =>
      uses.push({
        path: file,
        where: `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`,
        text: node.getText(source),
        ...use,
      });
    const keyArg = (arg: ts.Expression) => {
      const a = unwrap(arg);
      if (ts.isStringLiteralLike(a)) {
        if (KEY_SHAPE.test(a.text)) add(a, { keys: [a.text] });
      } else if (ts.isConditionalExpression(a)) {
        keyArg(a.whenTrue);
        keyArg(a.whenFalse);
      } else if (ts.isTemplateExpression(a)) {
        let combos: string[] | null = [a.head.text];
        let pattern = escapeRe(a.head.text);
        for (const span of a.templateSpans) {
          const values = valuesOf(span.expression, lists);
          combos =
            combos && values
              ? combos.flatMap((c) => values.map((v) => c + v + span.literal.text))
              : null;
          pattern += `.+${escapeRe(span.literal.text)}`;
        }
        if (combos) add(a, { keys: combos });
        else if (/^[a-zA-Z][\w-]*\./.test(a.head.text))
          add(a, { pattern: new RegExp(`^${pattern}$`) });
      }
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.arguments[0]) {
        const callee = node.expression;
        const translator =
          (ts.isIdentifier(callee) && TRANSLATORS.has(callee.text)) ||
          // msg.t(lang)("key") and t(req)("key")
          (ts.isCallExpression(callee) &&
            ((ts.isPropertyAccessExpression(callee.expression) &&
              callee.expression.name.text === "t") ||
              (ts.isIdentifier(callee.expression) && callee.expression.text === "t")));
        if (translator) keyArg(node.arguments[0]);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The dictionaries a file may use: the core's, and its module's own. */
function dictionariesOf(file: string): string[] {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  if (m) return ["core", m[1]!];
  // A piece of the core in a folder with a dictionary of its own (notices) uses it too.
  const piece = /^src\/core\/([^/]+)\//.exec(file);
  return piece ? ["core", piece[1]!] : ["core"];
}

/** The keys used in code (how many uses) and those that none of the file's dictionaries defines. */
function checkKeys(files: { path: string; text: string }[]): { uses: number; missing: string[] } {
  const sources = files.map((f) => ({
    path: f.path,
    source: ts.createSourceFile(
      f.path,
      f.text,
      ts.ScriptTarget.Latest,
      true,
      f.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  }));
  const byName = new Map(allDictionaries().map((d) => [d.name, Object.keys(d.messages)]));
  const uses = keyUses(sources, valueLists(sources));
  const missing: string[] = [];
  for (const use of uses) {
    const names = dictionariesOf(use.path);
    const defined = new Set(names.flatMap((n) => byName.get(n) ?? []));
    if (use.keys) {
      for (const key of use.keys)
        if (!defined.has(key))
          missing.push(`${use.where}: "${key}" is in no dictionary (${names})`);
    } else if (use.pattern && ![...defined].some((k) => use.pattern!.test(k))) {
      missing.push(`${use.where}: no key of ${names} fits ${use.text}`);
    }
  }
  return { uses: uses.length, missing };
}

/** The project's source files, without tests. */
function projectSources(dir = "src"): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...projectSources(p));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.d\.ts$/.test(entry.name))
      out.push({ path: p, text: readFileSync(p, "utf8") });
  }
  return out;
}

test("every key the code translates is in a dictionary, including keys built from lists of values", () => {
  const { uses, missing } = checkKeys(projectSources());
  assert.ok(uses > 1000, `found ${uses} uses`);
  assert.deepEqual(missing, []);
});

test("the key check catches a misspelt key, a list value without words and a prefix no key has", () => {
  defineMessages("keycheck", {
    "state.open": { th: "เปิด", en: "Open" },
    "state.shut": { th: "ปิด", en: "Closed" },
  });
  const { missing } = checkKeys([
    {
      path: "src/modules/keycheck/view.tsx",
      text: [
        'export const STATES = ["open", "shut", "lost"] as const;',
        'const a = t("state.opne");',
        "const b = STATES.map((s) => t(`state.${s}`));",
        "for (const s of STATES) ct(`state.${s}`);",
        'const c = msg.t(lang)(x ? "state.open" : "stat.shut");',
        "const d = t(`states.${row.state}` as never);",
        "const e = t(`state.${row.state}`);",
      ].join("\n"),
    },
  ]);
  assert.deepEqual(missing, [
    'src/modules/keycheck/view.tsx:2: "state.opne" is in no dictionary (core,keycheck)',
    'src/modules/keycheck/view.tsx:3: "state.lost" is in no dictionary (core,keycheck)',
    'src/modules/keycheck/view.tsx:4: "state.lost" is in no dictionary (core,keycheck)',
    'src/modules/keycheck/view.tsx:5: "stat.shut" is in no dictionary (core,keycheck)',
    "src/modules/keycheck/view.tsx:6: no key of core,keycheck fits `states.${row.state}`",
  ]);
});

test("no module redefines one of core's error messages (a field error's key names one text)", () => {
  // Field errors of every module are translated from the module's dictionary first, then core's:
  // a module key equal to a core error key would silently change core's message on its pages.
  const core = allDictionaries().find((d) => d.name === "core")!;
  const clashes = allDictionaries()
    .filter((d) => d !== core)
    .flatMap((d) =>
      Object.keys(d.messages)
        .filter((k) => /^(err|error)\./.test(k) && Object.hasOwn(core.messages, k))
        .map((k) => `${d.name}: ${k}`),
    );
  assert.deepEqual(clashes, []);
});
