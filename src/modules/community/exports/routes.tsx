import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Exports of aggregates and of submissions. */
export function exportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
