import catalog from "./messages.json" with { type: "json" };

/** UI strings of resolutions and nominations (part of the groups dictionary). */
export const resolutionMessages = catalog;
