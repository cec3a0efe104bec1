import catalog from "./messages.json" with { type: "json" };
/** UI strings of privacy (merged into the module's dictionary in ../messages.ts). */
export const privacyMessages = catalog;
