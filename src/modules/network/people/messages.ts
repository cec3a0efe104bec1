import catalog from "./messages.json" with { type: "json" };

/** UI strings of people (facilitators, roles, profiles) (part of the network dictionary). */
export const peopleMessages = catalog;
