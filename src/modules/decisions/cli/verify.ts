import { readFile } from "node:fs/promises";
import { verifyExport, type QuestionExport } from "../results/export.ts";

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
  // Another JSON file (a tally input, a result) is told apart before any part of it is read.
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== "tambon-question-export/1") {
    process.stderr.write(
      `tambon tally --verify: ${file} is not a file written by tambon export-question (format ${JSON.stringify(format ?? null)}) / ไม่ใช่ไฟล์จาก export-question\n`,
    );
    return 1;
  }
  let v;
  try {
    v = verifyExport(data);
  } catch (err) {
    process.stderr.write(
      `tambon tally --verify: ${file} is not a whole export (${(err as Error).message.split("\n")[0]})\n`,
    );
    return 1;
  }
  if (v.ok) {
    process.stdout.write(
      `verified: question ${data.question.id}, winner ${data.result.winner ?? "none"}, final hash ${data.chainHash}\n`,
    );
    return 0;
  }
  process.stderr.write(`tambon tally --verify: ${v.problems.join("; ")}\n`);
  return 1;
}
