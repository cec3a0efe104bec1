import catalog from "./messages.json" with { type: "json" };

/** UI strings of job postings (part of the site dictionary). */
export const jobMessages = catalog;
