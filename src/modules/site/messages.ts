import { defineMessages } from "../../core/i18n/index.ts";
import { statisticsMessages } from "./statistics/messages.ts";
import { cornerMessages } from "./corner/messages.ts";
import { jobMessages } from "./jobs/messages.ts";
import { transparencyMessages } from "./transparency/messages.ts";
import { complaintMessages } from "./complaints/messages.ts";
import { qaMessages } from "./qa/messages.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the public-site module. */
export const msg = defineMessages("site", {
  ...statisticsMessages,
  ...cornerMessages,
  ...jobMessages,
  ...transparencyMessages,
  ...complaintMessages,
  ...qaMessages,
  ...catalog,
});

/** A key of this module's dictionary. */
export type SiteKey = Parameters<ReturnType<typeof msg.t>>[0];
