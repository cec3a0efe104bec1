import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Offline collection on a phone: the installable app and its sync. */
export function collectRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
