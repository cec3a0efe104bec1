import type { FastifyInstance, FastifyServerOptions } from "fastify";
import { buildApp } from "./core/app.ts";
import type { Config } from "./core/config.ts";
import type { Database } from "./core/db/index.ts";
import { modules } from "./modules/index.ts";

/** Builds the platform with every module of this build. */
export function createApp(
  config: Config,
  database: Database,
  logger?: FastifyServerOptions["logger"],
): Promise<FastifyInstance> {
  return buildApp({ config, database, modules, logger });
}

export { modules };
