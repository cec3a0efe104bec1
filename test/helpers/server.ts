import type { AddressInfo } from "node:net";
import { startTestApp } from "./app.ts";
import type { TestDatabase } from "./db.ts";

/** A test app listening on a real port of 127.0.0.1, for a browser to visit. */
export interface TestServer {
  url: string;
  /** The server's database, for fixtures a journey needs from another module. */
  database: TestDatabase;
  close(): Promise<void>;
}

/** Starts the app on PGlite (optionally with the demo network) on a free local port. */
export async function startServer(opts: { demo?: boolean } = {}): Promise<TestServer> {
  const test = await startTestApp("pglite", { demo: opts.demo });
  await test.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = test.app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, database: test.database, close: () => test.close() };
}
