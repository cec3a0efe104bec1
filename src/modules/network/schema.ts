// The network module's tables, one file per resource.
export * from "./pillars/schema.ts";
export * from "./lists/schema.ts";
export * from "./partners/schema.ts";
export * from "./people/schema.ts";
export * from "./agreements/schema.ts";
export * from "./links/schema.ts";
export * from "./centres/schema.ts";
export * from "./visits/schema.ts";
