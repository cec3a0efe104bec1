import catalog from "./messages.json" with { type: "json" };

/** UI strings of the members' corner (part of the site dictionary). */
export const cornerMessages = catalog;
