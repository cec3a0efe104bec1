/*
 * A second instance of the platform in its own process, on the PostgreSQL database named by
 * TAMBON_INSTANCE_DB_URL, with the test configuration (the same secret as the test's own app):
 * its page cache, tambon directory, actors and counters are its own, as on another machine.
 * It prints `listening <port>` once it listens, `change <tambon id>|<action>` for each change of
 * another process it has applied, and closes (writing its visit counts) on SIGTERM.
 */
import { createApp } from "../../src/app.ts";
import { openDatabase } from "../../src/core/db/index.ts";
import { appliedChanges, type Change } from "../../src/core/db/notify.ts";
import { testConfig } from "./app.ts";

const url = process.env.TAMBON_INSTANCE_DB_URL;
if (!url) throw new Error("TAMBON_INSTANCE_DB_URL is not set");
const database = await openDatabase({ url });
const config = { ...testConfig(), databaseUrl: url };
const app = await createApp(config, database);
appliedChanges.on("change", (c: Change) => {
  process.stdout.write(`change ${c.tambonId ?? ""}|${c.action}\n`);
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
process.on("SIGTERM", () => {
  void app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
