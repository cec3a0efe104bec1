import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Households and their people's registry pages. */
export function householdRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
