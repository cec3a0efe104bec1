import catalog from "./messages.json" with { type: "json" };

/** UI strings of study visits (part of the network dictionary). */
export const visitMessages = catalog;
