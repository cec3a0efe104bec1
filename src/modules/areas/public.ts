/**
 * What other modules may use of the issue areas: reading them, naming them, and the table for
 * their foreign keys. Sections on an area's page are declared in the other module's manifest
 * (`sections: [{ on: "areas.area", section }]`), not imported from here.
 */
export { areaName, getArea, keptAreas, listAreas, type Area } from "./areas/queries.ts";
export { issueAreas } from "./schema.ts";
