import { defineMessages } from "../i18n/index.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of notices: LINE settings, a member's choices and link, the admin's log. */
export const nmsg = defineMessages("notices", catalog);

export type NoticesKey = keyof typeof nmsg.messages;
