import catalog from "./messages.json" with { type: "json" };

/** UI strings of village representatives (part of the groups dictionary). */
export const representativeMessages = catalog;
