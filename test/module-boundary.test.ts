import assert from "node:assert/strict";
import { test } from "node:test";
import { ESLint } from "eslint";

// The lint rule that keeps the walls between modules, tried as if the code sat in a module's
// resource folder and in core.
const eslint = new ESLint({ cwd: process.cwd() });
const lint = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "tambon/module-boundary").map((m) => m.line);
};

test("a module reaches another module only through its public.ts", async () => {
  const code = [
    'import { listAreas } from "../../areas/public.ts";',
    'import { issueAreas } from "../../areas/schema.ts";',
    'import type { Area } from "../../areas/area.ts";',
    'export { msg } from "../../groups/messages.ts";',
    'import { partners } from "../schema.ts";',
    'import { ok } from "../../../core/result.ts";',
    'const later = () => import("../../site/queries.ts");',
    'import { x } from "../../areas/sub/public.ts";',
  ].join("\n");
  assert.deepEqual(await lint(code, "src/modules/network/partners/routes.ts"), [2, 3, 4, 7, 8]);
});

test("core imports no module", async () => {
  const code = [
    'import { modules } from "../modules/index.ts";',
    'import { listAreas } from "../modules/areas/public.ts";',
    'import { ok } from "./result.ts";',
  ].join("\n");
  assert.deepEqual(await lint(code, "src/core/app.ts"), [1, 2]);
});
