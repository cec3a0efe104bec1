/**
 * What other modules may use of the plans module: its tables for their foreign keys, and (as they
 * come) reads of plans, projects and indicators.
 */
export { plans, projects, indicators } from "./schema.ts";
export { fiscalYearOf } from "./shared/fiscal.ts";
