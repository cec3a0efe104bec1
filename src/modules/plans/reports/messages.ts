import catalog from "./messages.json" with { type: "json" };

/** UI strings of the plan's reports, exports and open data (part of the plans dictionary). */
export const reportMessages = catalog;
