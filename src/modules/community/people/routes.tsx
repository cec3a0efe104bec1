import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** People of households. */
export function peopleRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
