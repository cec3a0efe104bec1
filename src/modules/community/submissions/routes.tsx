import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Submissions and the review of conflicts. */
export function submissionRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
