import catalog from "./messages.json" with { type: "json" };
/**
 * UI strings of collect (merged into the module's dictionary in ../messages.ts). Pure data: the
 * phone's script imports them too, so the page and the app speak with the same words.
 */
export const collectMessages = catalog;
