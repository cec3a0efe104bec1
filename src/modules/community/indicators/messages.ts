import catalog from "./messages.json" with { type: "json" };
/** Strings of the page that links the plans module's indicators to form questions. */
export const indicatorsMessages = catalog;
