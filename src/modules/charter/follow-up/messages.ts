import catalog from "./messages.json" with { type: "json" };

/** UI strings of the follow-up of clauses (part of the charter dictionary). */
export const followUpMessages = catalog;
