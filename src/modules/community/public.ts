/**
 * What other modules may use of the community-data module. Nothing yet: the plans module receives
 * the villages' populations and computed indicator values through its own hooks (its public.ts),
 * which this module's manifest offers.
 */
export {};
