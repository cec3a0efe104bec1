import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** Personal data (PDPA): the read log, requests, settings. */
export function privacyRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
