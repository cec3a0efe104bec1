import catalog from "./messages.json" with { type: "json" };

/** UI strings of charters and their editions (part of the charter dictionary). */
export const charterMessages = catalog;
