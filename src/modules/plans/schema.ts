// The plans module's tables, one file per resource.
export * from "./plans/schema.ts";
export * from "./editions/schema.ts";
export * from "./projects/schema.ts";
export * from "./indicators/schema.ts";
export * from "./measurements/schema.ts";
export * from "./evaluations/schema.ts";
export * from "./distribution/schema.ts";
