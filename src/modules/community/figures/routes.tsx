import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Village figures: the public aggregates. */
export function figureRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
