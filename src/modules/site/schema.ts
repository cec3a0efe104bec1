// The site module's tables, one file per resource.
export * from "./pages/schema.ts";
export * from "./menu/schema.ts";
export * from "./news/schema.ts";
export * from "./galleries/schema.ts";
export * from "./documents/schema.ts";
export * from "./corner/schema.ts";
export * from "./jobs/schema.ts";
export * from "./settings/schema.ts";
export * from "./statistics/schema.ts";
export * from "./search/schema.ts";
export * from "./transparency/schema.ts";
export * from "./complaints/schema.ts";
export * from "./qa/schema.ts";
