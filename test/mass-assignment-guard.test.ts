import assert from "node:assert/strict";
import { test } from "node:test";
import { ESLint } from "eslint";

// The lint rule that keeps parsed input out of inserts and updates, tried on code it must refuse
// and on code it must let through, as if the code were a command under src/.
const eslint = new ESLint({ cwd: process.cwd() });
const lint = async (code: string) => {
  const [result] = await eslint.lintText(code, { filePath: "src/modules/x/commands/x.ts" });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.line);
};

test("a loose or passthrough schema is refused", async () => {
  const code = [
    'import { z } from "zod";',
    "export const a = z.object({ t: z.string() }).loose();",
    "export const b = z.object({ t: z.string() }).passthrough();",
    "export const c = z.looseObject({ t: z.string() });",
    "export const d = z.object({ t: z.string() }).catchall(z.string());",
    "export const e = z.object({ t: z.string() });",
  ].join("\n");
  assert.deepEqual(await lint(code), [2, 3, 4, 5]);
});

test("spreading an object into .values() or .set() is refused; named fields pass", async () => {
  const code = [
    "declare const db: any; declare const v: { title: string }; declare const t: unknown;",
    "declare const pick: any; declare const other: any;",
    "db.insert(t).values({ tambonId: 1, ...v });",
    "db.update(t).set({ ...v, updatedAt: new Date() });",
    "db.insert(t).values([{ ...v }]);",
    "db.insert(t).values({ tambonId: 1, title: v.title });",
    "db.update(t).set({ title: v.title });",
    "new Map().set('k', { ...v });",
    'db.insert(t).values({ tambonId: 1, ...pick(v, "title") });',
    'db.update(t).set({ ...pick(v, "title"), updatedAt: new Date() });',
    'db.insert(t).values([{ ...pick(v, "title") }]);',
    'db.update(t).set({ ...other(v, "title") });',
  ].join("\n");
  assert.deepEqual(await lint(code), [3, 4, 5, 12]);
});
