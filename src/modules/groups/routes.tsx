import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../core/modules.ts";
import { publicRoutes } from "./routes/public.tsx";
import { adminMeetingRoutes } from "./routes/admin-meetings.tsx";
import { adminGroupRoutes } from "./routes/admin-groups.tsx";

/** Routes of the groups-and-meetings module, mounted under /t/:tambon. */
export async function groupRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await publicRoutes(app, deps);
  await adminMeetingRoutes(app, deps);
  await adminGroupRoutes(app, deps);
}
