import { loadConfig } from "../../core/config.ts";
import { exportQuestionCommand } from "../../modules/decisions/cli.ts";
import { withDatabase } from "../database.ts";
import { CliError } from "../errors.ts";
import type { CommandArgs } from "../commands.ts";

/** `tambon export-question ID --tambon SLUG`: a closed question's export on standard output. */
export async function run({ values, positionals }: CommandArgs): Promise<number> {
  const id = positionals[0]!;
  if (!/^[1-9]\d*$/.test(id))
    throw new CliError(
      `export-question: "${id}" is not a question number, e.g. tambon export-question 12 --tambon la-ngu / ต้องเป็นเลขที่ของคำถาม`,
      2,
    );
  const tambon = values.tambon;
  if (typeof tambon !== "string" || !tambon)
    throw new CliError("export-question: give the tambon with --tambon SLUG / ต้องระบุ --tambon", 2);
  return await withDatabase(loadConfig(), (database) =>
    exportQuestionCommand(database, [id, "--tambon", tambon]),
  );
}
