import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../core/modules.ts";
import { charterPublicRoutes } from "./routes/public.tsx";
import { charterAdminRoutes } from "./routes/admin.tsx";

/** Routes of the charter module, mounted under /t/:tambon. */
export async function charterRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await charterPublicRoutes(app, deps);
  await charterAdminRoutes(app, deps);
}
