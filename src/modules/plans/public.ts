/**
 * What other modules may use of the plans module: its tables for their foreign keys, and (as they
 * come) reads of plans, projects and indicators.
 */
export { plans, projects, indicators } from "./schema.ts";
export { fiscalYearOf } from "./shared/fiscal.ts";

/**
 * Indicators and the hook for values computed elsewhere: the community-data module lists the
 * tambon's indicators whose source is "community" and stores their values per village and fiscal
 * year with `recordComputedMeasurements` (source "computed", audited, idempotent by indicator,
 * village and year).
 */
export { listIndicators, type Indicator } from "./indicators/queries.ts";
export { recordComputedMeasurements, type MeasurementInput } from "./measurements/commands.ts";

/**
 * The hook for village populations counted elsewhere: a module that counts people and households
 * (community data) offers `lookups: { [POPULATION_LOOKUP]: (db, tambonId) => VillagePopulation[] }`
 * in its manifest, and the fair-distribution pages use it before the plan's own village figures.
 */
export { POPULATION_LOOKUP, type VillagePopulation } from "./distribution/population.ts";
