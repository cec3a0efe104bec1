// Builds the run's template databases ahead of the test files that copy them; run by
// scripts/run-tests.mjs beside the unit lane. A failure here only costs time: each test file
// builds what is missing, and reports what cannot be built.
import { prepareTestDatabases } from "./db.ts";

await prepareTestDatabases();
