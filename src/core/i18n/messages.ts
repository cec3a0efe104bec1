import { defineMessages } from "./index.ts";
import catalog from "./messages.json" with { type: "json" };

/** The core UI strings (layout, accounts, administration, errors). */
export const core = defineMessages("core", catalog);

/** Keys of the core dictionary. */
export type CoreKey = keyof typeof core.messages;
