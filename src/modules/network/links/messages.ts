import catalog from "./messages.json" with { type: "json" };

/** UI strings of links between tambons (part of the network dictionary). */
export const linkMessages = catalog;
