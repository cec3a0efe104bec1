import catalog from "./messages.json" with { type: "json" };

/** UI strings of partners (part of the network dictionary). */
export const partnerMessages = catalog;
