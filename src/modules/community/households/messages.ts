import catalog from "./messages.json" with { type: "json" };
/** UI strings of households (merged into the module's dictionary in ../messages.ts). */
export const householdsMessages = catalog;
