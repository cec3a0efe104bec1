import catalog from "./messages.json" with { type: "json" };

/** UI strings of the public hearing (part of the charter dictionary). */
export const hearingMessages = catalog;
