import { defineMessages } from "../i18n/index.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the installable site (the offline page). */
export const pwaMsg = defineMessages("pwa", catalog);
