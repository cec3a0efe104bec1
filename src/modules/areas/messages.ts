import { defineMessages } from "../../core/i18n/index.ts";
import type { CoreKey } from "../../core/i18n/messages.ts";
import type { Result } from "../../core/result.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the issue-areas module. */
export const msg = defineMessages("areas", catalog);

/** A key of the issue-areas dictionary. */
export type AreasKey = keyof typeof msg.messages;
/** The outcome of an issue-areas command: field errors carry this module's keys or core's. */
export type AreasResult<T> = Result<T, AreasKey | CoreKey>;
