import catalog from "./messages.json" with { type: "json" };

/** UI strings of the public questions and answers (part of the site dictionary). */
export const qaMessages = catalog;
