import catalog from "./messages.json" with { type: "json" };

/** UI strings of attendance and quorum (part of the groups dictionary). */
export const attendanceMessages = catalog;
