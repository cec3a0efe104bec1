import catalog from "./messages.json" with { type: "json" };

/** UI strings of learning centres (part of the network dictionary). */
export const centreMessages = catalog;
