// The `tambon` commands of the build's modules, for the CLI to read before it loads any module.
// Each module declares its commands in its manifest (`commands`); this list names the same
// light files, so that `tambon --help` never imports a module (modules/commands.test.ts checks
// that the two agree).
import type { CommandSpec } from "../core/cli.ts";
import { decisionsCommands } from "./decisions/cli/commands.ts";
import { communityCommands } from "./community/cli/commands.ts";

/** The commands the modules of this build add, in module order. */
export const moduleCommands: CommandSpec[] = [...decisionsCommands, ...communityCommands];
