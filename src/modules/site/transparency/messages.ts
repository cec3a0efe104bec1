import catalog from "./messages.json" with { type: "json" };

/** UI strings of the transparency (ITA) pages (part of the site dictionary). */
export const transparencyMessages = catalog;
