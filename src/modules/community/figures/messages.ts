import catalog from "./messages.json" with { type: "json" };
/** UI strings of figures (merged into the module's dictionary in ../messages.ts). */
export const figuresMessages = catalog;
