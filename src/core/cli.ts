// What a `tambon` command is: its specification (name, options, help) and the code it loads when it
// runs. The CLI reads every specification before it loads any code, so this file imports nothing.

/** A CLI failure: printed as one line on standard error; exit code 1 (2 for wrong usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

/** Arguments of a command after parsing. */
export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A command's code: returns the exit code, or -1 when the process keeps running (serve). */
export interface CommandModule {
  run(args: CommandArgs): Promise<number>;
}

/** An option of a command. */
export interface OptionSpec {
  type: "string" | "boolean";
  /** Shown after the option in the help, e.g. NAME. */
  value?: string;
  /** "ไทย / English". */
  help: string;
}

/**
 * A command of `tambon`: the core's own (src/cli/commands.ts) or a module's (its manifest's
 * `commands`). `load` imports the command's code only when that command runs.
 */
export interface CommandSpec {
  name: string;
  /** Positional arguments as shown in the list of commands, e.g. "FILE|-". */
  args?: string;
  /** Usage lines after "tambon ", when the options are not all optional. */
  usage?: string[];
  /** Fewest and most positional arguments. */
  positionals: [number, number];
  /** One line, "ไทย / English". */
  summary: string;
  /** Paragraphs in Thai, then in English. */
  about: string;
  options: Record<string, OptionSpec>;
  load(): Promise<CommandModule>;
}

/** The help's sentence on the database, in Thai, for commands that open it. */
export const DATABASE_TH =
  "ใช้ PostgreSQL จาก DATABASE_URL หรือ PGlite ฝังตัวใน TAMBON_DATA_DIR (./data) และปรับโครงสร้างฐานข้อมูลก่อนเสมอ";
/** The help's sentence on the database, in English, for commands that open it. */
export const DATABASE_EN =
  "Uses PostgreSQL at DATABASE_URL, or embedded PGlite in TAMBON_DATA_DIR (./data), and applies\npending migrations first.";
