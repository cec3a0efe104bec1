import catalog from "./messages.json" with { type: "json" };

/** UI strings of comments and their ratings (part of the charter dictionary). */
export const commentMessages = catalog;
