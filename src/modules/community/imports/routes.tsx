import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Imports of households, people, submissions and figures. */
export function importRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
