// Route files read and write through their resource's queries and commands: none builds a
// statement of its own, so that a resource's SQL is found in one place (its queries.ts, its
// commands) and a route only checks, calls and answers.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

/** A statement built in place: the query builder called on a database or transaction, or raw SQL. */
const STATEMENT =
  /sql`|\b(db|tx|database)\s*\.\s*(select|selectDistinct|insert|update|delete|execute)\(|^\s*\.(select|selectDistinct|insert|update|delete)\(\s*[{)a-z]/m;

/** Route files under `dir`: `*routes.ts(x)`, `*-routes.ts(x)` and files in a `routes/` folder. */
function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(file));
    else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      (/routes\.tsx?$/.test(entry.name) || path.basename(dir) === "routes")
    )
      out.push(file);
  }
  return out;
}

test("the check finds a statement built in a route", () => {
  assert.match("const rows = await db.select().from(people);", STATEMENT);
  assert.match("await db\n  .select({ n: count() })\n  .from(people)", STATEMENT);
  assert.match("await tx.insert(people).values(row);", STATEMENT);
  assert.match("await database.rows(sql`select 1`);", STATEMENT);
  assert.doesNotMatch("dropped: (token) => repeatSheets.delete(token),", STATEMENT);
  assert.doesNotMatch("const list = await formTitles(db, tambon.id);", STATEMENT);
});

test("no route file builds a statement of its own", () => {
  const files = routeFiles(path.join(process.cwd(), "src"));
  assert.ok(files.length > 50, `route files found: ${files.length}`);
  const found = files.filter((f) => STATEMENT.test(readFileSync(f, "utf8")));
  assert.deepEqual(
    found.map((f) => path.relative(process.cwd(), f)),
    [],
    "these route files send SQL: move it to the resource's queries.ts or commands",
  );
});
