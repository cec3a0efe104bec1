import catalog from "./messages.json" with { type: "json" };
/** UI strings of imports (merged into the module's dictionary in ../messages.ts). */
export const importsMessages = catalog;
