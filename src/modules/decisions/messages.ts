import { defineMessages } from "../../core/i18n/index.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the decisions module. */
export const msg = defineMessages("decisions", catalog);

/** The message keys of the decisions module (its commands fail with these or core's). */
export type DecisionsKey = keyof typeof msg.messages;
