import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../core/modules.ts";
import { publicRoutes } from "./routes/public.tsx";
import { adminRoutes } from "./routes/admin.tsx";

/** Routes of the network module, mounted under /t/:tambon. */
export async function networkRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await publicRoutes(app, deps);
  await adminRoutes(app, deps);
}

export { rootRoutes } from "./routes/root.tsx";
