import catalog from "./messages.json" with { type: "json" };

/** UI strings of pillars and lists (part of the network dictionary). */
export const listMessages = catalog;
