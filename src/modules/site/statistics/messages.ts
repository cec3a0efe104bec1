import catalog from "./messages.json" with { type: "json" };

/** UI strings of visit statistics (part of the site dictionary). */
export const statisticsMessages = catalog;
