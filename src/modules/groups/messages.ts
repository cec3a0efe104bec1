import { defineMessages } from "../../core/i18n/index.ts";
import { meetingMessages } from "./meetings/messages.ts";
import { groupMessages } from "./groups/messages.ts";
import { resolutionMessages } from "./resolutions/messages.ts";
import { representativeMessages } from "./representatives/messages.ts";
import { attendanceMessages } from "./attendance/messages.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the groups-and-meetings module. */
export const msg = defineMessages("groups", {
  ...meetingMessages,
  ...groupMessages,
  ...resolutionMessages,
  ...representativeMessages,
  ...attendanceMessages,
  ...catalog,
});

/** A key of this module's dictionary. */
export type GroupsKey = keyof typeof msg.messages;
