import { test } from "node:test";
import assert from "node:assert/strict";
import { moduleCommands } from "./commands.ts";
import { modules } from "./index.ts";

test("the CLI's list of module commands is the one the manifests declare", () => {
  const declared = modules.flatMap((m) => m.commands ?? []);
  assert.ok(
    declared.some((c) => c.name === "tally"),
    "decisions declares tally",
  );
  assert.deepEqual(moduleCommands, declared);
});
