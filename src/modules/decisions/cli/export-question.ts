import { eq } from "drizzle-orm";
import { CliError, type CommandArgs } from "../../../core/cli.ts";
import { loadConfig } from "../../../core/config.ts";
import { withDatabase } from "../../../core/db/migrated.ts";
import { parseId } from "../../../core/params.ts";
import { tambons } from "../../../core/db/schema.ts";
import { exportQuestion } from "../results/export.ts";

/** `tambon export-question ID --tambon SLUG`: a closed question's export on standard output. */
export async function run({ values, positionals }: CommandArgs): Promise<number> {
  const id = positionals[0]!;
  if (!/^[1-9]\d*$/.test(id))
    throw new CliError(
      `export-question: "${id}" is not a question number, e.g. tambon export-question 12 --tambon la-ngu / ต้องเป็นเลขที่ของคำถาม`,
      2,
    );
  const slug = values.tambon;
  if (typeof slug !== "string" || !slug)
    throw new CliError("export-question: give the tambon with --tambon SLUG / ต้องระบุ --tambon", 2);
  return await withDatabase(loadConfig(), async (database) => {
    const [tb] = await database.db.select().from(tambons).where(eq(tambons.slug, slug));
    if (!tb) {
      process.stderr.write(`tambon export-question: no tambon "${slug}"\n`);
      return 1;
    }
    // A number beyond the largest id is no question (and no integer the database takes).
    const questionId = parseId(id);
    if (questionId === null) {
      process.stderr.write(`tambon export-question: no question ${id} in this tambon\n`);
      return 1;
    }
    try {
      const data = await exportQuestion(database.db, tb.id, questionId);
      process.stdout.write(JSON.stringify(data) + "\n");
      return 0;
    } catch (err) {
      process.stderr.write(`tambon export-question: ${(err as Error).message.split("\n")[0]}\n`);
      return 1;
    }
  });
}
