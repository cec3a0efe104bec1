import catalog from "./messages.json" with { type: "json" };
/** UI strings of people (merged into the module's dictionary in ../messages.ts). */
export const peopleMessages = catalog;
