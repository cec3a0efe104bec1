import catalog from "./messages.json" with { type: "json" };
/** UI strings of exports (merged into the module's dictionary in ../messages.ts). */
export const exportsMessages = catalog;
