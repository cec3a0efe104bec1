import catalog from "./messages.json" with { type: "json" };

/** UI strings of evaluating together and of the plan's sections on a charter clause (part of the plans dictionary). */
export const evaluationMessages = catalog;
