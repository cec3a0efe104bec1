import catalog from "./messages.json" with { type: "json" };

/** UI strings of a project's milestones, files and charter clauses (part of the plans dictionary). */
export const projectMessages = catalog;
