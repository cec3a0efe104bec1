import catalog from "./messages.json" with { type: "json" };

/** UI strings of the tambon's network page and the whole network (part of the network dictionary). */
export const overviewMessages = catalog;
