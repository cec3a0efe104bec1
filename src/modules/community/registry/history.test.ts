import { test } from "node:test";
import assert from "node:assert/strict";
import { diffRecord } from "./history.ts";

interface P {
  name: string;
  birthDate: string | null;
  conditions: string[];
  version: number;
}

test("the history keeps only the fields that changed, before and after", () => {
  const before: P = { name: "สมศรี", birthDate: null, conditions: ["bedridden"], version: 1 };
  assert.deepEqual(
    diffRecord<P>(before, { name: "สมศรี ใจดี", birthDate: "1950-01-02" }, ["name", "birthDate"]),
    { name: ["สมศรี", "สมศรี ใจดี"], birthDate: [null, "1950-01-02"] },
  );
  assert.deepEqual(diffRecord<P>(before, { name: "สมศรี" }, ["name"]), {});
});

test("conditions compare as sets; fields not listed or not given are ignored", () => {
  const before: P = { name: "ก", birthDate: null, conditions: ["a", "b"], version: 1 };
  assert.deepEqual(diffRecord<P>(before, { conditions: ["b", "a"] }, ["conditions"]), {});
  assert.deepEqual(diffRecord<P>(before, { conditions: ["a"] }, ["conditions"]), {
    conditions: [["a", "b"], ["a"]],
  });
  assert.deepEqual(diffRecord<P>(before, { version: 2 }, ["name"]), {});
});

test("a new record's history names every given field from null", () => {
  assert.deepEqual(diffRecord<P>(null, { name: "ข", conditions: [] }, ["name", "conditions"]), {
    name: [null, "ข"],
    conditions: [null, []],
  });
});
