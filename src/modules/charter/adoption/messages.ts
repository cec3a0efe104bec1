import catalog from "./messages.json" with { type: "json" };

/** UI strings of adoption by vote or assembly (part of the charter dictionary). */
export const adoptionMessages = catalog;
