import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";

/** The form builder, versions and XLSForm import and export. */
export function formRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  void app;
  void deps;
}
