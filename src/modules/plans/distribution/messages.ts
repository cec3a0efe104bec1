import catalog from "./messages.json" with { type: "json" };

/** UI strings of the fair-distribution pages (part of the plans dictionary). */
export const distributionMessages = catalog;
