import catalog from "./messages.json" with { type: "json" };

/** UI strings of meetings, their kinds and steps (part of the groups dictionary). */
export const meetingMessages = catalog;
