import catalog from "./messages.json" with { type: "json" };

/** UI strings of complaints and requests (part of the site dictionary). */
export const complaintMessages = catalog;
