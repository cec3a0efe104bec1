import catalog from "./messages.json" with { type: "json" };

/** Strings of the projects import. */
export const projectImportMessages = catalog;
