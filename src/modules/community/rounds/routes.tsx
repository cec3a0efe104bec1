import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Survey rounds. */
export function roundRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
