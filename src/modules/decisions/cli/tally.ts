import { CliError, type CommandArgs } from "../../../core/cli.ts";
import { runTallyCommand } from "../tally-cli.ts";
import { pick } from "../../../core/pick.ts";

/** `tambon tally [--summary] FILE|-` counts a vote; `tambon tally --verify FILE` checks an export. */
export async function run({ values, positionals }: CommandArgs): Promise<number> {
  const source = positionals[0]!;
  if (values.verify) {
    if (values.summary)
      throw new CliError("tally: --verify and --summary do not go together / ใช้ร่วมกันไม่ได้", 2);
    // Loaded only here: checking an export reads the database schema; counting a vote does not.
    const { verifyCommand } = await import("./verify.ts");
    return await verifyCommand([source]);
  }
  return await runTallyCommand([...(values.summary ? ["--summary"] : []), "--", source], {
    ...pick(process, "stdin", "stdout", "stderr"),
  });
}
