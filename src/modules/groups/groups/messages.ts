import catalog from "./messages.json" with { type: "json" };

/** UI strings of groups, their kinds and positions (part of the groups dictionary). */
export const groupMessages = catalog;
