import catalog from "./messages.json" with { type: "json" };

/** UI strings of agreements (part of the network dictionary). */
export const agreementMessages = catalog;
