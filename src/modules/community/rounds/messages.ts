import catalog from "./messages.json" with { type: "json" };
/** UI strings of rounds (merged into the module's dictionary in ../messages.ts). */
export const roundsMessages = catalog;
