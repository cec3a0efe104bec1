import catalog from "./messages.json" with { type: "json" };

/** UI strings of the signing and its photos (part of the charter dictionary). */
export const signingMessages = catalog;
