import catalog from "./messages.json" with { type: "json" };
/** UI strings of submissions (merged into the module's dictionary in ../messages.ts). */
export const submissionsMessages = catalog;
