import catalog from "./messages.json" with { type: "json" };

/** UI strings of drafting, versions and their differences (part of the charter dictionary). */
export const draftingMessages = catalog;
