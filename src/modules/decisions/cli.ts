import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Config } from "../../core/config.ts";
import { mailerFor } from "../../core/mail.ts";
import type { Database } from "../../core/db/index.ts";
import { tambons } from "../../core/db/schema.ts";
import { tick } from "./questions/tick.ts";
import { exportQuestion, verifyExport, type QuestionExport } from "./results/export.ts";

/** `tambon tick`: one scheduler pass (phases, reminders, e-mails); prints what it did. */
export async function tickCommand(database: Database, config: Config): Promise<number> {
  const report = await tick(database.db, new Date(), await mailerFor(config));
  process.stdout.write(
    `moved ${report.moved} question(s), reminded ${report.reminded}, sent ${report.emails} e-mail(s)\n`,
  );
  return 0;
}

/** `tambon export-question ID --tambon SLUG`: the export of a closed question on stdout. */
export async function exportQuestionCommand(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { tambon: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id < 1) {
    process.stderr.write(
      "tambon export-question: give the question's number, e.g. tambon export-question 12 --tambon la-ngu\n",
    );
    return 2;
  }
  if (!values.tambon) {
    process.stderr.write("tambon export-question: give the tambon with --tambon SLUG\n");
    return 2;
  }
  const [tb] = await database.db.select().from(tambons).where(eq(tambons.slug, values.tambon));
  if (!tb) {
    process.stderr.write(`tambon export-question: no tambon "${values.tambon}"\n`);
    return 1;
  }
  try {
    const data = await exportQuestion(database.db, tb.id, id);
    process.stdout.write(JSON.stringify(data) + "\n");
    return 0;
  } catch (err) {
    process.stderr.write(`tambon export-question: ${(err as Error).message}\n`);
    return 1;
  }
}

/** `tambon tally --verify FILE`: recounts an export and checks its hashes; exit 0 only when all agree. */
export async function verifyCommand(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write(
      "tambon tally --verify: give the file written by tambon export-question\n",
    );
    return 2;
  }
  let data: QuestionExport;
  try {
    data = JSON.parse(await readFile(file, "utf8")) as QuestionExport;
  } catch (err) {
    process.stderr.write(
      `tambon tally --verify: cannot read ${file}: ${(err as Error).message.split("\n")[0]}\n`,
    );
    return 1;
  }
  let v;
  try {
    v = verifyExport(data);
  } catch (err) {
    process.stderr.write(`tambon tally --verify: ${(err as Error).message.split("\n")[0]}\n`);
    return 1;
  }
  if (v.ok) {
    process.stdout.write(
      `verified: question ${data.question.id}, winner ${data.result.winner ?? "none"}, final hash ${data.chainHash}\n`,
    );
    return 0;
  }
  for (const p of v.problems) process.stderr.write(`tambon tally --verify: ${p}\n`);
  return 1;
}
