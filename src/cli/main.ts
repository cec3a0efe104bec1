// `tambon`: reads the command line, then loads only the code of the command it runs.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { COMMANDS, commandHelp, mainHelp, type CommandSpec } from "./commands.ts";
import { CliError } from "../core/cli.ts";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** A wrong command line: one line in English and Thai, exit code 2. */
const usageError = (english: string, thai: string, command?: string) =>
  new CliError(
    `${command ? `${command}: ` : ""}${english} / ${thai}; see tambon ${command ? `${command} ` : ""}--help`,
    2,
  );

/** The one-line form of a `parseArgs` error. */
function argumentProblem(err: Error & { code?: string }, command: string): CliError {
  const quoted = /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return usageError(`unknown option ${quoted}`, "ไม่รู้จักตัวเลือกนี้", command);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return usageError(`unexpected argument "${quoted}"`, "มีอาร์กิวเมนต์เกิน", command);
    default:
      return usageError(err.message.split("\n")[0]!.replace(/\.$/, ""), "ตัวเลือกไม่ถูกต้อง", command);
  }
}

function parseCommandLine(spec: CommandSpec, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        ...Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type }])),
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: spec.positionals[1] > 0,
      strict: true,
    });
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))
      throw argumentProblem(err as Error, spec.name);
    throw err;
  }
  const { help, ...values } = parsed.values;
  return { help: !!help, values, positionals: parsed.positionals };
}

async function dispatch(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    // The list of commands for a person, and the one line that says what is wrong for a script.
    process.stdout.write(mainHelp());
    throw usageError("no command given", "ไม่ได้ระบุคำสั่ง");
  }
  if (first === "--version" || first === "-v") {
    process.stdout.write(`tambon ${version()}\n`);
    return 0;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const about = first === "help" ? rest[0] : undefined;
    const spec = about === undefined ? undefined : COMMANDS.find((c) => c.name === about);
    if (about !== undefined && !spec) throw usageError(`unknown command "${about}"`, "ไม่รู้จักคำสั่งนี้");
    process.stdout.write(spec ? commandHelp(spec) : mainHelp());
    return 0;
  }
  if (first.startsWith("-")) throw usageError(`unknown option ${first}`, "ไม่รู้จักตัวเลือกนี้");
  const spec = COMMANDS.find((c) => c.name === first);
  if (!spec) throw usageError(`unknown command "${first}"`, "ไม่รู้จักคำสั่งนี้");
  const { help, values, positionals } = parseCommandLine(spec, rest);
  if (help) {
    process.stdout.write(commandHelp(spec));
    return 0;
  }
  const [least, most] = spec.positionals;
  if (positionals.length < least)
    throw usageError(`missing ${spec.args}`, `ต้องระบุ ${spec.args}`, spec.name);
  if (positionals.length > most)
    throw usageError(`unexpected argument "${positionals[most]}"`, "มีอาร์กิวเมนต์เกิน", spec.name);
  const command = await spec.load();
  return await command.run({ values, positionals });
}

/** Runs the tambon command with its arguments; returns the exit code (-1: keeps running). */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`tambon: ${err.message}\n`);
      return err.code;
    }
    const { ConfigError } = await import("../core/config.ts");
    if (err instanceof ConfigError) {
      process.stderr.write(`tambon: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`tambon: ${(err as Error).message.split("\n")[0]}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
